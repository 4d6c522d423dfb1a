"""Reminder letters to the servants who have not filed their справка: one DOCX each, or all in a ZIP."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from petrovich.enums import Case
from petrovich.main import Petrovich

from zorko.declarations.campaign import deadline
from zorko.people.models import Servant
from zorko.reports.docx_layout import keep_tail_together, set_properties
from zorko.reports.names import gender_of
from zorko.reports.person_report import fmt_date

_PETROVICH = Petrovich()


def _dative(method: str, value: str, gender: str) -> str:
    if not value.strip():
        return ""
    try:
        return str(getattr(_PETROVICH, method)(value.strip(), Case.DATIVE, gender))
    except (ValueError, KeyError, IndexError):
        return value.strip()


def addressee(servant: Servant) -> str:
    """«Иванову Ивану Ивановичу» for the letter's header."""
    gender = gender_of(servant.first_name, servant.middle_name)
    invariant = servant.last_name.strip().lower().endswith(("ых", "их"))
    last = servant.last_name.strip() if invariant else _dative("lastname", servant.last_name, gender)
    return " ".join(p for p in (last, _dative("firstname", servant.first_name, gender),
                                _dative("middlename", servant.middle_name, gender)) if p)


def salutation(servant: Servant) -> str:
    female = gender_of(servant.first_name, servant.middle_name) == "female"
    return f"{'Уважаемая' if female else 'Уважаемый'} {servant.first_name} {servant.middle_name}!".replace(" !", "!")


def letter_docx(servant: Servant, year: int, as_of: date, signer: str = "") -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    head = doc.add_paragraph(f"{addressee(servant)}\n{servant.position or ''}\n{servant.organisation}".strip())
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = doc.add_paragraph(salutation(servant))
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(
        f"Напоминаем, что сведения о своих доходах, расходах, об имуществе и обязательствах имущественного "
        f"характера, а также о доходах, расходах, об имуществе и обязательствах имущественного характера супруги "
        f"(супруга) и несовершеннолетних детей за {year} год представляются по форме, утверждённой Указом "
        f"Президента Российской Федерации от 23.06.2014 № 460, не позднее {fmt_date(deadline(year))}.")
    doc.add_paragraph(f"По состоянию на {fmt_date(as_of)} справка от Вас в отдел по профилактике коррупционных "
                      "правонарушений не поступила. Просим представить её в установленный срок.")
    doc.add_paragraph("Непредставление сведений является основанием для освобождения от замещаемой должности "
                      "(статья 15 Федерального закона от 02.03.2007 № 25-ФЗ «О муниципальной службе в Российской "
                      "Федерации»).")
    sign = doc.add_table(rows=1, cols=3)
    sign.rows[0].cells[0].text = "Отдел по профилактике коррупционных правонарушений"
    sign.rows[0].cells[1].text = "____________________"
    sign.rows[0].cells[2].text = signer or "____________________"
    keep_tail_together(doc, 2)  # the warning and the signature
    set_properties(doc, f"Напоминание о представлении справки за {year} год — {servant.full_name}",
                   servant.organisation.name, "Справки о доходах, расходах, об имуществе")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def file_name(servant: Servant) -> str:
    safe = "".join(c for c in f"{servant.last_name} {servant.first_name[:1]}{servant.middle_name[:1]}"
                   if c.isalnum() or c in " -")
    return f"Напоминание {safe.strip()} {servant.personnel_number}.docx".replace("/", "_")


def letters_zip(servants: list[Servant], year: int, as_of: date, signer: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for servant in servants:
            archive.writestr(file_name(servant), letter_docx(servant, year, as_of, signer))
    return buf.getvalue()
