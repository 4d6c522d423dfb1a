"""Merging staged entities (company, entrepreneur, contract) into the store.

An entity has a key (ОГРН, ОГРНИП, registry number), a row in its main
table and child rows in other tables (roles, owners, suppliers) that
belong to it. The staged main row carries ``row_hash`` — a hash of the
entity *with* its children — and ``seen``, the extract date.

A load may hold several versions of a key (daily extracts repeat a
company); they are taken in extract order (``seen``, then file order) and
each is counted against the one before it — the first against the store:

* **added** — the key is new: inserted, ``first_seen = last_seen = seen``;
* **unchanged** — same ``row_hash``: only ``last_seen`` moves forward;
* **changed** — another hash: the main row and all its child rows are
  replaced by the newest version; ``first_seen`` is kept;
* a version older than the one stored is ignored (counted unchanged).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import duckdb

from zorko.registry.adapters import Counts


@dataclass(frozen=True, slots=True)
class ChildSpec:
    table: str  # store table, e.g. person_roles
    stage: str  # staging table with columns load_id, rec, *columns
    parent: str  # column of ``table`` holding the entity key, e.g. subject_ogrn
    columns: tuple[str, ...]  # columns copied from the stage (load_id is added)
    where: str = "TRUE"  # restricts which rows of ``table`` belong to this source


@dataclass(frozen=True, slots=True)
class EntitySpec:
    table: str  # store table, e.g. companies
    stage: str  # staging table: load_id, rec, row_hash, seen, *columns
    key: str  # key column in both, e.g. ogrn
    columns: tuple[str, ...]  # store columns copied from the stage (key first)
    children: tuple[ChildSpec, ...] = ()


def merge_entities(con: duckdb.DuckDBPyConnection, spec: EntitySpec) -> dict[int, Counts]:
    cols = ", ".join(spec.columns)
    key, table = spec.key, spec.table
    # Every staged version of a key, in extract order, next to what the store holds.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _versions AS
        SELECT s.rec, s.load_id, s.{key} AS key, s.row_hash, s.seen,
               lag(s.row_hash) OVER w AS prev_hash,
               row_number() OVER w AS n,
               count(*) OVER (PARTITION BY s.{key}) AS versions,
               t.row_hash AS stored_hash, t.last_seen AS stored_seen, t.first_seen AS stored_first
        FROM {spec.stage} s LEFT JOIN {table} t ON t.{key} = s.{key}
        WINDOW w AS (PARTITION BY s.{key} ORDER BY s.seen NULLS FIRST, s.rec)
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _winners AS
        SELECT rec, key, seen, stored_first,
               CASE WHEN stored_hash IS NULL THEN 'insert'
                    WHEN stored_hash = row_hash THEN 'touch'
                    WHEN seen < stored_seen THEN 'ignore'
                    ELSE 'replace' END AS action
        FROM _versions WHERE n = versions
    """)
    con.execute(f"""
        UPDATE {table} SET last_seen = w.seen
        FROM _winners w
        WHERE {table}.{key} = w.key AND w.action = 'touch' AND w.seen > {table}.last_seen
    """)
    replaced = "SELECT key FROM _winners WHERE action = 'replace'"
    for child in spec.children:
        con.execute(f"DELETE FROM {child.table} WHERE {child.where} AND {child.parent} IN ({replaced})")
    con.execute(f"DELETE FROM {table} WHERE {key} IN ({replaced})")
    picked = ", ".join(f"s.{c}" for c in spec.columns)
    con.execute(f"""
        INSERT INTO {table} ({cols}, row_hash, first_seen, last_seen, load_id)
        SELECT {picked}, s.row_hash, coalesce(w.stored_first, s.seen), s.seen, s.load_id
        FROM {spec.stage} s JOIN _winners w ON w.rec = s.rec
        WHERE w.action IN ('insert', 'replace')
    """)
    for child in spec.children:
        child_cols = ", ".join(child.columns)
        picked_child = ", ".join(f"c.{c}" for c in child.columns)
        con.execute(f"""
            INSERT INTO {child.table} ({child_cols}, load_id)
            SELECT {picked_child}, c.load_id FROM {child.stage} c
            JOIN _winners w ON w.rec = c.rec
            WHERE w.action IN ('insert', 'replace')
        """)
    rows = con.execute("""
        SELECT load_id, count(*) AS records,
               count(*) FILTER (WHERE n = 1 AND stored_hash IS NULL) AS added,
               count(*) FILTER (WHERE
                   (n = 1 AND stored_hash <> row_hash AND NOT seen < stored_seen)
                   OR (n > 1 AND prev_hash <> row_hash AND NOT coalesce(seen < stored_seen, FALSE))
               ) AS changed
        FROM _versions GROUP BY load_id
    """).fetchall()
    con.execute("DROP TABLE _versions")
    con.execute("DROP TABLE _winners")
    return {
        load_id: Counts(records=total, added=added, changed=changed_n,
                        unchanged=total - added - changed_n)
        for load_id, total, added, changed_n in rows
    }


def row_hash(value: object) -> int:
    """A stable 64-bit hash of a record's stored values (``repr`` of tuples of str/float/None)."""
    digest = hashlib.blake2b(repr(value).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
