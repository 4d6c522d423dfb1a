"""XLSX writing shared by the campaign export and the publication extract.

Text that a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``)
is written with a leading apostrophe; numbers stay numbers, in a Russian
number format (Excel shows the thousands and decimal separators of the
user's locale).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from zorko.exports import formula_safe

MONEY_FORMAT = "#,##0.00"
NUMBER_FORMAT = "#,##0.##"
DATE_FORMAT = "DD.MM.YYYY"


def cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return formula_safe(value)
    return value


def add_sheet(wb: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
              money_columns: Iterable[int] = ()) -> Worksheet:
    ws = wb.create_sheet(title[:31])
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    money = set(money_columns)
    for row in rows:
        ws.append([cell_value(v) for v in row])
        for index, cell in enumerate(ws[ws.max_row]):
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = MONEY_FORMAT if index in money else NUMBER_FORMAT
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index in range(1, len(header) + 1):
        ws.column_dimensions[ws.cell(1, index).column_letter].width = 22
    return ws


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def to_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
