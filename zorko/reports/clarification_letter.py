"""The clarification request as a DOCX letter to the servant (python-docx), and a ZIP of several.

The servant is asked, with the legal basis, whether the registry persons
listed are his relatives (or, for undeclared relatives, related to him at
all), and to give the ИНН or the birth date that would settle it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import date, timedelta

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from zorko.clarifications.listing import kinship_of, persons
from zorko.findings.clarifications import due_days
from zorko.findings.models import ClarificationRequest
from zorko.reports.docx_layout import keep_tail_together, set_properties
from zorko.reports.names import full_name_dative, full_name_genitive, salutation

LEGAL_BASIS = ("В соответствии со статьями 10 и 11 Федерального закона от 25.12.2008 № 273-ФЗ «О противодействии "
               "коррупции» и статьёй 14.1 Федерального закона от 02.03.2007 № 25-ФЗ «О муниципальной службе в "
               "Российской Федерации» в целях предотвращения и урегулирования конфликта интересов проводится "
               "проверка сведений о Ваших родственниках (свойственниках) по Единому государственному реестру "
               "юридических лиц, Единому государственному реестру индивидуальных предпринимателей и реестру "
               "контрактов.")


def due_date(request: ClarificationRequest, today: date | None = None) -> date:
    """The term of the answer: set when the request is sent; for a prepared one, the term it will get."""
    return request.due_on or (today or date.today()) + timedelta(days=due_days())


def _about(request: ClarificationRequest) -> str:
    if request.relative is None:
        return ("В указанных реестрах найдены лица, чьи фамилия, имя и отчество совпадают с Вашими. ИНН в "
                "Ваших сведениях не указан, поэтому установить по имеющимся данным, являетесь ли Вы одним из них, "
                "нельзя.")
    rel = request.relative
    name_gen = full_name_genitive(rel.last_name, rel.first_name, rel.middle_name)
    return (f"В указанных реестрах найдены лица, чьи фамилия, имя и отчество совпадают с фамилией, именем и "
            f"отчеством Вашего родственника ({kinship_of(request)}), указанного в анкете, — {name_gen}. ИНН "
            f"{name_gen} в анкете не указан, поэтому установить по имеющимся данным, является ли кто-либо из "
            "них Вашим родственником, нельзя.")


def _table(doc: DocxDocument, request: ClarificationRequest) -> None:
    header = ["№", "ФИО", "ИНН", "Регион", "Организации и роли", "Ответ (да / нет / не знаю)"]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for n, p in enumerate(persons(request), 1):
        subjects = "; ".join(f"{s.name} (ОГРН {s.ogrn}) — {s.role}" + (", поставщик" if s.supplier else "")
                             for s in p.subjects)
        for cell, text in zip(table.add_row().cells, [str(n), p.full_name, p.inn or "не указан", p.region,
                                                       subjects, ""], strict=True):
            cell.text = text


def _questions(request: ClarificationRequest) -> list[str]:
    if request.kind == ClarificationRequest.Kind.HIDDEN:
        return ["Является ли каждое из указанных лиц Вашим родственником или свойственником? Отметьте ответ "
                "в последнем столбце таблицы.",
                "Если да, укажите степень родства, ИНН или дату рождения этого лица."]
    if request.relative is None:
        return ["Являетесь ли Вы кем-либо из указанных лиц? Отметьте ответ в последнем столбце таблицы.",
                "Сообщите Ваш ИНН (12 цифр) или дату рождения: по ним сведения будут сверяться без запросов к Вам."]
    rel = request.relative
    name_gen = full_name_genitive(rel.last_name, rel.first_name, rel.middle_name)
    return [f"Является ли кто-либо из указанных лиц Вашим родственником, указанным в анкете ({kinship_of(request)} "
            f"— {rel.full_name})? Отметьте ответ в последнем столбце таблицы.",
            f"Сообщите ИНН (12 цифр) или дату рождения {name_gen}: по ним сведения будут сверяться "
            "без запросов к Вам."]


def letter_title(request: ClarificationRequest) -> str:
    return f"Запрос уточнения сведений № {request.pk}"


def write_letter(request: ClarificationRequest, signer: str = "", today: date | None = None) -> bytes:
    servant = request.servant
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)
    addressee = doc.add_paragraph()
    addressee.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # A position would need declining into the dative too; the name and the personnel number suffice.
    addressee.add_run(f"{full_name_dative(servant.last_name, servant.first_name, servant.middle_name)}\n"
                      f"таб. № {servant.personnel_number}, {servant.organisation}")
    title = doc.add_heading(letter_title(request), level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hello = doc.add_paragraph(salutation(servant.first_name, servant.middle_name))
    hello.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(LEGAL_BASIS)
    if request.kind == ClarificationRequest.Kind.HIDDEN:
        doc.add_paragraph(f"Среди руководителей и учредителей организаций, заключавших контракты с организацией "
                          f"«{servant.organisation}», найдены лица с той же фамилией и тем же отчеством, что и у Вас. "
                          "Родственниками (свойственниками) в Вашей анкете они не указаны.")
    else:
        doc.add_paragraph(_about(request))
    doc.add_paragraph("Лица, о которых просим сообщить:")
    _table(doc, request)
    if request.more_candidates:
        doc.add_paragraph(f"Кроме того, в реестрах есть ещё {request.more_candidates} лиц с теми же данными; "
                          "ИНН или дата рождения позволят исключить их без отдельного запроса.")
    doc.add_paragraph("Просим ответить на вопросы:")
    for n, q in enumerate(_questions(request), 1):
        doc.add_paragraph(f"{n}. {q}")
    doc.add_paragraph(f"Ответ просим представить в письменной форме не позднее {due_date(request, today):%d.%m.%Y}.")
    doc.add_paragraph("Непредставление сведений или представление заведомо недостоверных сведений может повлечь "
                      "ответственность, предусмотренную законодательством о муниципальной службе и о противодействии "
                      "коррупции.")
    sign = doc.add_table(rows=2, cols=3)
    sign.rows[0].cells[0].text = "Ответственный за профилактику коррупционных правонарушений"
    sign.rows[0].cells[1].text = "____________________"
    sign.rows[0].cells[2].text = signer or "____________________"
    sign.rows[1].cells[1].text = "(подпись)"
    sign.rows[1].cells[2].text = f"«___» ____________ {(today or date.today()).year} г."
    keep_tail_together(doc, 3)  # the term, the warning and the signature
    set_properties(doc, f"{letter_title(request)} — {servant.full_name}", servant.organisation.name,
                   "Запрос уточнения сведений о родственниках")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def letter_filename(request: ClarificationRequest) -> str:
    return f"zapros-{request.pk}-{request.servant.personnel_number}.docx"


def letters_zip(requests: Iterable[ClarificationRequest], signer: str = "", today: date | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for request in requests:
            zf.writestr(letter_filename(request), write_letter(request, signer, today))
    return buf.getvalue()
