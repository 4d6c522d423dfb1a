"""Reading the ФНС open-data CSV files: encoding, separator, header.

ФНС publishes in windows-1251 or UTF-8 (with or without BOM), separated
by «;» or «,». Both are recognised from the file itself; a byte sequence
that fits neither is reported with the row it sits on.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from zorko.encodings import is_utf8_text
from zorko.exceptions import ImportFailed

SNIFF_BYTES = 64 * 1024


@dataclass(slots=True)
class CsvRow:
    line: int
    cells: list[str]


def detect_encoding(sample: bytes) -> str:
    """UTF-8 when the sample decodes as UTF-8 (a cut multibyte tail aside), else windows-1251."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "windows-1251"
    return "utf-8"


def detect_delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ";"


def read_rows(raw: IO[bytes], name: str) -> Iterator[CsvRow]:
    """Rows of a CSV stream with their line numbers (1-based, header included)."""
    buffered = io.BufferedReader(raw, buffer_size=SNIFF_BYTES)  # type: ignore[type-var]
    sample = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    encoding = detect_encoding(sample)
    first = sample.decode(encoding, errors="replace").lstrip("\ufeff").splitlines()
    delimiter = detect_delimiter(first[0] if first else "")
    yield from _rows(_lines(buffered, encoding, name), delimiter, name)


def _lines(raw: Iterator[bytes], encoding: str, name: str) -> Iterator[str]:
    """Decoded lines; decoding line by line makes a bad byte's line number exact."""
    for number, line in enumerate(raw, start=1):
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                name, f"неверная кодировка: файл начинается в кодировке {encoding}, но в этой "
                "строке байты другой кодировки", line=number) from exc
        if encoding != "utf-8" and is_utf8_text(line):
            raise ImportFailed(
                name, f"неверная кодировка: файл начинается в кодировке {encoding}, а эта строка "
                "в UTF-8; сохраните весь файл в одной кодировке", line=number)
        yield text.lstrip("\ufeff") if number == 1 else text


def _rows(lines: Iterator[str], delimiter: str, name: str) -> Iterator[CsvRow]:
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"')
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield CsvRow(reader.line_num, [cell.strip() for cell in cells])
    except csv.Error as exc:
        raise ImportFailed(name, f"ошибка формата CSV: {exc}", line=reader.line_num) from exc
