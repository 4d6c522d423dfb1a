"""Reading an import file into rows: XLSX, or CSV in UTF-8 (BOM or not) / Windows-1251
with «,» or «;» — all detected from the content, not from the file name.

Spreadsheets are read with calamine (Rust): several times faster than
openpyxl on the tens of thousands of rows of a large HR export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zorko.encodings import is_utf8_text
from zorko.exceptions import InputProblem
from zorko.people.importing import workbook
from zorko.people.importing.columns import Column, header_key

# XLSX is a zip file; old XLS is an OLE compound document.
SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
MAX_FILE_BYTES = 100 * 1024 * 1024
_UPPER = re.compile("[А-ЯЁ]")
_LOWER = re.compile("[а-яё]")


@dataclass(slots=True)
class Table:
    """Rows of one file as ``{column: text}`` with the spreadsheet row number (header = 1)."""

    file: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    problems: list[InputProblem] = field(default_factory=list)
    # False when the rows cannot be checked at all (unreadable file, missing required column).
    readable: bool = True

    def problem(self, reason: str, row: int | None = None, column: str | None = None,
                value: object = None, *, fatal: bool = False) -> None:
        text = None if value is None else str(value)
        self.problems.append(InputProblem(self.file, row, column, text, reason))
        if fatal:
            self.readable = False


def _decode(data: bytes, table: Table) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        table.problem("файл в кодировке UTF-16; сохраните его как CSV в UTF-8 или Windows-1251", fatal=True)
        return None
    if b"\x00" in data[:4096]:
        table.problem("файл не похож на текст CSV (двоичные данные); ожидается CSV или XLSX", fatal=True)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    utf8_line = next((n for n, line in enumerate(data.split(b"\n"), start=1) if is_utf8_text(line)), None)
    if utf8_line is not None:
        table.problem("в файле смешаны кодировки: часть строк в UTF-8, часть в Windows-1251; "
                      "сохраните весь файл в одной кодировке", row=utf8_line, fatal=True)
        return None
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    # Russian text is mostly lower case; KOI8-R or DOS-866 read as Windows-1251 is not.
    if text is None or len(_UPPER.findall(text)) > len(_LOWER.findall(text)):
        table.problem("не удалось определить кодировку: ожидается UTF-8 или Windows-1251", fatal=True)
        return None
    return text


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d])


def _csv_rows(text: str, table: Table) -> list[list[str]] | None:
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first_line))
    try:
        return [list(r) for r in reader]
    except csv.Error:
        # A lone carriage return inside an unquoted field (a file glued or edited by hand).
        table.problem("файл CSV не разбирается: перевод строки внутри поля без кавычек",
                      row=reader.line_num, fatal=True)
        return None


def _spreadsheet_rows(data: bytes, table: Table) -> list[list[Any]] | None:
    """Rows of the first sheet of an XLSX (or XLS) book, from A1 so row numbers match."""
    try:
        return workbook.read_rows(data)
    except workbook.WorkbookRefused as exc:
        table.problem(f"не удалось прочитать файл XLSX: {exc}", row=exc.row, column=exc.column,
                      fatal=True)
        return None


def cell_text(value: Any) -> Any:
    """Text of a cell; dates stay dates, whole numbers stay ``int`` (without a «.0»)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value  # kept a number: identifiers restore the leading zeros a spreadsheet drops
    return str(value).strip()


def read_table(path: Path, columns: Sequence[Column], name: str | None = None) -> Table:
    """Read ``path``; header and encoding problems go to ``table.problems``."""
    table = Table(file=name or path.name)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            table.problem(f"файл больше {MAX_FILE_BYTES // (1024 * 1024)} МБ; разделите его на части",
                          fatal=True)
            return table
        data = path.read_bytes()
    except FileNotFoundError:
        table.problem("файл не найден", fatal=True)
        return table
    except OSError:
        table.problem("не удалось открыть файл: нет доступа или это не файл", fatal=True)
        return table
    if not data.strip():
        table.problem("файл пуст", fatal=True)
        return table
    if data.startswith(SPREADSHEET_MAGIC):
        raw = _spreadsheet_rows(data, table)
    else:
        text = _decode(data, table)
        raw = _csv_rows(text, table) if text is not None else None
    if raw is None:
        return table
    raw_rows = [(n, r) for n, r in enumerate(raw, start=1) if any(cell_text(c) != "" for c in r)]
    if not raw_rows:
        table.problem("файл пуст", fatal=True)
        return table
    at = _header_index(raw_rows, columns)
    header_row, header = raw_rows[at]
    _read_header(table, header_row, header, columns)
    if not table.readable:
        return table
    for number, values in raw_rows[at + 1:]:
        row = {col: cell_text(values[i]) if i < len(values) else ""
               for i, col in enumerate(table.columns) if col}
        table.rows.append((number, row))
    if not table.rows:
        table.problem("в файле нет ни одной строки с данными, только заголовок", fatal=True)
    return table


def _header_index(raw_rows: list[tuple[int, list[Any]]], columns: Sequence[Column]) -> int:
    """The header row: the first of the top rows with two known columns.

    Exports often put a title («Список сотрудников на 01.03.2026») above it.
    """
    known = {c.header for c in columns}
    for index, (_, values) in enumerate(raw_rows[:10]):
        if len(known & {header_key(v) for v in values}) >= 2:
            return index
    return 0


def _read_header(table: Table, row: int, header: list[Any], columns: Sequence[Column]) -> None:
    known = {c.header for c in columns}
    keys = [header_key(h) for h in header]
    if not known & set(keys):
        table.problem("не найдено ни одного известного столбца: проверьте, что первая строка — "
                      "заголовки, а файл сохранён в UTF-8 или Windows-1251", row=row, fatal=True)
        return
    seen: set[str] = set()
    names: list[str] = []
    for key, original in zip(keys, header, strict=True):
        if key == "":
            names.append("")
            continue
        if key not in known:
            table.problem(f"неизвестный столбец; допустимые: {', '.join(c.header for c in columns)}",
                          row=row, column=str(original), value=None)
        elif key in seen:
            table.problem("столбец повторяется", row=row, column=key)
        seen.add(key)
        names.append(key if key in known else "")
    for col in columns:
        if col.required and col.header not in seen:
            table.problem("нет обязательного столбца", row=row, column=col.header, fatal=True)
    table.columns = tuple(names)
