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


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _busy(store: Path, wait_seconds: float) -> BackupRefused:
    return BackupRefused(f"Хранилище реестров {store} занято загрузкой дольше {wait_seconds:.0f} с; "
                         "резервная копия не создана. Повторите после загрузки.")


def copy(store: Path, out: Path, wait_seconds: float, on_wait: Callable[[], None] | None = None) -> bool:
    """Copy the store to ``out`` as one file; ``False`` when there is no store yet."""
    started = time.monotonic()
    try:
        with writing.writer_lock(store, wait=0):
            return _copy(store, out, wait_seconds, on_wait)
    except RegistryBusy:
        pass
    if on_wait is not None:
        on_wait()
    try:
        with writing.writer_lock(store, wait=wait_seconds):
            return _copy(store, out, max(0.0, wait_seconds - (time.monotonic() - started)), None, waited=True)
    except RegistryBusy as exc:
        raise _busy(store, wait_seconds) from exc


def _copy(store: Path, out: Path, wait_seconds: float, on_wait: Callable[[], None] | None,
          waited: bool = False) -> bool:
    if not store.exists():
        return False
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(store), read_only=True)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if time.monotonic() > deadline:
                raise _busy(store, wait_seconds) from exc
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(POLL_SECONDS)
    try:
        shutil.copyfile(store, out)
        if _wal(store).exists():
            shutil.copyfile(_wal(store), _wal(out))
    finally:
        con.close()
    # Fold the copied log into the copy, so the archive holds one self-contained file.
    folded = duckdb.connect(str(out))
    try:
        folded.execute("CHECKPOINT")
    finally:
        folded.close()
    _wal(out).unlink(missing_ok=True)
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
    _wal(store).unlink(missing_ok=True)
    tmp = store.with_name(store.name + ".restoring")
    shutil.copyfile(staged, tmp)
    os.replace(tmp, store)
