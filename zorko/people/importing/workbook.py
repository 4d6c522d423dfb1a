"""Bounded reading of a spreadsheet: what a hostile workbook can cost is limited before parsing.

The spreadsheet reader (calamine) allocates the whole rectangle from A1 to
the last cell at once: a 5 KB workbook with one cell in XFD1048576 asks for
half a terabyte and kills the process. So an XLSX is first looked at as a
zip of XML: the unpacked size of its parts, the last row and column its
cells name, and formula cells (their value is whatever the author's Excel
computed last, or nothing) are checked, and refused with a message naming
the cell. Only then calamine reads it, and each cell's text is bounded too.

The CLI and the web preview of the people import, and ``zorko match``, read
through :func:`read_rows`.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from typing import Any

from lxml import etree

MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 5_000
MAX_UNPACKED = 300 * 1024 * 1024  # all the XML parts of the book together
MAX_SMALL_PART = 4 * 1024 * 1024  # workbook.xml and its relations

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# Producers may prefix the elements (``<x:c>``); the reader accepts both, so the checks do too.
_CELL_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\sr=\"([A-Z]{1,3})([0-9]{1,9})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"([0-9]{1,9})\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_START = re.compile(rb"<(?:\w+:)?c\s")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class WorkbookRefused(Exception):
    """The workbook is beyond the bounds; ``str()`` is the Russian reason, naming the cell."""

    def __init__(self, reason: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(reason)
        self.row = row
        self.column = column


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _read_part(book: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The unpacked part, stopping at ``limit`` bytes whatever the zip header claims."""
    with book.open(name) as part:
        data = part.read(limit + 1)
    if len(data) > limit:
        raise WorkbookRefused(f"книга слишком велика в распакованном виде (часть {name} больше "
                              f"{limit // (1024 * 1024)} МБ)")
    return data


def _first_sheet(book: zipfile.ZipFile) -> str:
    """Path of the first worksheet in the book's order, which is the one calamine reads."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        workbook = etree.fromstring(_read_part(book, "xl/workbook.xml", MAX_SMALL_PART), parser)
        rels = etree.fromstring(_read_part(book, "xl/_rels/workbook.xml.rels", MAX_SMALL_PART), parser)
    except (KeyError, etree.XMLSyntaxError):
        raise WorkbookRefused("файл повреждён или это не книга Excel") from None
    sheet = workbook.find(f"{_MAIN}sheets/{_MAIN}sheet")
    if sheet is None:
        raise WorkbookRefused("в книге нет ни одного листа")
    rel_id = sheet.get(f"{_REL}id")
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    raise WorkbookRefused("файл повреждён или это не книга Excel")


def _check_unpacked_size(book: zipfile.ZipFile) -> None:
    """Unpack every part as a stream, counting: the sizes the zip declares may lie (zip bomb)."""
    total = 0
    for info in book.infolist():
        with book.open(info) as part:
            while chunk := part.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_UNPACKED:
                    raise WorkbookRefused(f"книга слишком велика в распакованном виде (больше "
                                          f"{MAX_UNPACKED // (1024 * 1024)} МБ)")


def _cell_before(xml: bytes, at: int) -> str:
    starts = [m.start() for m in _CELL_START.finditer(xml, max(0, at - 4096), at)]
    match = _CELL_REF.match(xml, starts[-1]) if starts else None
    return (match.group(1) + match.group(2)).decode() if match else "?"


def check_xlsx(data: bytes) -> None:
    """Refuse an XLSX whose size, extent or formulas are beyond the bounds (WorkbookRefused)."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise WorkbookRefused("файл повреждён или это не книга Excel") from None
    with book:
        if "xl/workbook.xml" not in book.namelist():
            raise WorkbookRefused("это не книга Excel в формате XLSX (книги ODS не принимаются: "
                                  "сохраните файл как XLSX или CSV)")
        try:
            _check_unpacked_size(book)
            xml = _read_part(book, _first_sheet(book), MAX_UNPACKED)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, KeyError):
            # A damaged member (bad CRC, broken deflate stream, truncated file, unknown compression).
            raise WorkbookRefused("файл повреждён или это не книга Excel") from None
    _check_extent(xml)
    formula = _FORMULA.search(xml)
    if formula:
        cell = _cell_before(xml, formula.start())
        raise WorkbookRefused(f"ячейка {cell} содержит формулу; замените формулы значениями "
                              "(«Копировать» → «Вставить значения»)")


def _check_extent(xml: bytes) -> None:
    last_row = max((int(m.group(1)) for m in _ROW_REF.finditer(xml)), default=0)
    last_column = ""
    for match in _CELL_REF.finditer(xml):
        letters = match.group(1).decode()
        if (len(letters), letters) > (len(last_column), last_column):
            last_column = letters
        last_row = max(last_row, int(match.group(2)))
    columns = column_number(last_column) if last_column else 0
    if last_row > MAX_ROWS or columns > MAX_COLUMNS:
        raise WorkbookRefused(f"лист заполнен до ячейки {last_column or 'A'}{last_row} ({last_row} строк, "
                              f"{columns} столбцов); допустимо не больше {MAX_ROWS} строк и "
                              f"{MAX_COLUMNS} столбцов")


def read_rows(data: bytes) -> list[list[Any]]:
    """Rows of the first sheet from A1 (so row numbers match), within the bounds."""
    from python_calamine import CalamineWorkbook

    if not data.startswith(OLE_MAGIC):
        check_xlsx(data)
    # Old XLS is bounded by its own format (65,536 rows × 256 columns).
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
        if sheet.total_height > MAX_ROWS or sheet.total_width > MAX_COLUMNS:
            raise WorkbookRefused(f"лист больше допустимого ({MAX_ROWS} строк, {MAX_COLUMNS} столбцов)")
        rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
    except WorkbookRefused:
        raise
    except Exception:  # the reader raises its own kinds for a damaged or foreign file
        raise WorkbookRefused("файл повреждён или это не книга Excel") from None
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                cell = f"{_letters(index + 1)}{number}"
                raise WorkbookRefused(f"в ячейке {cell} {len(value)} символов, допустимо не больше "
                                      f"{MAX_CELL_CHARS}")
    return rows


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
