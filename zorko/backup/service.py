"""``create_backup`` and ``restore_backup``: the two actions behind ``zorko backup`` / ``restore``."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from zorko.backup import archive, casedb, datafiles, registry_copy
from zorko.backup.archive import BackupRefused, Manifest

Say = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    manifest: Manifest
    registry: bool
    files: int


def _settings() -> tuple[dict[str, object], Path, Path]:
    from django.conf import settings

    return settings.DATABASES["default"], settings.CONFIG.data_dir, settings.CONFIG.registry_path


def create_backup(out: Path, *, wait_seconds: float = 900, say: Say = print) -> Outcome:
    """Archive the case database, the registry store and the data files into ``out``."""
    db, data_dir, store = _settings()
    out = out.resolve()
    if out.is_dir():
        raise BackupRefused(f"«{out}» — папка; укажите имя файла архива.")
    out.parent.mkdir(parents=True, exist_ok=True)
    kind = casedb.engine(db)
    manifest = Manifest(zorko_version=version("zorko"), created_at=datetime.now(UTC).isoformat(),
                        engine=kind, migrations=casedb.applied_migrations())
    with tempfile.TemporaryDirectory(prefix=".zorko-backup-", dir=out.parent) as tmp:
        staging = Path(tmp)
        (staging / "database").mkdir()
        (staging / "registry").mkdir()
        casedb.dump(db, staging / casedb.member(kind))
        has_registry = registry_copy.copy(
            store, staging / registry_copy.MEMBER, wait_seconds,
            on_wait=lambda: say("Идёт загрузка реестров: копия будет снята после её окончания…"),
        )
        files = datafiles.copy(data_dir, staging, exclude=out)
        archive.write(staging, manifest, out)
    return Outcome(manifest, has_registry, files)


def restore_backup(source: Path) -> Outcome:
    """Check the whole archive, then restore everything and migrate; a refusal writes nothing."""
    db, data_dir, store = _settings()
    source = source.resolve()
    manifest = archive.read(source)  # reads only: a damaged archive stops here
    kind = casedb.engine(db)
    _check_fits(manifest, source, kind, data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    registry_copy.ensure_free(store)
    staging = Path(tempfile.mkdtemp(prefix=".zorko-restore-", dir=data_dir))
    try:
        archive.read(source, target=staging)
        staged_db = staging / casedb.member(kind)
        casedb.check(db, staged_db)
        staged_registry = staging / registry_copy.MEMBER
        has_registry = staged_registry.exists()
        if has_registry:
            registry_copy.check(staged_registry)
        from django.db import connection

        connection.close()  # the restore replaces the file this connection may hold open
        # Everything is checked; from here on the installation is replaced, database first
        # (one transaction), so a failure there still leaves the rest untouched.
        casedb.restore(db, staged_db)
        if has_registry:
            registry_copy.restore(staged_registry, store)
        files = datafiles.restore(staging, data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(manifest, has_registry, files)


def _check_fits(manifest: Manifest, source: Path, kind: str, data_dir: Path) -> None:
    """Refuse an archive of the other engine, of a newer Zorko, or too big for the free space."""
    if manifest.engine != kind:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupRefused(
            f"Архив «{source.name}» содержит базу {names.get(manifest.engine, manifest.engine)}, "
            f"а Зорко настроен на {names[kind]} (ZORKO_DATABASE_URL). Ничего не записано."
        )
    newer = casedb.unknown_migrations(manifest.migrations)
    if newer:
        raise BackupRefused(
            f"Архив «{source.name}» сделан более новой версией Зорко ({manifest.zorko_version}; "
            f"неизвестная миграция {newer[0]}). Обновите Зорко и повторите. Ничего не записано."
        )
    # Staged, then copied into place: twice the archive's content must fit.
    needed = 2 * sum(int(m["size"]) for m in manifest.members.values())
    existing = next(p for p in (data_dir, *data_dir.parents) if p.exists())
    free = shutil.disk_usage(existing).free
    if free < needed:
        raise BackupRefused(
            f"Для восстановления из «{source.name}» нужно {needed // (1 << 20)} МиБ свободного места "
            f"в {data_dir}, свободно {free // (1 << 20)} МиБ. Ничего не записано."
        )
