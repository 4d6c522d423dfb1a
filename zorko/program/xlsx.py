"""XLSX writing for the program's exports: safe text cells, numbers as numbers, Russian formats."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from zorko.exports import formula_safe

# Stored in Excel's invariant notation; a Russian Excel shows «1 234,5».
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "DD.MM.YYYY"
CELL_LIMIT = 32_000  # Excel refuses cells longer than 32 767 characters


def safe_text(value: str) -> str:
    """A text that a spreadsheet would run as a formula gets a leading apostrophe."""
    return formula_safe(value[:CELL_LIMIT])


def put(ws: Worksheet, row: int, col: int, value: Any, bold: bool = False) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, bool):
        cell.value = "да" if value else "нет"
    elif isinstance(value, int):
        cell.value, cell.number_format = value, INTEGER_FORMAT
    elif isinstance(value, Decimal):
        cell.value, cell.number_format = float(value), MONEY_FORMAT
    elif isinstance(value, float):
        cell.value, cell.number_format = value, DECIMAL_FORMAT if not value.is_integer() else INTEGER_FORMAT
    elif isinstance(value, datetime | date):
        cell.value = value.date() if isinstance(value, datetime) else value
        cell.number_format = DATE_FORMAT
    elif value is None:
        cell.value = None
    else:
        cell.value = safe_text(str(value))
    if bold:
        cell.font = Font(bold=True)


def add_table(ws: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Any]], start_row: int = 1) -> int:
    """Header in bold, then the rows; returns the next free row."""
    for col, title in enumerate(header, 1):
        put(ws, start_row, col, title, bold=True)
        ws.cell(row=start_row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    n = start_row
    for n, values in enumerate(rows, start_row + 1):
        for col, value in enumerate(values, 1):
            put(ws, n, col, value)
    for col, _ in enumerate(header, 1):
        ws.column_dimensions[ws.cell(row=start_row, column=col).column_letter].width = 22
    return n + 1


def workbook_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def table_xlsx(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]], note: str = "") -> bytes:
    """One sheet: a title line, an optional note (the filters), the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = safe_text(title)[:31].replace("/", "-").lstrip("'") or "Лист1"
    put(ws, 1, 1, title, bold=True)
    row = 2
    if note:
        put(ws, 2, 1, note)
        row = 3
    add_table(ws, header, rows, row + 1)
    return workbook_bytes(wb)
