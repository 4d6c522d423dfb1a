"""ФНС open-data lists: disqualified persons, mass directors / founders, mass addresses.

The files are CSV with columns named by codes (``G1``…) described in the
dataset's structure file, or by their Russian titles; a file without a
header is read by position. The column meaning lives in one place — the
``*_COLUMNS`` tables below — so a change in the published structure is a
one-line fix. Every value is checked; the first bad one stops the import
with the file, row and column in the message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from zorko.exceptions import ImportFailed
from zorko.identifiers import check_inn, clean
from zorko.registry.addresses import normalize_address
from zorko.registry.files import expand
from zorko.registry.importers.csvfiles import CsvRow, read_rows

SUFFIXES = (".csv", ".txt")


@dataclass(frozen=True, slots=True)
class Column:
    code: str  # G1, G2…
    attr: str  # record attribute
    title: str  # Russian title as in the dataset's structure file
    required: bool = False


# Реестр дисквалифицированных лиц (ФНС, набор 7707329152-rdl).
DISQUALIFIED_COLUMNS = (
    Column("G1", "number", "Номер записи РДЛ"),
    Column("G2", "full_name", "ФИО дисквалифицированного лица", required=True),
    Column("G3", "birth_date", "Дата рождения"),
    Column("G4", "birth_place", "Место рождения"),
    Column("G5", "organisation", "Наименование организации"),
    Column("G6", "organisation_inn", "ИНН организации"),
    Column("G7", "position", "Должность"),
    Column("G8", "article", "Статья КоАП РФ"),
    Column("G9", "authority", "Наименование органа, составившего протокол"),
    Column("G10", "judge_name", "ФИО судьи"),
    Column("G11", "judge_position", "Должность судьи"),
    Column("G12", "term", "Срок дисквалификации"),
    Column("G13", "starts_on", "Дата начала дисквалификации"),
    Column("G14", "ends_on", "Дата истечения срока дисквалификации"),
)
# Массовые руководители / массовые учредители [check: published column order].
MASS_PERSON_COLUMNS = (
    Column("G1", "inn", "ИНН", required=True),
    Column("G2", "full_name", "ФИО", required=True),
    Column("G3", "companies", "Количество юридических лиц", required=True),
)
# Адреса массовой регистрации [check: published column order].
MASS_ADDRESS_COLUMNS = (
    Column("G1", "address", "Адрес", required=True),
    Column("G2", "companies", "Количество юридических лиц", required=True),
    Column("G3", "region", "Код региона"),
)
# Other spellings of titles met in published files (normalised: lower case, no punctuation).
TITLE_ALIASES = {
    "фио": "full_name",
    "количество юл": "companies",
    "количество": "companies",
    "кол во юл": "companies",
    "адрес массовой регистрации": "address",
    "адрес места нахождения": "address",
    "инн физического лица": "inn",
    "регион": "region",
    "субъект рф": "region",
}
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


@dataclass(slots=True)
class DisqualifiedPerson:
    number: str | None
    full_name: str
    last_name: str
    first_name: str | None
    middle_name: str | None
    birth_date: date | None
    birth_place: str | None
    organisation: str | None
    organisation_inn: str | None
    position: str | None
    article: str | None
    authority: str | None
    judge_name: str | None
    judge_position: str | None
    term: str | None
    starts_on: date | None
    ends_on: date | None
    file: str = ""
    row: int = 0


@dataclass(slots=True)
class MassPerson:
    inn: str
    full_name: str
    last_name: str
    first_name: str | None
    middle_name: str | None
    kind: str  # director | founder
    companies: int
    file: str = ""
    row: int = 0


@dataclass(slots=True)
class MassAddress:
    address: str
    address_norm: str
    companies: int
    region: str | None = None
    file: str = ""
    row: int = 0


# ---------------------------------------------------------------- public API

def parse_disqualified(paths: Iterable[str | Path]) -> Iterator[DisqualifiedPerson]:
    for item in expand([Path(p) for p in paths], SUFFIXES):
        with item.open() as stream:
            yield from parse_disqualified_stream(stream, item.name)


def parse_disqualified_stream(stream: IO[bytes], name: str) -> Iterator[DisqualifiedPerson]:
    rows = read_rows(stream, name)
    header = next(rows, None)
    if header is not None:
        for row, values in _map_rows(name, header, rows, DISQUALIFIED_COLUMNS):
            reader = _Values(name, row.line, values, DISQUALIFIED_COLUMNS)
            full_name = reader.text("full_name")
            last, first, middle = split_full_name(full_name)
            org_inn = reader.inn("organisation_inn", person=False)
            yield DisqualifiedPerson(
                number=reader.optional("number"), full_name=full_name, last_name=last,
                first_name=first, middle_name=middle, birth_date=reader.date("birth_date"),
                birth_place=reader.optional("birth_place"),
                organisation=reader.optional("organisation"), organisation_inn=org_inn,
                position=reader.optional("position"), article=reader.optional("article"),
                authority=reader.optional("authority"), judge_name=reader.optional("judge_name"),
                judge_position=reader.optional("judge_position"), term=reader.optional("term"),
                starts_on=reader.date("starts_on"), ends_on=reader.date("ends_on"),
                file=name, row=row.line,
            )


def parse_mass(paths: Iterable[str | Path], kind: str | None = None
               ) -> Iterator[MassPerson | MassAddress]:
    """Records of the three nominee-risk lists; the list is told by header or file name."""
    for item in expand([Path(p) for p in paths], SUFFIXES):
        with item.open() as stream:
            yield from parse_mass_stream(stream, item.name, kind)


def parse_mass_stream(stream: IO[bytes], name: str, kind: str | None = None
                      ) -> Iterator[MassPerson | MassAddress]:
    rows = read_rows(stream, name)
    header = next(rows, None)
    if header is None:
        return
    list_kind = kind or mass_kind(name, header.cells)
    columns = MASS_ADDRESS_COLUMNS if list_kind == "address" else MASS_PERSON_COLUMNS
    for row, values in _map_rows(name, header, rows, columns):
        reader = _Values(name, row.line, values, columns)
        if list_kind == "address":
            address = reader.text("address")
            yield MassAddress(address=address, address_norm=normalize_address(address),
                              companies=reader.count("companies"),
                              region=reader.optional("region"), file=name, row=row.line)
            continue
        full_name = reader.text("full_name")
        last, first, middle = split_full_name(full_name)
        inn = reader.inn("inn", person=True)
        assert inn is not None  # required column
        yield MassPerson(inn=inn, full_name=full_name, last_name=last, first_name=first,
                         middle_name=middle, kind=list_kind,
                         companies=reader.count("companies"), file=name, row=row.line)


def mass_kind(file_name: str, header: list[str]) -> str:
    """«address», «director» or «founder», from the header or the dataset's file name."""
    titles = {_norm_title(cell) for cell in header}
    if titles & {"адрес", *(t for t, a in TITLE_ALIASES.items() if a == "address")}:
        return "address"
    lowered = file_name.lower()
    if any(mark in lowered for mark in ("masadr", "адрес", "address")):
        return "address"
    if any(mark in lowered for mark in ("masuchr", "учред", "founder")):
        return "founder"
    if any(mark in lowered for mark in ("masruk", "руковод", "director")):
        return "director"
    raise ImportFailed(
        file_name, "не удалось определить вид списка: в имени файла ожидается masruk "
        "(массовые руководители), masuchr (массовые учредители) или masadres (адреса)",
        line=1)


