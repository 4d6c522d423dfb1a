"""How each source's records are stored: one :class:`Adapter` per source.

A source is a parser (``zorko.registry.importers.<source>.parse``, a pure
generator of records) plus an adapter that

1. declares *staging tables* (``stages``): plain column lists the loader
   fills in batches, through Arrow, while the files stream by;
2. turns one record into staging rows (``stage``) — cheap tuple appends;
3. merges the staged rows into the store once every file of the load is
   staged (``merge``), inside the load's single transaction, and returns
   added / changed / unchanged counts per file (``load_id``).

Most sources merge the same way — an entity keyed by an identifier with
child rows that are replaced together — and just declare an
:class:`~zorko.registry.adapters.entity.EntitySpec`; see ``egrul.py``.
Snapshot lists (a new list replaces the old one) use
:func:`~zorko.registry.adapters.snapshot.replace_snapshot`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, ClassVar

import duckdb

# Staging columns: (name, DuckDB type). Dates arrive as ISO text and are
# cast by DuckDB; decimals are staged as DOUBLE and cast on merge.
Columns = tuple[tuple[str, str], ...]


# Non-VARCHAR staging columns by name; a source adds its own through ``types``.
STAGE_TYPES = {"load_id": "INTEGER", "rec": "BIGINT", "row_hash": "BIGINT", "seen": "DATE",
               "capital": "DOUBLE", "share_percent": "DOUBLE", "share_nominal": "DOUBLE",
               "price": "DOUBLE", "unreliable": "BOOLEAN", "companies": "INTEGER"}


def stage_columns(columns: tuple[str, ...], head: tuple[str, ...] = (),
                  types: dict[str, str] | None = None) -> Columns:
    """Staging columns: load_id, rec, the head (row_hash, seen for entities), then the data columns.

    Allowed types: VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, DATE (staged from ISO text).
    """
    known = {**STAGE_TYPES, **(types or {})}
    return tuple((c, known.get(c, "VARCHAR")) for c in ("load_id", "rec", *head, *columns))


@dataclass(slots=True)
class Counts:
    records: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    flagged: int = 0  # kept, but with suspicious values (zorko.registry.record_checks)

    def add(self, other: Counts) -> None:
        self.records += other.records
        self.added += other.added
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.flagged += other.flagged


def add_counts(into: dict[int, Counts], more: dict[int, Counts]) -> dict[int, Counts]:
    """Per-load counts of two merges added together (into ``into``, which is returned)."""
    for load_id, counts in more.items():
        into.setdefault(load_id, Counts()).add(counts)
    return into


class Adapter:
    """Base class of a source adapter; subclasses set the class attributes and ``stage``."""

    source: ClassVar[str]  # the name used on the command line: egrul, egrip, contracts…
    title: ClassVar[str]  # Russian name shown to users: «ЕГРЮЛ»
    suffixes: ClassVar[tuple[str, ...]] = (".xml",)  # files picked from folders and archives
    stages: ClassVar[dict[str, Columns]]  # staging table → columns; each starts with load_id, rec
    tables: ClassVar[tuple[str, ...]]  # store tables the source fills (for status counts)

    def parse(self, stream: BinaryIO, name: str) -> Iterator[Any]:
        raise NotImplementedError

    def stage(self, record: Any, load_id: int, rec: int, batch: dict[str, list[tuple[Any, ...]]]) -> None:
        """Append the record's rows to ``batch[stage_name]``, each row in ``stages`` column order."""
        raise NotImplementedError

    def extract_date(self, record: Any) -> str | None:
        """The date the record was extracted (kept in ``loads.extract_date``)."""
        return None

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        raise NotImplementedError
