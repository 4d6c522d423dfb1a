"""Reminder letters to the servants who have not filed their справка: one DOCX each, or all in a ZIP."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from zorko.declarations.campaign import deadline
from zorko.people.models import Servant
from zorko.reports.docx_layout import keep_tail_together, set_properties
from zorko.reports.names import full_name_dative
from zorko.reports.names import salutation as names_salutation
from zorko.reports.person_report import fmt_date


def addressee(servant: Servant) -> str:
    """«Иванову Ивану Ивановичу» for the letter's header."""
    return full_name_dative(servant.last_name, servant.first_name, servant.middle_name)


def salutation(servant: Servant) -> str:
    return names_salutation(servant.first_name, servant.middle_name)


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
