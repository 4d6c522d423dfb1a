"""The one way to write a spreadsheet export (CSV or XLSX) that Excel opens safely.

Cells of exports come from public registries (ЕГРЮЛ company names), HR files and
even login names typed by anonymous visitors. Excel and LibreOffice run a text
cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab / carriage return
before one) as a formula, so such text is written with a leading ``'``, which
spreadsheets show as plain text (OWASP «CSV injection»). Numbers stay numbers.

Every export goes through :func:`safe_cell`: :func:`csv_lines`,
:func:`write_csv` and :func:`write_xlsx` apply it to each cell.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from zorko.ru.formats import (
    XLSX_DATE,
    XLSX_DATETIME,
    XLSX_DECIMAL,
    XLSX_INTEGER,
    date_ru,
    datetime_ru,
    number_ru,
)

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n")
INTEGER_FORMAT, DECIMAL_FORMAT, DATE_FORMAT = XLSX_INTEGER, XLSX_DECIMAL, XLSX_DATE
# The XLSX format itself caps a cell at 32,767 characters; longer text would be refused by Excel.
XLSX_CELL_LIMIT = 32_767


def formula_safe(text: str) -> str:
    """Text that a spreadsheet would run as a formula, with a leading ``'``; other text as it is."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def safe_cell(value: Any) -> Any:
    """The value as it may go into a spreadsheet: text that would run as a formula gets a ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, int | float | Decimal | date | datetime):
        return value
    return formula_safe(str(value))


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


def _csv_text(value: Any) -> str:
    cell = safe_cell(value)
    if isinstance(cell, datetime):
        return datetime_ru(cell)
    if isinstance(cell, date):
        return date_ru(cell)
    if isinstance(cell, float | Decimal):
        return number_ru(cell, 2)
    return str(cell)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """CSV for Russian Excel, line by line (for streaming): UTF-8 with BOM, «;» as separator."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([_csv_text(v) for v in row])


def write_csv(path: Path, rows: Iterable[Sequence[Any]]) -> None:
    with private_file(path, "w", encoding="utf-8", newline="") as fh:
        for line in csv_lines(rows):
            fh.write(line)


def _number_format(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return INTEGER_FORMAT
    if isinstance(value, float | Decimal):
        return DECIMAL_FORMAT
    if isinstance(value, datetime):
        return XLSX_DATETIME
    if isinstance(value, date):
        return DATE_FORMAT
    return None


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], title: str) -> None:
    """One sheet with a bold header; numbers and dates as such, with Russian formats."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(safe_row(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        cells = safe_row(row)
        sheet.append([c[:XLSX_CELL_LIMIT] if isinstance(c, str) else c for c in cells])
        for cell in sheet[sheet.max_row]:
            fmt = _number_format(cell.value)
            if fmt:
                cell.number_format = fmt
    # Built in memory first: a zip writer failing on a full disk leaves noise at garbage collection.
    data = io.BytesIO()
    book.save(data)
    with private_file(path, "wb") as fh:
        fh.write(data.getvalue())


def private_file(path: Path, mode: str, **kwargs: Any) -> Any:
    """Open a file for writing readable by its owner only (0600): exports hold personal data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    if stat.S_ISREG(os.fstat(fd).st_mode):
        os.fchmod(fd, 0o600)  # an existing file keeps its mode otherwise
    return os.fdopen(fd, mode, **kwargs)
