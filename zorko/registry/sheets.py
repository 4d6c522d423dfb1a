"""Writing XLSX for people to open: formula-safe text, numbers and dates in Russian formats."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from zorko.exports import formula_safe

DATE_FORMAT = "DD.MM.YYYY"
MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "#,##0"


def write_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
               widths: Sequence[int] | None = None) -> bytes:
    """One sheet: a bold header, then the rows (text made safe, numbers and dates typed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        sheet.append([_value(v) for v in values])
        for cell, value in zip(sheet[sheet.max_row], values, strict=False):
            if isinstance(value, datetime | date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, float | Decimal):
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, int) and not isinstance(value, bool):
                cell.number_format = INTEGER_FORMAT
    for i, width in enumerate(widths or (), start=1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return formula_safe(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value
