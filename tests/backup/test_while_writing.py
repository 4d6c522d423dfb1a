"""A backup taken while the case database and the registry store are being written restores consistently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.backup.installation import FIXTURES, REPO, Installation
from zorko.registry import loader

pytestmark = pytest.mark.slow

# Writes pairs of accounts, each pair in one transaction, until killed (two minutes at most): a consistent
# copy holds whole pairs only.
WRITER = """
import time, django
django.setup()
from django.contrib.auth.models import User
from django.db import transaction
deadline = time.monotonic() + 120
for i in range(1000000):
    with transaction.atomic():
        User.objects.create(username=f"w{i}a")
        User.objects.create(username=f"w{i}b")
    if i == 20:
        print("writing", flush=True)
    if time.monotonic() > deadline:
        break
"""


def test_backup_during_a_people_write_and_a_registry_load(site: Installation, tmp_path: Path) -> None:
    archive = tmp_path / "live.tar.gz"
    writer = site.python(WRITER)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    backup: list[subprocess.Popen[str]] = []

    def start_backup_mid_load(progress: loader.LoadProgress) -> None:
        # Called inside the load's open transaction: the backup starts while the store is written.
        if backup:
            return
        backup.append(subprocess.Popen(
            [sys.executable, "-m", "zorko", "backup", str(archive)], cwd=REPO,
            env=site.env | {"PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        assert backup[0].stdout is not None
        assert "Идёт загрузка реестров" in backup[0].stdout.readline()

    try:
        loader.load("egrip", [FIXTURES / "egrip"], db_path=site.data_dir / "registry.duckdb",
                    progress=start_backup_mid_load, workers=1)
        out, err = backup[0].communicate(timeout=300)
    finally:
        writer.kill()
        writer.wait()
    assert backup[0].returncode == 0, err
    written = site.state()["users"]

    site.run("restore", str(archive))
    users = site.state()["users"]
    pairs = [u for u in users if u.startswith("w")]  # type: ignore[attr-defined]
    assert pairs and len(pairs) % 2 == 0
    assert all(f"w{name[1:-1]}b" in users for name in pairs if name.endswith("a"))  # type: ignore[operator]
    assert len(pairs) <= len([u for u in written if u.startswith("w")])  # type: ignore[attr-defined]
    # The load that held the store when the backup began is in the copy: it waited for its end.
    status = site.run("registry", "status").stdout
    assert "ЕГРИП: последняя загрузка" in status and "ЕГРЮЛ: последняя загрузка" in status


def test_backup_gives_up_on_a_load_that_outlasts_the_wait(site: Installation, tmp_path: Path) -> None:
    import duckdb

    held = duckdb.connect(str(site.data_dir / "registry.duckdb"))  # a load in progress holds the store
    try:
        done = site.run("backup", str(tmp_path / "b.tar.gz"), "--wait", "1", check=False)
    finally:
        held.close()
    assert done.returncode == 2 and "занято загрузкой дольше 1 с" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "b.tar.gz").exists() and not list(tmp_path.glob(".*"))
