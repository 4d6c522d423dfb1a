"""The registry store: one DuckDB file, its schema and how to open it.

Writers (the loader, run from the CLI or the job queue) open the file
read-write for the length of a load; readers (web pages, matching) open
short connections and close them. DuckDB lets one process write, so a
reader in another process gets a clear «busy» error instead of waiting.

The tables are those of ``docs/registry-schema.md``. Keys (ОГРН, ОГРНИП,
registry number) are unique by construction — the loader keeps one row
per key — rather than by a PRIMARY KEY index: DuckDB keeps ART indexes in
memory, which would break the flat-memory target at tens of millions of
rows.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from zorko.exceptions import ZorkoError

# Limits keep a load's memory flat whatever the input size: DuckDB spills
# larger intermediate results to its temp directory instead.
MEMORY_LIMIT = "384MB"
THREADS = 2

SCHEMA: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS companies (
        ogrn VARCHAR, inn VARCHAR, kpp VARCHAR,
        full_name VARCHAR, short_name VARCHAR, legal_form VARCHAR,
        status VARCHAR, terminated_on DATE, region VARCHAR(2),
        address VARCHAR, address_parts JSON, address_norm VARCHAR,
        okved VARCHAR, registered_on DATE, capital DECIMAL(18,2),
        first_seen DATE, last_seen DATE, load_id INTEGER, row_hash BIGINT)""",
    """CREATE TABLE IF NOT EXISTS entrepreneurs (
        ogrnip VARCHAR, inn VARCHAR,
        last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR,
        status VARCHAR, terminated_on DATE, region VARCHAR(2),
        okved VARCHAR, registered_on DATE,
        first_seen DATE, last_seen DATE, load_id INTEGER, row_hash BIGINT)""",
    """CREATE TABLE IF NOT EXISTS person_roles (
        subject_kind VARCHAR, subject_ogrn VARCHAR, role VARCHAR,
        last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR, inn VARCHAR,
        share_percent DOUBLE, share_nominal DECIMAL(18,2), title VARCHAR,
        since DATE, unreliable BOOLEAN, region VARCHAR(2), load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS company_owners (
        subject_ogrn VARCHAR, owner_kind VARCHAR, owner_ogrn VARCHAR, owner_inn VARCHAR,
        owner_name VARCHAR, share_percent DOUBLE, share_nominal DECIMAL(18,2),
        since DATE, unreliable BOOLEAN, load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS company_managers (
        subject_ogrn VARCHAR, manager_ogrn VARCHAR, manager_inn VARCHAR, manager_name VARCHAR,
        since DATE, unreliable BOOLEAN, load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS contracts (
        reg_num VARCHAR, law VARCHAR, sign_date DATE, price DECIMAL(18,2),
        currency VARCHAR, subject VARCHAR,
        customer_inn VARCHAR, customer_kpp VARCHAR, customer_name VARCHAR, customer_ogrn VARCHAR,
        load_id INTEGER, first_seen DATE, last_seen DATE, row_hash BIGINT)""",
    """CREATE TABLE IF NOT EXISTS contract_suppliers (
        reg_num VARCHAR, supplier_kind VARCHAR, supplier_inn VARCHAR, supplier_kpp VARCHAR,
        supplier_ogrn VARCHAR, supplier_name VARCHAR, load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS disqualified (
        last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR, full_name VARCHAR,
        birth_date DATE, birth_place VARCHAR, organisation VARCHAR, organisation_inn VARCHAR,
        position VARCHAR, article VARCHAR, term VARCHAR, starts_on DATE, ends_on DATE,
        load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS mass_persons (
        inn VARCHAR, last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR,
        kind VARCHAR, companies INTEGER, load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS mass_addresses (
        address VARCHAR, address_norm VARCHAR, region VARCHAR(2), companies INTEGER,
        load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS loss_of_trust (
        last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR, full_name VARCHAR,
        birth_date DATE, inn VARCHAR, organisation VARCHAR, position VARCHAR, dismissed_on DATE,
        ground VARCHAR, included_on DATE, excluded_on DATE, load_id INTEGER)""",
    """CREATE TABLE IF NOT EXISTS npd_status (
        inn VARCHAR, status BOOLEAN, status_on DATE, source VARCHAR, load_id INTEGER)""",
    """CREATE SEQUENCE IF NOT EXISTS load_ids START 1""",
    """CREATE TABLE IF NOT EXISTS loads (
        load_id INTEGER, run_id INTEGER, source VARCHAR, file VARCHAR, checksum VARCHAR,
        loaded_at TIMESTAMP, extract_date DATE, records BIGINT,
        added BIGINT, changed BIGINT, unchanged BIGINT, status VARCHAR)""",
)


def default_path() -> Path:
    from zorko import config

    return config.load().registry_path


# Readers hold the file only for a page's queries: a writer waits this long for them.
BUSY_WAIT_SECONDS = 10.0


def connect(path: Path | str | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store (creating it and its schema when writable)."""
    target = Path(path) if path is not None else default_path()
    if read_only:
        try:
            return duckdb.connect(str(target), read_only=True)
        except duckdb.IOException as exc:
            raise RegistryBusy(target) from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    while True:
        try:
            con = duckdb.connect(str(target))
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            # Another process (IOException) or a reader in this process with a
            # read-only configuration (ConnectionException) has the file open.
            if time.monotonic() > deadline:
                raise RegistryBusy(target) from exc
            time.sleep(0.1)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET threads = {THREADS}")
    con.execute("SET preserve_insertion_order = false")
    ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for statement in SCHEMA:
        con.execute(statement)


class RegistryBusy(ZorkoError):
    """Another process holds the store open for writing (a load is running)."""

    exit_code = 4
    http_status = 503

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Хранилище реестров {path} занято другим процессом (идёт загрузка). Повторите позже."
        )


@contextmanager
def reading(path: Path | str | None = None) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """A short read connection for web pages; ``None`` when the store does not exist yet.

    Inside a process that already writes the store (the worker thread of
    ``zorko serve``) DuckDB refuses a second, read-only configuration, so
    the reader shares the writable instance; MVCC still shows it only
    committed data.
    """
    target = Path(path) if path is not None else default_path()
    if not target.exists():
        yield None
        return
    try:
        con = duckdb.connect(str(target), read_only=True)
    except duckdb.ConnectionException:
        con = duckdb.connect(str(target))  # shares this process's writable instance
    except duckdb.IOException as exc:
        raise RegistryBusy(target) from exc
    try:
        yield con
    finally:
        con.close()
