"""`zorko backup` and `zorko restore` as subprocesses: the round trip, and restoring onto a newer version."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from tests.backup.installation import FIXTURES, Installation

pytestmark = pytest.mark.slow


def test_restore_brings_back_the_database_the_registry_and_the_files(site: Installation, tmp_path: Path) -> None:
    before = site.state()
    status_before = site.run("registry", "status").stdout
    archive = tmp_path / "копия.tar.gz"
    out = site.run("backup", str(archive)).stdout
    assert "Резервная копия записана" in out and "хранилище реестров: да" in out
    assert archive.stat().st_mode & 0o077 == 0  # personal data: the owner only

    # Life goes on after the backup: a new account, another registry, a lost upload.
    site.run("user", "add", "later", "--role", "viewer", "--password", "Пароль-для-тестов-2")
    site.run("registry", "load", "egrip", str(FIXTURES / "egrip"))
    upload = site.data_dir / "uploads" / "token-of-an-upload-0001" / "servants.csv"
    upload.unlink()

    out = site.run("restore", str(archive)).stdout
    assert "Восстановлено из" in out and "хранилище реестров: восстановлено" in out
    after = site.state()
    assert after["users"] == before["users"] and "later" not in after["users"]
    assert after["servants"] == before["servants"] and after["relatives"] == before["relatives"]
    assert after["audit"][: len(before["audit"])] == before["audit"]  # type: ignore[index,arg-type]
    assert after["audit"][-1] == "backup.restore"  # type: ignore[index]
    assert site.run("registry", "status").stdout == status_before
    assert "ЕГРИП: не загружался" in status_before
    assert upload.read_text(encoding="utf-8").startswith("табельный_номер")
    # The restored installation works: the same load is recognised as done.
    assert "без изменений пропущено 3" in site.run("registry", "load", "egrul", str(FIXTURES / "egrul")).stdout


def test_a_backup_of_an_older_version_is_migrated_on_restore(site: Installation, tmp_path: Path) -> None:
    # The database as the previous release left it: without the newest people migration.
    proc = site.python("import django; django.setup(); from django.core.management import call_command; "
                       "call_command('migrate', 'people', '0001_initial', verbosity=0)")
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    old = site.state()
    assert "people.0002_identifier_validators" not in old["migrations"]  # type: ignore[operator]
    archive = tmp_path / "old.tar.gz"
    site.run("backup", str(archive))

    site.run("restore", str(archive))
    new = site.state()
    assert "people.0002_identifier_validators" in new["migrations"]  # type: ignore[operator]
    assert new["servants"] == old["servants"]


def test_a_backup_of_a_newer_version_is_refused(site: Installation, tmp_path: Path) -> None:
    archive = tmp_path / "new.tar.gz"
    site.run("backup", str(archive))
    future = tmp_path / "future.tar.gz"
    _rewrite_manifest(archive, future, lambda m: m["migrations"].append("people.9999_from_the_future"))
    before = site.state()
    done = site.run("restore", str(future), check=False)
    assert done.returncode == 2
    assert "сделан более новой версией Зорко" in done.stderr and "people.9999_from_the_future" in done.stderr
    assert site.state() == before


def test_an_archive_of_the_other_database_engine_is_refused(site: Installation, tmp_path: Path) -> None:
    archive = tmp_path / "b.tar.gz"
    site.run("backup", str(archive))
    other = tmp_path / "other.tar.gz"
    _rewrite_manifest(archive, other, lambda m: m.update(engine="postgresql" if m["engine"] == "sqlite" else "sqlite"))
    done = site.run("restore", str(other), check=False)
    assert done.returncode == 2 and "а Зорко настроен на" in done.stderr


def _rewrite_manifest(source: Path, target: Path, change: object) -> None:
    with tarfile.open(source, "r:gz") as src, tarfile.open(target, "w:gz") as dst:
        for info in src.getmembers():
            data = src.extractfile(info).read()  # type: ignore[union-attr]
            if info.name == "manifest.json":
                manifest = json.loads(data)
                change(manifest)  # type: ignore[operator]
                data = json.dumps(manifest).encode()
                info.size = len(data)
            dst.addfile(info, io.BytesIO(data))
