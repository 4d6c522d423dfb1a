"""The files under ``ZORKO_DATA_DIR`` besides the two stores: uploads, generated files, the key.

Everything is kept except the stores themselves (copied consistently by
their own modules), their journals and the static files Zorko recreates.
Each file is copied before it is archived, so one that changes meanwhile
cannot break the archive.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

PREFIX = "files/"
SKIPPED = {
    "zorko.sqlite3", "zorko.sqlite3-wal", "zorko.sqlite3-shm", "zorko.sqlite3-journal",
    "registry.duckdb", "registry.duckdb.wal", "registry.duckdb.tmp", "registry.duckdb.restoring",
    "registry.duckdb.lock", "registry.duckdb.loading", "registry-status.json",
    "static",
}


def _skipped(name: str) -> bool:
    # Leading dots (here and below): our partial archives and staging folders.
    return name in SKIPPED or name.startswith(".")


def copy(data_dir: Path, staging: Path, exclude: Path | None = None) -> int:
    """Copy the data files into ``staging/files``; returns how many were copied."""
    count = 0
    if not data_dir.is_dir():
        return 0
    for top in sorted(data_dir.iterdir()):
        if _skipped(top.name):
            continue
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            hidden = any(part.startswith(".") for part in path.relative_to(data_dir).parts)
            if hidden or path.is_symlink() or (exclude is not None and path.resolve() == exclude):
                continue
            dest = staging / PREFIX / path.relative_to(data_dir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(path, dest)
            except FileNotFoundError:
                continue  # an upload removed while we walked: it was transient anyway
            count += 1
    return count


def restore(staged: Path, data_dir: Path) -> int:
    """Put back every top-level entry of the backup, replacing the current one of that name."""
    root = staged / PREFIX
    if not root.is_dir():
        return 0
    count = 0
    for top in sorted(root.iterdir()):
        target = data_dir / top.name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        os.replace(top, target)
        count += sum(1 for p in target.rglob("*") if p.is_file()) if target.is_dir() else 1
    return count
