"""Published lists as CSV or XLSX: rows with line numbers, the header found among the first rows.

Registers published for people (the loss-of-trust register, ФНС status
lists) come as CSV in windows-1251 or UTF-8, or as XLSX with a title and
notes above the table. The header is the first row among the first
``HEADER_SEARCH`` rows in which a source's ``classify`` recognises enough
column titles; rows above it are skipped. Every value keeps its row
number (the line of a CSV, the row of a sheet) for error messages.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, TypeVar

from zorko.exceptions import ImportFailed
from zorko.registry.files import expand
from zorko.registry.importers.csvfiles import CsvRow, read_rows

T = TypeVar("T")

HEADER_SEARCH = 20
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")
# A cell's title → the record attribute it holds, or None.
Classifier = Callable[[str], str | None]


def norm_title(value: str) -> str:
    return " ".join(re.sub(r"[^\w№]+", " ", value.lstrip("\ufeff").casefold().replace("ё", "е")).split())


def parse_files(paths: Iterable[str | Path], suffixes: tuple[str, ...],
                parse_stream: Callable[[IO[bytes], str], Iterator[T]]) -> Iterator[T]:
    """Records of every file, folder and ``.zip`` member with one of the suffixes."""
    for item in expand([Path(p) for p in paths], suffixes):
        with item.open() as stream:
            yield from parse_stream(stream, item.name)


def rows_of(stream: IO[bytes], name: str) -> Iterator[CsvRow]:
    """Non-empty rows of a CSV or XLSX file (told by name, or by the ZIP signature of XLSX)."""
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(stream.read(), name)
    return read_rows(stream, name)


def _xlsx_rows(data: bytes, name: str) -> Iterator[CsvRow]:
    from openpyxl import load_workbook  # only XLSX loads pay for it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError… for a broken file
        raise ImportFailed(name, f"файл не является книгой Excel (XLSX) или повреждён: {exc}") from exc
    sheet = book.worksheets[0]
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [_cell_text(v) for v in values]
        if any(cells):
            yield CsvRow(number, cells)
    book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def find_header(rows: Iterator[CsvRow], name: str, classify: Classifier, required: dict[str, str],
                minimum: int = 2) -> tuple[dict[str, int], Iterator[CsvRow]]:
    """Column positions by attribute, and the rows after the header.

    ``required`` maps attributes to their Russian titles: a header without
    one of them is refused, naming the row it was looked for in.
    """
    seen: list[CsvRow] = []
    for row in rows:
        seen.append(row)
        positions: dict[str, int] = {}
        for i, cell in enumerate(row.cells):
            attr = classify(norm_title(cell)) if cell else None
            if attr and attr not in positions:
                positions[attr] = i
        if len(positions) >= minimum:
            missing = [title for attr, title in required.items() if attr not in positions]
            if missing:
                raise ImportFailed(name, "в заголовке таблицы нет столбца «" + "», «".join(missing) + "»",
                                   line=row.line)
            return positions, rows
        if len(seen) >= HEADER_SEARCH:
            break
    where = seen[0].line if seen else 1
    raise ImportFailed(name, "не найдена строка заголовка таблицы (ожидались столбцы «"
                       + "», «".join(required.values()) + "»)", line=where)


def parse_date(value: str) -> date | None:
    """ДД.ММ.ГГГГ, ГГГГ-ММ-ДД (also with a time part) or ДД.ММ.ГГ; None when not a date."""
    value = value.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value[:10] if fmt == "%Y-%m-%d" else value, fmt).date()
        except ValueError:
            continue
    return None
