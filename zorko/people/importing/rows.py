"""Turning table rows into checked servant and relative rows, collecting every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from zorko.matching.normalize import normalize_name
from zorko.people.importing import values as v
from zorko.people.importing.tables import Table
from zorko.people.kinship import Kinship, parse_kinship

Parser = Callable[[Any], Any]

# column -> (model field, parser); organisation, department and position are resolved later.
SERVANT_PARSERS: dict[str, tuple[str, Parser]] = {
    "табельный_номер": ("personnel_number", v.parse_personnel_number),
    "фамилия": ("last_name", partial(v.parse_name, required=True)),
    "имя": ("first_name", partial(v.parse_name, required=True)),
    "отчество": ("middle_name", partial(v.parse_name, required=False)),
    "прежние_фамилии": ("former_names", v.parse_former_names),
    "дата_рождения": ("birth_date", v.parse_birth_date),
    "инн": ("inn", v.parse_person_inn),
    "снилс": ("snils", v.parse_snils),
    "организация": ("organisation", partial(v.parse_text, required=True)),
    "организация_инн": ("organisation_inn", v.parse_company_inn),
    "подразделение": ("department", partial(v.parse_text, limit=300)),
    "должность": ("position", partial(v.parse_text, limit=300)),
    "статус": ("status", v.parse_status),
    "дата_приема": ("hired_on", v.parse_date),
    "дата_увольнения": ("dismissed_on", v.parse_date),
    "адрес": ("address", v.parse_text),
    "телефон": ("phones", partial(v.parse_phones)),
    "email": ("emails", v.parse_emails),
}

RELATIVE_PARSERS: dict[str, tuple[str, Parser]] = {
    "табельный_номер": ("personnel_number", v.parse_personnel_number),
    "родство": ("kinship", lambda x: x),  # checked below: its message lists the choices
    "фамилия": ("last_name", partial(v.parse_name, required=True)),
    "имя": ("first_name", partial(v.parse_name, required=True)),
    "отчество": ("middle_name", partial(v.parse_name, required=False)),
    "прежние_фамилии": ("former_names", v.parse_former_names),
    "дата_рождения": ("birth_date", v.parse_birth_date),
    "место_рождения": ("birth_place", partial(v.parse_text, limit=300)),
    "место_работы": ("workplace", v.parse_text),
    "адрес": ("address", v.parse_text),
    "инн": ("inn", v.parse_person_inn),
}

KINSHIP_CHOICES = ", ".join(str(label) for _, label in Kinship.choices)
FIELD_COLUMNS = {f: c for c, (f, _) in {**SERVANT_PARSERS, **RELATIVE_PARSERS}.items()}


@dataclass(slots=True)
class ServantRow:
    row: int
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def personnel_number(self) -> str:
        return str(self.fields["personnel_number"])


@dataclass(slots=True)
class RelativeRow:
    row: int
    personnel_number: str
    fields: dict[str, Any] = field(default_factory=dict)
    key: tuple[str, str, str, Any] = ("", "", "", None)

    def __post_init__(self) -> None:
        self.key = relative_key(self.personnel_number, self.fields)


def relative_key(personnel_number: str, fields: dict[str, Any]) -> tuple[str, str, str, Any]:
    """Servant + kinship + normalised name + birth date identify a relative across imports."""
    name = normalize_name(" ".join(fields.get(f) or "" for f in
                                   ("last_name", "first_name", "middle_name")))
    return (personnel_number, str(fields["kinship"]), name, fields.get("birth_date"))


def _parse(table: Table, number: int, raw: dict[str, Any],
           parsers: dict[str, tuple[str, Parser]]) -> dict[str, Any] | None:
    fields: dict[str, Any] = {}
    ok = True
    for column, value in raw.items():
        model_field, parser = parsers[column]
        try:
            fields[model_field] = parser(value)
        except v.Invalid as exc:
            table.problem(str(exc), number, column, value)
            ok = False
    return fields if ok else None


def servant_rows(table: Table) -> list[ServantRow]:
    result: list[ServantRow] = []
    seen: dict[str, int] = {}
    for number, raw in table.rows:
        fields = _parse(table, number, raw, SERVANT_PARSERS)
        if fields is None:
            continue
        hired, dismissed = fields.get("hired_on"), fields.get("dismissed_on")
        if hired and dismissed and dismissed < hired:
            table.problem("дата увольнения раньше даты приёма", number, "дата_увольнения",
                          f"{dismissed:%d.%m.%Y}")
            continue
        birth = fields.get("birth_date")
        if birth and hired and hired <= birth:
            table.problem("дата приёма раньше даты рождения", number, "дата_приема",
                          f"{hired:%d.%m.%Y}")
            continue
        key = fields["personnel_number"]
        if key in seen:
            table.problem(f"табельный номер уже встречался в строке {seen[key]}", number,
                          "табельный_номер", key)
            continue
        seen[key] = number
        result.append(ServantRow(number, fields))
    return result


def relative_rows(table: Table, known_servants: set[str] | None) -> list[RelativeRow]:
    """Relatives whose servant is in ``known_servants`` (the servants file or the database);
    ``None`` skips that check (when the servants file itself could not be read)."""
    result: list[RelativeRow] = []
    seen: dict[tuple[str, str, str, Any], int] = {}
    for number, raw in table.rows:
        fields = _parse(table, number, raw, RELATIVE_PARSERS)
        kinship = parse_kinship(str(raw.get("родство", "")))
        if kinship is None:
            table.problem(f"неизвестная степень родства; допустимые: {KINSHIP_CHOICES}",
                          number, "родство", raw.get("родство", ""))
        personnel_number = " ".join(str(raw.get("табельный_номер") or "").split())
        if personnel_number and known_servants is not None and personnel_number not in known_servants:
            table.problem("служащий с таким табельным номером не найден ни в файле служащих, "
                          "ни в базе", number, "табельный_номер", personnel_number)
            continue
        if fields is None or kinship is None:
            continue
        fields["kinship"] = kinship.value
        del fields["personnel_number"]
        row = RelativeRow(number, personnel_number, fields)
        if row.key in seen:
            table.problem(f"этот родственник уже указан в строке {seen[row.key]}", number,
                          "фамилия", fields["last_name"])
            continue
        seen[row.key] = number
        result.append(row)
    return result
