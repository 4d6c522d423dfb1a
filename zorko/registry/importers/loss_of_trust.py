"""Реестр лиц, уволенных в связи с утратой доверия (ст. 15 273-ФЗ; Постановление № 228 от 05.03.2018).

The register is published (ФГИС «Единая система управления кадровым
составом», gossluzhba.gov.ru) as a table with one row per person: ФИО, the
body (organisation), the position, the date and the legal ground of the
dismissal, the dates of inclusion and — once it happened — of exclusion.
It is read from CSV or XLSX; the header is found among the first rows
(titles and notes above it are skipped) and columns are recognised by the
words of their titles, in any order. **[check]** The exact published titles
vary between exports; the words matched are in :func:`classify`.

Optional columns «Дата рождения» and «ИНН» are read when a file has them
(the public register does not publish them; a file completed from the
dismissal order does): screening treats a match on them as certain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from zorko.exceptions import ImportFailed
from zorko.identifiers import check_inn, clean
from zorko.registry.importers.fns_lists import split_full_name
from zorko.registry.importers.tables import find_header, parse_date, parse_files, rows_of

SUFFIXES = (".csv", ".txt", ".xlsx")
TITLES = {
    "full_name": "ФИО", "organisation": "Наименование органа (организации)", "position": "Должность",
    "dismissed_on": "Дата увольнения", "ground": "Основание увольнения",
    "included_on": "Дата включения в реестр", "excluded_on": "Дата исключения из реестра",
    "birth_date": "Дата рождения", "inn": "ИНН", "number": "№ п/п",
}
REQUIRED = {"full_name": TITLES["full_name"]}


@dataclass(slots=True)
class DismissedPerson:
    full_name: str
    last_name: str
    first_name: str | None
    middle_name: str | None
    birth_date: date | None
    inn: str | None
    organisation: str | None
    position: str | None
    dismissed_on: date | None
    ground: str | None
    included_on: date | None
    excluded_on: date | None
    file: str = ""
    row: int = 0

    def listed_on(self, day: date) -> bool:
        """Still in the register on that day: not excluded, or excluded later."""
        return self.excluded_on is None or self.excluded_on > day


def classify(title: str) -> str | None:
    """The attribute a (normalised) column title holds. Date columns first: their titles name the rest."""
    words = title.split()
    if "исключ" in title:
        return "excluded_on"
    if "включ" in title or "внесен" in title:
        return "included_on"
    if "рожд" in title:
        return "birth_date"
    if "инн" in words:
        return "inn"
    if "дата" in words:
        return "dismissed_on"
    if "основан" in title or "акт" in words or "стать" in title or "норматив" in title:
        return "ground"
    if "фио" in words or "фамил" in title:
        return "full_name"
    if "должност" in title:
        return "position"
    if "орган" in title or "организац" in title or "место службы" in title:
        return "organisation"
    if title in ("№", "№ п п", "n", "номер", "п п"):
        return "number"
    return None


def parse(paths: Iterable[str | Path]) -> Iterator[DismissedPerson]:
    return parse_files(paths, SUFFIXES, parse_stream)


def parse_stream(stream: IO[bytes], name: str) -> Iterator[DismissedPerson]:
    positions, rows = find_header(rows_of(stream, name), name, classify, REQUIRED)
    for row in rows:
        values = {attr: row.cells[i].strip() if i < len(row.cells) else "" for attr, i in positions.items()}
        if not any(values.values()):
            continue
        yield _person(values, name, row.line)


def _person(values: dict[str, str], name: str, line: int) -> DismissedPerson:
    def fail(attr: str, reason: str) -> ImportFailed:
        return ImportFailed(name, reason, line=line, field=TITLES[attr])

    def optional(attr: str) -> str | None:
        return " ".join(values.get(attr, "").split()) or None

    def day(attr: str) -> date | None:
        value = optional(attr)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is None:
            raise fail(attr, f"«{value}» не является датой ДД.ММ.ГГГГ")
        return parsed

    full_name = optional("full_name")
    if not full_name:
        raise fail("full_name", "значение обязательно, а ячейка пуста")
    inn = optional("inn")
    if inn is not None:
        problem = check_inn(inn, person=True)
        if problem:
            raise fail("inn", problem)
        inn = clean(inn)
    last, first, middle = split_full_name(full_name)
    dismissed_on, included_on, excluded_on = day("dismissed_on"), day("included_on"), day("excluded_on")
    if excluded_on and included_on and excluded_on < included_on:
        raise fail("excluded_on", "дата исключения из реестра раньше даты включения")
    return DismissedPerson(
        full_name=full_name, last_name=last, first_name=first, middle_name=middle,
        birth_date=day("birth_date"), inn=inn, organisation=optional("organisation"),
        position=optional("position"), dismissed_on=dismissed_on, ground=optional("ground"),
        included_on=included_on, excluded_on=excluded_on, file=name, row=line,
    )
