"""The program's progress report, point by point with the evidence, for a quarter or the year."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook

from zorko.program.control_points import current_content
from zorko.program.status import PointStatus, statuses
from zorko.program.xlsx import add_table, put, workbook_bytes
from zorko.reports.docx_layout import repeat_header, set_properties

HEADER = ["№ п/п", "Контрольная точка", "Срок", "Ответственный исполнитель", "Вид документа", "Статус",
          "Подтверждение", "Документ"]


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def progress_rows(year: int, quarter: int, today: date) -> list[PointStatus]:
    """The year's occurrences; for a quarter those running in it (begun by its end, due from its start)."""
    rows = statuses(year, today)
    if not quarter:
        return rows
    q_start, q_end = date(year, 3 * quarter - 2, 1), date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return [r for r in rows if (r.occurrence.quarter == quarter) or
            (not r.occurrence.quarter and r.occurrence.start < q_end and r.occurrence.due >= q_start)]


def _evidence(r: PointStatus) -> str:
    parts = []
    if r.evidence:
        parts.append(f"по данным Зорко: {r.evidence.summary}")
    if r.mark and r.mark.note:
        parts.append(r.mark.note)
    return "; ".join(parts) or "—"


def _document(r: PointStatus) -> str:
    if not r.mark:
        return ""
    return "; ".join(x for x in (r.mark.document_name, r.mark.document_link) if x)


def _cells(r: PointStatus) -> list[str]:
    o = r.occurrence
    term = f"{o.start:%d.%m.%Y} – {o.due:%d.%m.%Y}" + (f" ({o.label})" if o.quarter else "")
    return [r.point.code, r.point.title, term, r.point.responsible, r.point.document, r.status_name,
            _evidence(r), _document(r)]


def _period(year: int, quarter: int) -> str:
    return f"{quarter} квартал {year} года" if quarter else f"{year} год"


def progress_xlsx(year: int, quarter: int, rows: list[PointStatus]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ход реализации"
    put(ws, 1, 1, f"Отчёт о ходе реализации программы за {_period(year, quarter)}", bold=True)
    put(ws, 2, 1, str(current_content().get("program", "")))
    add_table(ws, HEADER, [_cells(r) for r in rows], 4)
    ws.column_dimensions["B"].width = 60
    return workbook_bytes(wb)


def progress_docx(year: int, quarter: int, rows: list[PointStatus]) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(10)
    title = doc.add_heading(f"Отчёт о ходе реализации программы за {_period(year, quarter)}", level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(str(current_content().get("program", "")))
    table = doc.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for r in rows:
        for cell, text in zip(table.add_row().cells, _cells(r), strict=True):
            cell.text = text
    done = sum(r.status == "done" for r in rows)
    doc.add_paragraph(f"Выполнено контрольных точек: {done} из {len(rows)}.")
    repeat_header(table)
    set_properties(doc, f"Отчёт о ходе реализации программы за {_period(year, quarter)}",
                   subject=str(current_content().get("program", "")))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
