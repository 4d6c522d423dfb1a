"""The памятка handed over at the preventive talk with a newly hired servant (control point 1.1.K1), as DOCX."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from zorko.people.models import Servant
from zorko.reports.docx_layout import keep_tail_together, set_properties
from zorko.reports.names import gender_of

TITLE = ("Памятка о соблюдении требований к служебному поведению, ограничений и запретов, предусмотренных "
         "законодательством о муниципальной службе, существующих механизмах антикоррупционного контроля "
         "и ответственности за коррупционные правонарушения")
RULES = [
    "Муниципальный служащий обязан ежегодно, не позднее 30 апреля, представлять сведения о своих доходах, "
    "расходах, об имуществе и обязательствах имущественного характера, а также о доходах, расходах, об имуществе "
    "и обязательствах имущественного характера супруги (супруга) и несовершеннолетних детей, если его должность "
    "включена в перечень (Федеральный закон от 25.12.2008 № 273-ФЗ, ст. 8).",
    "Муниципальный служащий обязан принимать меры по недопущению любой возможности возникновения конфликта "
    "интересов и в письменной форме уведомлять представителя нанимателя о возникшем конфликте интересов или "
    "о возможности его возникновения, как только ему станет об этом известно (ст. 11 Федерального закона № 273-ФЗ).",
    "Муниципальному служащему запрещается заниматься предпринимательской деятельностью лично или через "
    "доверенных лиц, участвовать в управлении коммерческой организацией, кроме случаев, установленных законом "
    "(ст. 14 Федерального закона от 02.03.2007 № 25-ФЗ).",
    "Муниципальный служащий обязан уведомлять представителя нанимателя обо всех случаях обращения к нему "
    "каких-либо лиц в целях склонения к совершению коррупционных правонарушений (ст. 9 Федерального закона № 273-ФЗ).",
    "Муниципальный служащий, намеревающийся выполнять иную оплачиваемую работу, заранее уведомляет об этом "
    "представителя нанимателя.",
    "Подарки, полученные в связи с протокольными мероприятиями, служебными командировками и другими официальными "
    "мероприятиями, подлежат сдаче в порядке, установленном постановлением Правительства РФ от 09.01.2014 № 10.",
    "Сведения о родственниках и свойственниках в анкете актуализируются ежегодно; анкета и сведения проверяются "
    "на аффилированность по открытым государственным реестрам.",
    "Несоблюдение ограничений и запретов, неисполнение обязанностей в целях противодействия коррупции влекут "
    "дисциплинарную ответственность вплоть до увольнения в связи с утратой доверия, а также административную "
    "и уголовную ответственность.",
]


def memo_docx(servant: Servant, talk_on: date | None = None, held_by: str = "") -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    heading = doc.add_heading(TITLE, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    position = f", {servant.position}" if servant.position else ""
    doc.add_paragraph(f"Муниципальный служащий: {servant.full_name}{position}, {servant.organisation}")
    if servant.hired_on:
        doc.add_paragraph(f"Дата приёма на службу: {servant.hired_on:%d.%m.%Y}")
    for n, text in enumerate(RULES, 1):
        doc.add_paragraph(f"{n}. {text}")
    female = gender_of(servant.first_name, servant.middle_name) == "female"
    verb, got = ("ознакомлена", "получила") if female else ("ознакомлен", "получил")
    doc.add_paragraph("")
    doc.add_paragraph(f"С памяткой {verb}, экземпляр {got}: ____________________ {servant.full_name}")
    day = f"{talk_on:%d.%m.%Y}" if talk_on else "«___» ____________ 20__ г."
    doc.add_paragraph(f"Дата беседы: {day}")
    doc.add_paragraph(f"Беседу провёл(а): {held_by or '____________________'}")
    keep_tail_together(doc, 4)  # the last rule and the servant's signature
    set_properties(doc, f"Памятка — {servant.full_name}", servant.organisation.name, TITLE)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
