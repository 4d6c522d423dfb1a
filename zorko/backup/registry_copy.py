"""A consistent copy of the DuckDB registry store, and putting one back.

A load writes a copy of the store and renames it into place at its commit
(``zorko.registry.writing``), under the store's writer lock. The backup takes
that lock too, so a running load is waited for and is in the backup, and
holds a read-only connection for the length of the copy, which keeps any
other writer of the file out, so the file and its write-ahead log are copied
as one state.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from zorko.backup.archive import BackupRefused
from zorko.registry import writing
from zorko.registry.store import RegistryBusy

MEMBER = "registry/registry.duckdb"
POLL_SECONDS = 0.5


def _busy(store: Path, wait_seconds: float) -> BackupRefused:
    return BackupRefused(f"Хранилище реестров {store} занято загрузкой дольше {wait_seconds:.0f} с; "
                         "резервная копия не создана. Повторите после загрузки.")


def copy(store: Path, out: Path, wait_seconds: float, on_wait: Callable[[], None] | None = None) -> bool:
    """Copy the store to ``out`` as one file; ``False`` when there is no store yet."""
    told = False

    def tell() -> None:  # once, whether a load's lock or another writer's connection keeps us waiting
        nonlocal told
        if on_wait is not None and not told:
            on_wait()
        told = True

    deadline = time.monotonic() + wait_seconds
    try:
        with writing.writer_lock(store, wait=wait_seconds, on_wait=tell):
            return _copy(store, out, deadline, wait_seconds, tell)
    except RegistryBusy as exc:
        raise _busy(store, wait_seconds) from exc


def _copy(store: Path, out: Path, deadline: float, wait_seconds: float, tell: Callable[[], None]) -> bool:
    if not store.exists():
        return False
    while True:
        try:
            con = duckdb.connect(str(store), read_only=True)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if time.monotonic() > deadline:
                raise _busy(store, wait_seconds) from exc
            tell()
            time.sleep(POLL_SECONDS)
    try:
        shutil.copyfile(store, out)
        if writing.wal_path(store).exists():
            shutil.copyfile(writing.wal_path(store), writing.wal_path(out))
    finally:
        con.close()
    # Fold the copied log into the copy, so the archive holds one self-contained file.
    folded = duckdb.connect(str(out))
    try:
        folded.execute("CHECKPOINT")
    finally:
        folded.close()
    writing.wal_path(out).unlink(missing_ok=True)
    return True


def check(staged: Path) -> None:
    try:
        con = duckdb.connect(str(staged), read_only=True)
        try:
            con.execute("SELECT count(*) FROM loads").fetchall()
        finally:
            con.close()
    except duckdb.Error as exc:
        raise BackupRefused(f"Хранилище реестров в архиве не читается: {exc}. Ничего не записано.") from exc


def ensure_free(store: Path) -> None:
    """Refuse while a load (or a running server) holds the store; checked before any write."""
    if store.exists():
        try:
            # An exclusive connection proves nobody uses the store, and its checkpoint
            # empties the old log, which must never be replayed onto the restored file.
            con = duckdb.connect(str(store))
            con.execute("CHECKPOINT")
            con.close()
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            raise BackupRefused(
                f"Хранилище реестров {store} занято (идёт загрузка или работает сервер). "
                "Остановите «zorko serve» и повторите."
            ) from exc


def restore(staged: Path, store: Path) -> None:
    store.parent.mkdir(parents=True, exist_ok=True)
    writing.wal_path(store).unlink(missing_ok=True)
    tmp = store.with_name(store.name + ".restoring")
    shutil.copyfile(staged, tmp)
    os.replace(tmp, store)
