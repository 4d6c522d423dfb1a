"""Writing rows in the import format (XLSX, CSV) and building tables from rows in memory.

The demo, the benchmark and the tests produce their input through these,
so what they load is exactly what an HR export would look like.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from zorko.people.importing.columns import Column
from zorko.people.importing.tables import Table


def write_xlsx(path: str | Path, columns: Sequence[Column] | Sequence[str],
               rows: Iterable[Mapping[str, Any]]) -> Path:
    from openpyxl import Workbook

    headers = [c.header if isinstance(c, Column) else c for c in columns]
    # Not write-only: that mode stores inline strings, while Excel (and so real HR exports)
    # writes shared strings and the sheet dimension, which read several times faster.
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h, "") for h in headers])
    workbook.save(path)
    return Path(path)


def write_csv(path: str | Path, columns: Sequence[Column] | Sequence[str],
              rows: Iterable[Mapping[str, Any]], *, encoding: str = "utf-8-sig",
              delimiter: str = ";") -> Path:
    headers = [c.header if isinstance(c, Column) else c for c in columns]
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(h, "") for h in headers])
    return Path(path)


def table_from_rows(name: str, columns: Sequence[Column],
                    rows: Iterable[Mapping[str, Any]]) -> Table:
    """A table as if read from a file whose first row is the header."""
    headers = tuple(c.header for c in columns)
    table = Table(file=name, columns=headers)
    table.rows = [(n, {h: row.get(h, "") for h in headers}) for n, row in enumerate(rows, start=2)]
    return table
