"""How a load writes the store without closing it to readers.

DuckDB lets one process write a file and refuses every other process while
it does, so a load of minutes made every page that reads the registries
answer «занято». A load therefore writes a private copy of the store and
puts it in place with one rename when it commits: pages and checks read the
previous state meanwhile, and a load that fails or is killed leaves only
its copy behind, which the next load discards.

Writers take ``writer_lock`` (a lock file, across processes and threads), so
two loads never copy the same state, and they announce themselves for the
pages that show that a load runs.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from zorko.registry.store import BUSY_WAIT_SECONDS, RegistryBusy, connect


def wal_path(path: Path) -> Path:
    """DuckDB's write-ahead log beside the store."""
    return path.with_name(path.name + ".wal")


def _load_marker(path: Path) -> Path:
    return path.with_name(path.name + ".loading")


def next_path(path: Path) -> Path:
    """The copy a load writes (hidden: backups and listings skip it)."""
    return path.with_name(f".{path.name}.next")


@contextmanager
def writer_lock(path: Path, wait: float = BUSY_WAIT_SECONDS,
                on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """The store's only writer for the block; ``RegistryBusy`` after ``wait`` seconds (``on_wait``
    is told once, when the lock is found taken)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() >= deadline:
                    raise RegistryBusy(path) from exc
                if on_wait is not None:
                    on_wait()
                    on_wait = None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def announced_load(path: Path) -> Iterator[None]:
    """Marks the store as being loaded, for pages that show the last state without opening it."""
    marker = _load_marker(path)
    marker.write_text(str(os.getpid()), encoding="utf-8")
    try:
        yield
    finally:
        marker.unlink(missing_ok=True)


def load_running(path: Path) -> bool:
    """Whether a live process announced a load of the store (a killed one leaves a stale mark)."""
    try:
        pid = int(_load_marker(path).read_text(encoding="utf-8"))
        os.kill(pid, 0)
    except PermissionError:  # alive, another user's
        return True
    except (OSError, ValueError):
        return False
    return True


def _settle(path: Path) -> None:
    """Fold a log left by a writer that stopped without its checkpoint into the store, so the
    copy holds every committed change and no old log is ever replayed onto the new file."""
    if not wal_path(path).exists():
        return
    con = connect(path)  # waits for a short reader, as any writer does
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


@contextmanager
def next_state(path: Path) -> Iterator[Path]:
    """A copy of the store to write; it replaces the store when the block ends without an error.

    Call under ``writer_lock``; the caller closes its connection to the copy inside the block.
    """
    copy = next_path(path)
    for leftover in (copy, wal_path(copy)):
        leftover.unlink(missing_ok=True)
    if not path.exists():
        connect(path).close()  # an empty store with its schema, as a failed first load leaves it
    _settle(path)
    shutil.copyfile(path, copy)
    try:
        yield copy
    except BaseException:
        for leftover in (copy, wal_path(copy)):
            leftover.unlink(missing_ok=True)
        raise
    os.replace(copy, path)
