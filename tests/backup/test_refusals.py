"""`zorko restore` refuses a damaged or tampered archive with a Russian message and writes nothing."""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.backup.installation import Installation
from zorko.backup import archive
from zorko.backup.archive import BackupRefused

pytestmark = pytest.mark.slow


def _truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _flipped(raw: bytes) -> bytes:
    middle = len(raw) // 2
    return raw[:middle] + bytes([raw[middle] ^ 0xFF]) + raw[middle + 1:]


def _members(raw: bytes) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        return [(i, tar.extractfile(i).read()) for i in tar.getmembers()]  # type: ignore[union-attr]


def _pack(members: list[tuple[tarfile.TarInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for info, data in members:
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _database_edited(raw: bytes) -> bytes:
    """Someone changed the database in the archive and left the manifest as it was."""
    members = _members(raw)
    return _pack([(i, _flipped(d) if i.name.startswith("database/") else d) for i, d in members])


def _member_dropped(raw: bytes) -> bytes:
    return _pack([(i, d) for i, d in _members(raw) if not i.name.startswith("registry/")])


def _path_traversal(raw: bytes) -> bytes:
    evil = tarfile.TarInfo("files/../../escaped.txt")
    return _pack([*_members(raw), (evil, b"owned")])


def _no_manifest(raw: bytes) -> bytes:
    return _pack([(i, d) for i, d in _members(raw) if i.name != "manifest.json"])


DAMAGES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (_truncated, "повреждён или обрезан"),
    "byte flipped": (_flipped, "не восстановлен"),
    "not an archive": (lambda raw: "просто текст".encode(), "повреждён или обрезан"),
    "empty file": (lambda raw: b"", "повреждён или обрезан"),
    "plain gzip": (lambda raw: gzip.compress(b"{}"), "не восстановлен"),
    "database edited": (_database_edited, "контрольная сумма элемента «database/"),
    "member missing": (_member_dropped, "нет элемента «registry/registry.duckdb»"),
    "path traversal": (_path_traversal, "не указан в описи"),
    "no manifest": (_no_manifest, "нет описи"),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def good(site: Installation, tmp_path: Path) -> Path:
    archive = tmp_path / "good.tar.gz"
    site.run("backup", str(archive))
    return archive


def test_every_damage_is_named_in_russian(good: Path, tmp_path: Path) -> None:
    raw = good.read_bytes()
    for label, (damage, expected) in DAMAGES.items():
        bad = tmp_path / f"повреждённый {label}.tar.gz"
        bad.write_bytes(damage(raw))
        with pytest.raises(BackupRefused) as refused:
            archive.read(bad)
        message = str(refused.value)
        assert f"Архив «{bad.name}»" in message and expected in message, (label, message)
        assert "Ничего не записано" in message, label
    assert archive.read(good).engine in {"sqlite", "postgresql"}


@pytest.mark.parametrize("label", ["truncated", "database edited", "path traversal"])
def test_restore_of_a_damaged_archive_writes_nothing(site: Installation, good: Path, tmp_path: Path,
                                                     label: str) -> None:
    # After the backup: a restore that wrote anything would take this account away.
    site.run("user", "add", "after_backup", "--role", "viewer", "--password", "Пароль-для-тестов-3")
    before = site.state()
    registry = site.data_dir / "registry.duckdb"
    registry_digest = _digest(registry)
    files_before = _files(site.data_dir)
    bad = tmp_path / "повреждённый.tar.gz"
    bad.write_bytes(DAMAGES[label][0](good.read_bytes()))
    done = site.run("restore", str(bad), check=False)
    assert done.returncode == 2
    assert "Архив «повреждённый.tar.gz» не восстановлен" in done.stderr and DAMAGES[label][1] in done.stderr
    assert "Traceback" not in done.stderr
    assert site.state() == before
    assert _digest(registry) == registry_digest
    assert _files(site.data_dir) == files_before
    assert not (site.data_dir.parent / "escaped.txt").exists()


def _files(root: Path) -> list[Path]:
    # SQLite's own journal files come and go with every connection.
    return sorted(p.relative_to(root) for p in root.rglob("*") if not p.name.endswith(("-wal", "-shm")))


def test_a_missing_archive_is_named(site: Installation, tmp_path: Path) -> None:
    done = site.run("restore", str(tmp_path / "нет такого.tar.gz"), check=False)
    assert done.returncode == 2 and "«" in done.stderr and "нет такого.tar.gz" in done.stderr
    assert "Traceback" not in done.stderr
