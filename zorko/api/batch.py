"""Upsert of servants and relatives from a JSON batch, through the people import's own checks.

Each item becomes a row of an import table (``people.importing.tables.Table``)
keyed by the import's Russian columns, so the rules and the Russian messages
are those of the file import, and ``plan_tables`` + ``apply_import`` decide
and write all or nothing. A field left out of an item keeps its stored
value; ``null`` or ``""`` clears it. Item ``i`` is row ``i + 1`` inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from zorko.exceptions import InputFileError, InputProblem
from zorko.people.importing import apply_import, plan_tables
from zorko.people.importing.apply import ImportSummary
from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS
from zorko.people.importing.rows import RELATIVE_PARSERS, SERVANT_PARSERS
from zorko.people.importing.tables import Table

MAX_ITEMS = 10_000
SERVANTS, RELATIVES = "servants", "relatives"
_COLUMN_OF = {SERVANTS: {f: c for c, (f, _) in SERVANT_PARSERS.items()},
              RELATIVES: {f: c for c, (f, _) in RELATIVE_PARSERS.items()}}
_FIELD_OF = {name: {c: f for f, c in columns.items()} for name, columns in _COLUMN_OF.items()}
_REQUIRED = {SERVANTS: [c.header for c in SERVANT_COLUMNS if c.required],
             RELATIVES: [c.header for c in RELATIVE_COLUMNS if c.required]}
_ROW_REF = re.compile(r"в строке (\d+)")


@dataclass(frozen=True, slots=True)
class ItemError:
    """One problem of the batch: which list, which item (from 0), which field, why (Russian)."""

    list: str
    index: int | None
    field: str | None
    message: str


class BatchRefused(InputFileError):
    """The batch has errors; nothing was written. ``errors`` lists them all."""

    http_status = 422

    def __init__(self, errors: list[ItemError]) -> None:
        self.errors = errors
        super().__init__([InputProblem(e.list, e.index, e.field, None, e.message) for e in errors])
        self.args = (f"Найдено ошибок: {len(errors)}. Ничего не записано.",)


def _table(kind: str, file: str, items: list[dict[str, Any]]) -> Table:
    columns = _COLUMN_OF[kind]
    table = Table(file=file)
    for index, item in enumerate(items):
        row = {column: "" for column in _REQUIRED[kind]}
        row.update((columns[f], "" if value is None else value) for f, value in item.items())
        table.rows.append((index + 1, row))
    return table


def _errors(problems: list[InputProblem], files: dict[str, str]) -> list[ItemError]:
    out = []
    for p in problems:
        kind = files[p.file]
        message = _ROW_REF.sub(lambda m: f"в элементе {int(m[1]) - 1}", p.reason)
        field = _FIELD_OF[kind].get(p.column or "", p.column)
        out.append(ItemError(kind, None if p.row is None else p.row - 1, field, message))
    return out


def upsert_people(servants: list[dict[str, Any]], relatives: list[dict[str, Any]], *, system: str,
                  actor: Any = None, ip: str | None = None) -> ImportSummary:
    """Check the whole batch and write it in one transaction; else raise ``BatchRefused``."""
    too_many = [ItemError(kind, None, None, f"больше {MAX_ITEMS} элементов в одном запросе; "
                                           "разделите пакет на части")
                for kind, items in ((SERVANTS, servants), (RELATIVES, relatives)) if len(items) > MAX_ITEMS]
    if too_many:
        raise BatchRefused(too_many)
    files = {f"API «{system}»: служащие": SERVANTS, f"API «{system}»: родственники": RELATIVES}
    names = {kind: file for file, kind in files.items()}
    servants_table = _table(SERVANTS, names[SERVANTS], servants)
    relatives_table = _table(RELATIVES, names[RELATIVES], relatives) if relatives else None
    try:
        plan = plan_tables(servants_table, relatives_table)
    except InputFileError as exc:
        raise BatchRefused(_errors(exc.problems, files)) from exc
    if not servants:
        plan.servants_file = ""  # the audit names only what was sent
    return apply_import(plan, actor, ip=ip)
