"""The ``loads`` table, read and written in bulk.

A regional ЕИС archive is tens of thousands of one-contract files. A query
per file — is this checksum known? next load id? insert the file's row —
cost far more than parsing the file, so the loader asks about files a
chunk at a time, draws all load ids in one query and inserts every
``loads`` row of the run in one Arrow insert once the counts are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import pyarrow as pa


@dataclass(slots=True)
class LoadRow:
    """One ``loads`` row: a file of this run, with its final counts."""

    load_id: int
    file: str
    checksum: str
    extract_date: str | None
    records: int
    added: int
    changed: int
    unchanged: int


def known_checksums(con: duckdb.DuckDBPyConnection, source: str, digests: list[str]) -> dict[str, int]:
    """Those of ``digests`` loaded before for ``source`` → the record count of their first load."""
    if not digests:
        return {}
    # Registered views are unregistered only on success: after an error the transaction is
    # aborted, any statement fails, and the load rolls back and closes the connection anyway.
    con.register("_digests", pa.table({"checksum": pa.array(digests, pa.string())}))
    rows = con.execute(
        "SELECT checksum, arg_min(records, load_id) FROM loads "
        "WHERE source = ? AND status = 'loaded' AND checksum IN (SELECT checksum FROM _digests) "
        "GROUP BY checksum", [source],
    ).fetchall()
    con.unregister("_digests")
    return {digest: int(records or 0) for digest, records in rows}


def new_load_ids(con: duckdb.DuckDBPyConnection, count: int) -> list[int]:
    """``count`` fresh load ids from the ``load_ids`` sequence, ascending."""
    if count <= 0:
        return []
    rows = con.execute("SELECT nextval('load_ids') FROM range(?)", [count]).fetchall()
    return sorted(int(r[0]) for r in rows)


def insert(con: duckdb.DuckDBPyConnection, source: str, run_id: int, rows: list[LoadRow]) -> None:
    """Insert the run's ``loads`` rows (status ``loaded``, stamped with the transaction's time)."""
    if not rows:
        return
    table = pa.table({
        "load_id": pa.array([r.load_id for r in rows], pa.int64()),
        "file": pa.array([r.file for r in rows], pa.string()),
        "checksum": pa.array([r.checksum for r in rows], pa.string()),
        "extract_date": pa.array([r.extract_date for r in rows], pa.string()),
        "records": pa.array([r.records for r in rows], pa.int64()),
        "added": pa.array([r.added for r in rows], pa.int64()),
        "changed": pa.array([r.changed for r in rows], pa.int64()),
        "unchanged": pa.array([r.unchanged for r in rows], pa.int64()),
    })
    con.register("_loads", table)
    con.execute(
        "INSERT INTO loads SELECT load_id, ?, ?, file, checksum, ?, extract_date::DATE, "
        "records, added, changed, unchanged, 'loaded' FROM _loads ORDER BY load_id",
        # UTC whatever the process's time zone (the web server's is the municipality's, a CLI
        # run's the machine's); pages and the CLI show it in local time.
        [run_id, source, datetime.now(UTC).replace(tzinfo=None)],
    )
    con.unregister("_loads")
