"""Find the ``.xsb`` files of an import: one file, a folder (recursively) or a ``.zip``."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from zorko.exceptions import ImportFailed

SUFFIX = ".xsb"
# A zip member larger than this is refused rather than read into memory (a zip bomb, not a справка).
MAX_MEMBER_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    name: str  # as the user sees it: «папка/справка.xsb» or «архив.zip/справка.xsb»
    data: bytes


def _zip_members(path: Path, label: str) -> Iterator[SourceFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if info.is_dir() or not info.filename.lower().endswith(SUFFIX):
                    continue
                if info.file_size > MAX_MEMBER_BYTES:
                    raise ImportFailed(f"{label}/{info.filename}", "файл в архиве слишком велик для справки")
                yield SourceFile(f"{label}/{info.filename}", archive.read(info))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as exc:
        raise ImportFailed(label, f"архив повреждён или не является ZIP ({exc})") from exc


def source_files(paths: list[Path], names: list[str] | None = None) -> list[SourceFile]:
    """Every ``.xsb`` under the paths; ``names`` are the labels to use instead of the paths (web uploads)."""
    out: list[SourceFile] = []
    for index, path in enumerate(paths):
        label = names[index] if names else str(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == SUFFIX)
            out.extend(SourceFile(str(p.relative_to(path.parent)), p.read_bytes()) for p in found)
        elif not path.exists():
            raise ImportFailed(label, "файл или папка не найдены")
        elif path.suffix.lower() == ".zip" or label.lower().endswith(".zip"):
            out.extend(_zip_members(path, label))
        else:
            out.append(SourceFile(label, path.read_bytes()))
    if not out:
        raise ImportFailed(", ".join(names or [str(p) for p in paths]),
                           "не найдено ни одного файла «Справки БК» (.xsb)")
    return out