def split_full_name(full_name: str) -> tuple[str, str | None, str | None]:
    """«ИВАНОВ ИВАН ИВАНОВИЧ» → parts; a patronymic of several words («… ОГЛЫ») stays whole."""
    parts = full_name.split(maxsplit=2)
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


# ------------------------------------------------------------------ internals

def _map_rows(name: str, header: CsvRow, rows: Iterator[CsvRow], columns: tuple[Column, ...]
              ) -> Iterator[tuple[CsvRow, dict[str, str]]]:
    positions = _header_positions(header.cells, columns)
    if positions is None:
        # No header: the first row is data, columns are in published order.
        positions = {col.attr: i for i, col in enumerate(columns)}
        rows = _chain(header, rows)
    for col in columns:
        if col.required and col.attr not in positions:
            raise ImportFailed(name, f"нет столбца {col.code} «{col.title}»", line=header.line)
    for row in rows:
        values = {attr: row.cells[i] if i < len(row.cells) else "" for attr, i in positions.items()}
        yield row, values


def _chain(first: CsvRow, rest: Iterator[CsvRow]) -> Iterator[CsvRow]:
    yield first
    yield from rest


def _header_positions(cells: list[str], columns: tuple[Column, ...]) -> dict[str, int] | None:
    by_title = {_norm_title(col.code): col.attr for col in columns}
    by_title.update({_norm_title(col.title): col.attr for col in columns})
    attrs = {col.attr for col in columns}
    by_title.update({t: a for t, a in TITLE_ALIASES.items() if a in attrs})
    positions: dict[str, int] = {}
    for i, cell in enumerate(cells):
        attr = by_title.get(_norm_title(cell))
        if attr and attr not in positions:
            positions[attr] = i
    return positions or None


def _norm_title(value: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", value.lstrip("\ufeff").casefold()).split())


class _Values:
    """Typed access to one row's cells; every failure names file, row and column."""

    def __init__(self, file: str, line: int, values: dict[str, str],
                 columns: tuple[Column, ...]) -> None:
        self.file, self.line, self.values = file, line, values
        self.columns = {col.attr: col for col in columns}

    def _fail(self, attr: str, reason: str) -> ImportFailed:
        col = self.columns[attr]
        return ImportFailed(self.file, reason, line=self.line, field=f"{col.code} {col.title}")

    def optional(self, attr: str) -> str | None:
        value = " ".join(self.values.get(attr, "").split())
        return value or None

    def text(self, attr: str) -> str:
        value = self.optional(attr)
        if value is None:
            raise self._fail(attr, "значение обязательно, а ячейка пуста")
        return value

    def date(self, attr: str) -> date | None:
        value = self.optional(attr)
        if value is None:
            return None
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(value, fmt).date()
            except ValueError:
                continue
        raise self._fail(attr, f"«{value}» не является датой ДД.ММ.ГГГГ")

    def inn(self, attr: str, *, person: bool) -> str | None:
        value = self.optional(attr)
        if value is None:
            if self.columns[attr].required:
                raise self._fail(attr, "значение обязательно, а ячейка пуста")
            return None
        problem = check_inn(value, person=None if not person else True)
        if problem:
            raise self._fail(attr, problem)
        return clean(value)

    def count(self, attr: str) -> int:
        value = self.text(attr)
        digits = clean(value)
        if not digits.isdigit() or int(digits) == 0:
            raise self._fail(attr, f"«{value}» не является положительным целым числом")
        return int(digits)
