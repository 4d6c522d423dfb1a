"""Input files given as files, folders or ``.zip`` archives, opened lazily.

An importer receives paths as the user typed them; this module expands
folders (sorted, so loads are reproducible) and archive members into
:class:`InputFile` objects that name themselves the way error messages
should («contracts.zip/contract_1.xml»).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from zorko.exceptions import ImportFailed


@dataclass(frozen=True, slots=True)
class InputFile:
    """One readable input: a file on disk or a member of a zip archive."""

    path: Path
    member: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path.name}/{self.member}" if self.member else self.path.name

    @contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        if self.member is None:
            with open(self.path, "rb") as handle:
                yield handle
            return
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as handle:
                yield handle
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise ImportFailed(self.name, f"архив повреждён или обрезан: {exc}") from exc


def expand(paths: Iterable[str | Path], suffixes: tuple[str, ...]) -> Iterator[InputFile]:
    """Every input file under ``paths`` whose name ends with one of ``suffixes``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _expand_file(child, suffixes, explicit=False)
        elif path.is_file():
            yield from _expand_file(path, suffixes, explicit=True)
        else:
            raise ImportFailed(str(path), "файл или папка не найдены")


def _expand_file(path: Path, suffixes: tuple[str, ...], explicit: bool) -> Iterator[InputFile]:
    lower = path.name.lower()
    if lower.endswith(".zip"):
        yield from _zip_members(path, suffixes)
    elif lower.endswith(suffixes) or explicit:
        # A file named explicitly is read whatever its extension: the user chose it.
        yield InputFile(path)


def _zip_members(path: Path, suffixes: tuple[str, ...]) -> Iterator[InputFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(
                info.filename for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith(suffixes)
            )
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ImportFailed(path.name, f"архив повреждён или обрезан: {exc}") from exc
    for name in names:
        yield InputFile(path, name)
