"""A full disk is reported in Russian, with its cause, not as a traceback."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.attack import run_zorko

FULL = Path("/dev/full")  # every write to it fails with ENOSPC, as on a full disk


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_an_export_onto_a_full_disk_says_so(tmp_path: Path, fmt: str) -> None:
    if not (FULL.exists() and stat.S_ISCHR(FULL.stat().st_mode)):
        pytest.skip("no /dev/full here")
    assert run_zorko(tmp_path, "init").returncode == 0
    result = run_zorko(tmp_path, "findings", "export", "--format", fmt, "--out", str(FULL))
    assert result.returncode == 5
    assert "На диске нет места" in result.stderr and "Traceback" not in result.stderr
    assert stat.S_ISCHR(FULL.stat().st_mode)  # written in place, never replaced


def test_every_layer_s_full_disk_error_is_recognised() -> None:
    import errno
    import sqlite3

    import duckdb

    from zorko.exceptions import as_disk_full

    wrapped = RuntimeError("load failed")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device", "/var/zorko/registry.duckdb")
    for exc in (sqlite3.OperationalError("database or disk is full"),
                duckdb.IOException('IO Error: Could not write file "x.wal": No space left on device'),
                wrapped):
        full = as_disk_full(exc)
        assert full is not None and "На диске нет места" in str(full)
    assert "/var/zorko/registry.duckdb" in str(as_disk_full(wrapped))
    assert as_disk_full(ValueError("bad value")) is None
