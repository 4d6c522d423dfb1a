"""НПД (self-employed) statuses for offline use: a list of ИНН, status and date, CSV or XLSX.

Where Zorko has no internet, the ФНС answers (or a list the ФНС or the
tax office gave) are loaded as a table: «ИНН», «Статус» (is the person a
payer of the tax on professional income on that date: «да»/«нет»,
«является»/«не является», true/false, 1/0) and «Дата» (the date the status
holds for). The header is found among the first rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from zorko.exceptions import ImportFailed
from zorko.identifiers import check_inn, clean
from zorko.registry.importers.tables import (
    find_header,
    norm_title,
    parse_date,
    parse_files,
    rows_of,
)

SUFFIXES = (".csv", ".txt", ".xlsx")
TITLES = {"inn": "ИНН", "status": "Статус", "status_on": "Дата"}
YES = {"да", "является", "является плательщиком нпд", "true", "1", "плательщик нпд", "нпд"}
NO = {"нет", "не является", "не является плательщиком нпд", "false", "0", "снят с учета"}


@dataclass(slots=True)
class NpdStatus:
    inn: str
    status: bool  # a payer of НПД on ``status_on``
    status_on: date
    file: str = ""
    row: int = 0


def classify(title: str) -> str | None:
    words = title.split()
    if "инн" in words:
        return "inn"
    if "статус" in title or "нпд" in words or "самозанят" in title:
        return "status"
    if "дата" in words:
        return "status_on"
    return None


def parse(paths: Iterable[str | Path]) -> Iterator[NpdStatus]:
    return parse_files(paths, SUFFIXES, parse_stream)


def parse_stream(stream: IO[bytes], name: str) -> Iterator[NpdStatus]:
    positions, rows = find_header(rows_of(stream, name), name, classify, TITLES, minimum=3)
    for row in rows:
        values = {attr: row.cells[i].strip() if i < len(row.cells) else "" for attr, i in positions.items()}
        if not any(values.values()):
            continue

        def fail(attr: str, reason: str, line: int = row.line) -> ImportFailed:
            return ImportFailed(name, reason, line=line, field=TITLES[attr])

        problem = check_inn(values["inn"], person=True) if values["inn"] else "значение обязательно, а ячейка пуста"
        if problem:
            raise fail("inn", problem)
        status = norm_title(values["status"])
        if status not in YES and status not in NO:
            raise fail("status", f"«{values['status']}» — ожидалось «да» или «нет»")
        day = parse_date(values["status_on"])
        if day is None:
            raise fail("status_on", f"«{values['status_on']}» не является датой ДД.ММ.ГГГГ")
        yield NpdStatus(clean(values["inn"]), status in YES, day, name, row.line)
