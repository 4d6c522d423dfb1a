"""The screening side's view of the registry store: connection, extract dates, what changed.

``registry_as_of`` reads the ``loads`` table (docs/registry-schema.md): for
each source, the newest extract date among successful loads.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import duckdb
from django.conf import settings

from zorko.affiliation.identity import NORM_MACRO
from zorko.exceptions import ZorkoError
from zorko.matching import prepare_registry
from zorko.matching.registry_index import is_current
from zorko.registry import store, writing

# Sources a full affiliation check relies on (the KPI's "registries loaded no more than 30 days earlier").
REQUIRED_SOURCES = ("egrul", "egrip", "contracts")
_FAILED = ("failed", "error", "rolled_back")


# How long a screening waits for a registry load in another process to finish (a load of a
# million companies takes minutes); pages never wait.
SCREENING_WAIT_SECONDS = 3600.0
_POLL_SECONDS = 2.0


def connect(wait: float = 0.0, on_wait: Callable[[], None] | None = None) -> duckdb.DuckDBPyConnection:
    """A read connection to the store; inside the process that writes it (the server's worker
    thread), DuckDB refuses a second configuration, so the writer's instance is shared.

    While another process loads the store DuckDB refuses readers too: with ``wait`` the caller
    retries for that many seconds (``on_wait`` is told once), else the store is busy at once.
    """
    path = settings.CONFIG.registry_path
    if not path.exists():
        raise ZorkoError("Реестры не загружены: сначала загрузите ЕГРЮЛ, ЕГРИП и контракты (zorko registry load)")
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.ConnectionException:
            return store.connect(path)
        except duckdb.IOException as exc:
            if time.monotonic() >= deadline:
                raise store.RegistryBusy(path) from exc
            if on_wait is not None and not told:
                on_wait()
                told = True
            time.sleep(_POLL_SECONDS)


def prepare_matching() -> None:
    """Key the registry's person roles for the matcher in the store itself, once per registry change.

    The checks read the store read-only, where the matcher could only build its keyed copy in
    memory, again on every run (a minute at a million companies). Built once, it is reused by
    every later check until the person roles change. Like a load, it writes a copy of the store
    and renames it into place (``zorko.registry.writing``), so pages keep reading meanwhile; when
    another writer holds the store the check keys a temporary copy itself.
    """
    path = settings.CONFIG.registry_path
    if not path.exists():
        return
    try:
        with store.reading(path) as con:
            if con is None or not _has_person_roles(con) or is_current(con):
                return
        with writing.writer_lock(path, wait=0), writing.next_state(path) as copy:
            _prepare(copy)
    except store.RegistryBusy:
        return


def _has_person_roles(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'person_roles' AND table_schema = 'main'").fetchall()[0][0])


def _prepare(copy: Path) -> None:
    con = duckdb.connect(str(copy))
    try:
        con.execute(f"SET memory_limit = '{store.MEMORY_LIMIT}'")
        con.execute(f"SET threads = {store.THREADS}")
        prepare_registry(con)
    finally:
        con.close()


def registry_as_of(con: duckdb.DuckDBPyConnection | None = None) -> dict[str, str]:
    """{"egrul": "2026-11-02", ...}: the newest extract date loaded per source ({} if nothing loaded)."""
    own = con is None
    if con is None:
        try:
            con = connect()
        except ZorkoError:
            return {}
    try:
        if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'loads'").fetchall()[0][0]:
            return {}
        rows = con.execute(
            "SELECT source, max(coalesce(extract_date, CAST(loaded_at AS DATE))) FROM loads "
            "WHERE coalesce(status, '') NOT IN (SELECT unnest($f)) GROUP BY source ORDER BY source",
            {"f": list(_FAILED)}).fetchall()
        return {source: d.isoformat() for source, d in rows if d is not None}
    finally:
        if own:
            con.close()


def oldest_required(as_of: dict[str, str]) -> date | None:
    """The oldest extract among the sources a check needs; None if one of them was never loaded."""
    dates = [as_of.get(s) for s in REQUIRED_SOURCES]
    if not all(dates):
        return None
    return min(date.fromisoformat(d) for d in dates if d)


def changed_people_keys(con: duckdb.DuckDBPyConnection, load_ids: Iterable[int]) -> tuple[set[str], set[str], set[str]]:
    """What the given loads touched: (normalised surnames, person ИНН, customer organisation ИНН).

    Surnames rather than full names, so that undeclared relatives (a sister under
    the feminine form of the surname) are re-checked too.
    """
    ids = sorted({int(i) for i in load_ids})
    con.execute(NORM_MACRO)
    surnames = {r[0] for r in con.execute(
        "SELECT DISTINCT zn(last_name) FROM person_roles WHERE load_id IN (SELECT unnest($i))", {"i": ids}
    ).fetchall() if r[0]}
    inns = {r[0] for r in con.execute(
        "SELECT DISTINCT inn FROM person_roles WHERE load_id IN (SELECT unnest($i)) AND inn IS NOT NULL",
        {"i": ids}).fetchall()}
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    # The person lists name people too: a listed surname or an НПД payer's ИНН re-checks them.
    if "loss_of_trust" in tables:
        surnames |= {r[0] for r in con.execute(
            "SELECT DISTINCT zn(last_name) FROM loss_of_trust WHERE load_id IN (SELECT unnest($i))", {"i": ids}
        ).fetchall() if r[0]}
    if "npd_status" in tables:
        inns |= {r[0] for r in con.execute(
            "SELECT DISTINCT inn FROM npd_status WHERE load_id IN (SELECT unnest($i)) AND inn IS NOT NULL",
            {"i": ids}).fetchall()}
    orgs = {r[0] for r in con.execute("""
        SELECT DISTINCT c.customer_inn FROM contracts c WHERE c.load_id IN (SELECT unnest($i))
        UNION SELECT DISTINCT c.customer_inn FROM contracts c JOIN contract_suppliers s ON s.reg_num = c.reg_num
          JOIN companies co ON co.inn = s.supplier_inn WHERE co.load_id IN (SELECT unnest($i))
    """, {"i": ids}).fetchall() if r[0]}
    return surnames, inns, orgs
