"""Input files of a load: single files, folders (recursively) and ``.zip`` archives.

A member of an archive is an input file of its own, named
``archive.zip!member.xml``, with its own checksum, so re-loading an
archive with one new member loads just that member.
"""

from __future__ import annotations

import hashlib
import os
import threading
import zipfile
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from zorko.exceptions import ImportFailed, ValidationError

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to load; picklable, so a parser process can open it by itself."""

    name: str  # shown to the user and kept in ``loads.file``
    size: int  # uncompressed bytes, for progress
    path: str
    member: str | None = None  # the member of the zip archive at ``path``

    def open(self) -> BinaryIO:
        if self.member is None:
            return open(self.path, "rb")
        return _archive(self.path).open(self.member)  # type: ignore[return-value]


# Open archives, most recently used last. Opening a ZipFile reads its whole
# central directory, so reopening it for each of an ЕИС archive's thousands
# of one-contract members made a load quadratic in the member count.
_ARCHIVES: OrderedDict[tuple[str, int, int], zipfile.ZipFile] = OrderedDict()
_ARCHIVES_LOCK = threading.Lock()
_KEEP_OPEN = 4


def _archive(path: str) -> zipfile.ZipFile:
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)  # a rewritten archive is opened afresh
    with _ARCHIVES_LOCK:
        archive = _ARCHIVES.get(key)
        if archive is None:
            archive = zipfile.ZipFile(path)
            _ARCHIVES[key] = archive
            while len(_ARCHIVES) > _KEEP_OPEN:
                # A member still being read keeps its file open after this close.
                _ARCHIVES.popitem(last=False)[1].close()
        _ARCHIVES.move_to_end(key)
        return archive


def expand(paths: list[Path], suffixes: tuple[str, ...]) -> list[InputFile]:
    """Every input file under ``paths``, in a stable order; folders keep only ``suffixes`` and zips."""
    if not paths:
        raise ValidationError("Не указано ни одного файла для загрузки.")
    found: list[InputFile] = []
    for path in paths:
        if path.is_dir():
            before = len(found)
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                low = child.name.lower()
                if low.endswith(".zip"):
                    found.extend(_zip_members(child, suffixes, required=False))
                elif low.endswith(suffixes):
                    found.append(_plain(child))
            if len(found) == before:
                raise ImportFailed(str(path), f"в папке нет файлов этого источника ({_kinds(suffixes)})")
        elif path.is_file():
            if path.name.lower().endswith(".zip"):
                found.extend(_zip_members(path, suffixes))
            else:
                found.append(_plain(path))
        else:
            raise ValidationError(f"Файл или папка не найдены: {path}")
    return found


def _kinds(suffixes: tuple[str, ...]) -> str:
    return ", ".join(dict.fromkeys(suffixes)) + ", .zip"


def _plain(path: Path) -> InputFile:
    size = path.stat().st_size
    if size == 0:
        raise ImportFailed(str(path), "файл пуст")
    return InputFile(str(path), size, str(path))


def _zip_members(path: Path, suffixes: tuple[str, ...], required: bool = True) -> list[InputFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist()
                     if not i.is_dir() and i.filename.lower().endswith(suffixes)]
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFailed(str(path), f"архив повреждён или обрезан ({exc})") from exc

    if not infos and required:
        raise ImportFailed(str(path), f"в архиве нет файлов этого источника ({_kinds(suffixes)})")
    empty = [i.filename for i in infos if i.file_size == 0]
    if empty:
        raise ImportFailed(f"{path}!{empty[0]}", "файл пуст")
    return [InputFile(f"{path}!{i.filename}", i.file_size, str(path), i.filename) for i in infos]


def checksum(f: InputFile) -> str:
    """sha256 of the file's (uncompressed) bytes; a damaged archive member fails here, named."""
    digest = hashlib.sha256()
    try:
        with f.open() as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ImportFailed(f.name, f"архив повреждён или обрезан ({exc})") from exc
    except OSError as exc:
        raise ImportFailed(f.name, f"файл не читается ({exc})") from exc
    return digest.hexdigest()
