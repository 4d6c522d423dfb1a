"""ФНС lists → disqualified, mass_persons, mass_addresses.

The lists are published whole, so a load replaces a list rather than
merging into it: the rows of the files in one load become the new list
(mass directors, mass founders and mass addresses each separately — a
load of the founders' file leaves the directors as they were). Each new
row is counted against the list it replaces: unchanged when an identical
row was there, changed when the same person / address was there with
other values, added otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

import duckdb

from zorko.regions import region_code
from zorko.registry.adapters import Adapter, Counts, add_counts, stage_columns
from zorko.registry.importers import fns_lists
from zorko.registry.importers.fns_lists import DisqualifiedPerson, MassAddress, MassPerson

DISQUALIFIED_COLUMNS = ("last_name", "first_name", "middle_name", "full_name", "birth_date",
                        "birth_place", "organisation", "organisation_inn", "position", "article",
                        "term", "starts_on", "ends_on")
MASS_PERSON_COLUMNS = ("inn", "last_name", "first_name", "middle_name", "kind", "companies")
MASS_ADDRESS_COLUMNS = ("address", "address_norm", "region", "companies")


@dataclass(frozen=True, slots=True)
class ListSpec:
    table: str
    stage: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # what identifies «the same» entry in the old and new list
    scope: str | None = None  # column splitting one table into separately replaced lists


DISQUALIFIED = ListSpec("disqualified", "stage_disqualified", DISQUALIFIED_COLUMNS,
                        ("full_name", "birth_date", "starts_on"))
MASS_PERSONS = ListSpec("mass_persons", "stage_mass_persons", MASS_PERSON_COLUMNS,
                        ("inn", "kind"), scope="kind")
MASS_ADDRESSES = ListSpec("mass_addresses", "stage_mass_addresses", MASS_ADDRESS_COLUMNS,
                          ("address_norm",))


def replace_list(con: duckdb.DuckDBPyConnection, spec: ListSpec) -> dict[int, Counts]:
    """Replace the stored list (or the scopes present in the stage) by the staged rows."""
    if con.execute(f"SELECT count(*) FROM {spec.stage}").fetchall()[0][0] == 0:
        return {}
    where = "TRUE"
    if spec.scope:
        where = f"{spec.scope} IN (SELECT DISTINCT {spec.scope} FROM {spec.stage})"
    same = " AND ".join(f"o.{c} IS NOT DISTINCT FROM s.{c}" for c in spec.columns)
    same_key = " AND ".join(f"o.{c} IS NOT DISTINCT FROM s.{c}" for c in spec.key)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _old AS SELECT * FROM {spec.table} WHERE {where}")
    rows = con.execute(f"""
        WITH marked AS (
            SELECT s.load_id,
                   EXISTS (SELECT 1 FROM _old o WHERE {same}) AS is_same,
                   EXISTS (SELECT 1 FROM _old o WHERE {same_key}) AS is_known
            FROM {spec.stage} s)
        SELECT load_id, count(*),
               count(*) FILTER (WHERE NOT is_known),
               count(*) FILTER (WHERE is_known AND NOT is_same)
        FROM marked GROUP BY load_id
    """).fetchall()
    cols = ", ".join(spec.columns)
    con.execute(f"DELETE FROM {spec.table} WHERE {where}")
    # The same entry twice (in one file or two files of a load) is kept once.
    con.execute(f"""
        INSERT INTO {spec.table} ({cols}, load_id)
        SELECT {cols}, max(load_id) FROM {spec.stage} GROUP BY ALL
    """)
    con.execute("DROP TABLE _old")
    return {load_id: Counts(records=total, added=added, changed=changed,
                            unchanged=total - added - changed)
            for load_id, total, added, changed in rows}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class DisqualifiedAdapter(Adapter):
    source = "disqualified"
    title = "Дисквалифицированные лица (ФНС)"
    suffixes = fns_lists.SUFFIXES
    stages = {DISQUALIFIED.stage: stage_columns(DISQUALIFIED_COLUMNS)}
    tables = ("disqualified",)

    def parse(self, stream: BinaryIO, name: str) -> Iterator[DisqualifiedPerson]:
        return fns_lists.parse_disqualified_stream(stream, name)

    def stage(self, record: DisqualifiedPerson, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        p = record
        batch[DISQUALIFIED.stage].append((
            load_id, rec, p.last_name, p.first_name, p.middle_name, p.full_name,
            _iso(p.birth_date), p.birth_place, p.organisation, p.organisation_inn, p.position,
            p.article, p.term, _iso(p.starts_on), _iso(p.ends_on),
        ))

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return replace_list(con, DISQUALIFIED)


class MassAdapter(Adapter):
    source = "mass"
    title = "Массовые руководители, учредители и адреса (ФНС)"
    suffixes = fns_lists.SUFFIXES
    stages = {
        MASS_PERSONS.stage: stage_columns(MASS_PERSON_COLUMNS),
        MASS_ADDRESSES.stage: stage_columns(MASS_ADDRESS_COLUMNS),
    }
    tables = ("mass_persons", "mass_addresses")

    def parse(self, stream: BinaryIO, name: str) -> Iterator[MassPerson | MassAddress]:
        return fns_lists.parse_mass_stream(stream, name)

    def stage(self, record: MassPerson | MassAddress, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        r = record
        if isinstance(r, MassAddress):
            batch[MASS_ADDRESSES.stage].append(
                (load_id, rec, r.address, r.address_norm, region_code(r.region), r.companies))
        else:
            batch[MASS_PERSONS.stage].append(
                (load_id, rec, r.inn, r.last_name, r.first_name, r.middle_name, r.kind,
                 r.companies))

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return add_counts(replace_list(con, MASS_PERSONS), replace_list(con, MASS_ADDRESSES))

