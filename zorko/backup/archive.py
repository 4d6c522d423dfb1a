"""The archive format: a gzip tar with ``manifest.json`` first, then the staged files.

A staging folder mirrors the archive (``database/…``, ``registry/…``,
``files/…``); the manifest lists each member's sha256 and size, so a
restore can refuse a damaged or tampered archive before it writes a byte.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from zorko.exceptions import ZorkoError

FORMAT = "zorko-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1 << 20
# Fast compression: a registry store of gigabytes must not take an hour on two cores.
COMPRESS_LEVEL = 1


class BackupRefused(ZorkoError):
    """A backup cannot be made or an archive cannot be restored; nothing was written."""

    exit_code = 2


def damaged(archive: Path, reason: str) -> BackupRefused:
    return BackupRefused(
        f"Архив «{archive.name}» не восстановлен: {reason}. Ничего не записано."
    )


@dataclass(slots=True)
class Manifest:
    zorko_version: str
    created_at: str
    engine: str  # "sqlite" or "postgresql"
    migrations: list[str]  # "app.name", as applied in the backed-up database
    members: dict[str, dict[str, Any]] = field(default_factory=dict)  # name → sha256, size

    def to_json(self) -> bytes:
        body = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "zorko_version": self.zorko_version, "created_at": self.created_at,
                "engine": self.engine, "migrations": self.migrations, "members": self.members}
        return json.dumps(body, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes, archive: Path) -> Manifest:
        try:
            body = json.loads(raw)
            if body.get("format") != FORMAT:
                raise ValueError
            if int(body["format_version"]) > FORMAT_VERSION:
                raise damaged(archive, "формат архива новее этой версии Зорко; обновите Зорко")
            members = {str(k): {"sha256": str(v["sha256"]), "size": int(v["size"])}
                       for k, v in body["members"].items()}
            return cls(str(body["zorko_version"]), str(body["created_at"]), str(body["engine"]),
                       [str(m) for m in body["migrations"]], members)
        except BackupRefused:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged(archive, "опись архива (manifest.json) повреждена") from exc


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def staged_members(staging: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(staging.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path.relative_to(staging).as_posix(), path


def write(staging: Path, manifest: Manifest, out: Path) -> None:
    """Write the archive next to ``out`` and rename it into place, readable by the owner only."""
    for name, path in staged_members(staging):
        manifest.members[name] = {"sha256": _digest(path), "size": path.stat().st_size}
    tmp = out.with_name(f".{out.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(
            fileobj=raw, mode="w:gz", compresslevel=COMPRESS_LEVEL, format=tarfile.PAX_FORMAT
        ) as tar:
            body = manifest.to_json()
            tar.addfile(_info(MANIFEST, len(body)), io.BytesIO(body))
            for name in manifest.members:
                path = staging / name
                with open(path, "rb") as f:
                    tar.addfile(_info(name, path.stat().st_size), f)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def _info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    return info


# What a damaged gzip or tar stream raises somewhere while it is read.
READ_ERRORS = (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, OSError, UnicodeError)


def _safe_name(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and "\\" not in name


def _members(archive: Path) -> Iterator[tuple[tarfile.TarInfo, IO[bytes]]]:
    with tarfile.open(archive, mode="r|gz") as tar:
        for info in tar:
            if not info.isreg():
                raise damaged(archive, f"элемент «{info.name}» не является файлом")
            f = tar.extractfile(info)
            if f is None:
                raise damaged(archive, f"элемент «{info.name}» не читается")
            yield info, f


def read(archive: Path, target: Path | None = None) -> Manifest:
    """Check every member against the manifest; with ``target``, also write the members there.

    Without ``target`` nothing is written anywhere: this is the check a
    restore runs before it touches the installation.
    """
    if not archive.is_file():
        raise BackupRefused(f"Файл «{archive}» не найден.")
    manifest: Manifest | None = None
    seen: set[str] = set()
    try:
        for info, f in _members(archive):
            if manifest is None:
                if info.name != MANIFEST or info.size > 64 * CHUNK:
                    raise damaged(archive, "в начале архива нет описи (manifest.json): это не резервная копия Зорко")
                manifest = Manifest.from_json(f.read(), archive)
                continue
            expected = manifest.members.get(info.name)
            if expected is None or not _safe_name(info.name) or info.name in seen:
                raise damaged(archive, f"элемент «{info.name}» не указан в описи")
            seen.add(info.name)
            _copy_checked(archive, info.name, f, expected, target)
    except BackupRefused:
        raise
    except READ_ERRORS as exc:
        raise damaged(archive, f"архив повреждён или обрезан ({type(exc).__name__})") from exc
    if manifest is None:
        raise damaged(archive, "архив пуст")
    missing = sorted(set(manifest.members) - seen)
    if missing:
        raise damaged(archive, f"нет элемента «{missing[0]}», указанного в описи")
    return manifest


def _copy_checked(archive: Path, name: str, f: IO[bytes], expected: dict[str, Any],
                  target: Path | None) -> None:
    h = hashlib.sha256()
    size = 0
    out = None
    if target is not None:
        dest = target / name
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Personal data: readable by the owner only, whatever the umask.
        out = os.fdopen(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
    try:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
            if out is not None:
                out.write(chunk)
    finally:
        if out is not None:
            out.close()
    if size != expected["size"] or h.hexdigest() != expected["sha256"]:
        raise damaged(archive, f"контрольная сумма элемента «{name}» не совпадает с описью")
