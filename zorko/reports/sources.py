"""The registries a document relies on, named as they were loaded: extract date, load date, file names.

A lawyer signing «Отчет о проверке ФЛ» must be able to say which extract the
check read: «ЕГРЮЛ (юридические лица), сведения на 01.12.2026, загружено
02.12.2026, файл egrul_20261201.zip». The screening run keeps the newest extract
date per source; the files come from the registry store's ``loads`` ledger (the
newest load of that extract made before the check), shown by their own names —
never a server path, and a load of thousands of small files as one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import PurePath

from zorko.exceptions import ZorkoError
from zorko.ru.formats import date_ru

# A load of a regional ЕИС archive is tens of thousands of files: name a few, count the rest.
NAMED_FILES = 2


@dataclass(frozen=True, slots=True)
class SourceLine:
    name: str  # «ЕГРЮЛ (юридические лица)»
    as_of: str  # «01.12.2026»: the extract the check read
    loaded: str = ""  # «загружено 02.12.2026, файл egrul_20261201.zip»; empty when the ledger is unreadable


def file_label(stored: str) -> str:
    """A ledger entry as its user knows it: the archive for a zip member, the file name, no folders."""
    outer = stored.split("!", 1)[0]
    return PurePath(outer.replace("\\", "/")).name or outer


def files_text(labels: list[str]) -> str:
    """«файл a.xml» / «файлы a.xml, b.xml» / «файлы a.xml, b.xml и ещё 1 249»."""
    names = list(dict.fromkeys(labels))
    if not names:
        return ""
    if len(names) == 1:
        return f"файл {names[0]}"
    shown = ", ".join(names[:NAMED_FILES])
    rest = len(names) - NAMED_FILES
    return f"файлы {shown}" + (f" и ещё {rest:,}".replace(",", "\u00a0") if rest > 0 else "")


def _loads_before(sources: list[str], until: datetime | None) -> list[tuple[str, int, str, datetime, date]]:
    """(source, run, file, loaded_at UTC, extract date) of the successful loads of ``sources`` up to ``until``."""
    from django.conf import settings

    from zorko.registry import store

    limit = (until.astimezone(UTC).replace(tzinfo=None) if until and until.tzinfo else until) or datetime.max
    try:
        with store.reading(settings.CONFIG.registry_path) as con:
            if con is None:
                return []
            rows = con.execute(
                "SELECT source, run_id, file, loaded_at, coalesce(extract_date, CAST(loaded_at AS DATE)) FROM loads "
                "WHERE status = 'loaded' AND source IN (SELECT unnest($s)) AND loaded_at <= $t "
                "ORDER BY load_id", {"s": sources, "t": limit}).fetchall()
    except ZorkoError:
        return []  # the store is busy or missing: the document still names the sources and dates
    return [(str(s), int(r), str(f), t, d) for s, r, f, t, d in rows]


def _store_stamp() -> tuple[str, int]:
    """The store and its modification time: the cache below never outlives a load or a restore."""
    from django.conf import settings

    path = settings.CONFIG.registry_path
    try:
        return str(path), int(path.stat().st_mtime_ns)
    except OSError:
        return str(path), 0


@lru_cache(maxsize=32)
def _cached_loads(sources: tuple[str, ...], until: datetime | None,
                  _stamp: tuple[str, int]) -> tuple[tuple[str, int, str, datetime, date], ...]:
    # A batch of reports reads the same screening run hundreds of times; opening the store
    # for each costs more than laying out a page.
    return tuple(_loads_before(list(sources), until))


def source_lines(as_of: dict[str, str], until: datetime | None, names: dict[str, str]) -> list[SourceLine]:
    """One line per source of ``as_of`` ({source: ISO extract date}, as a screening run keeps it)."""
    loads = _cached_loads(tuple(sorted(as_of)), until, _store_stamp())
    lines = []
    for source, day in as_of.items():
        mine = [row for row in loads if row[0] == source]
        # The run that brought the extract the check read; else the newest run before the check.
        same = [row for row in mine if row[4].isoformat() == str(day)[:10]] or mine
        loaded = ""
        if same:
            run = same[-1][1]
            files = [row for row in mine if row[1] == run]  # the whole load, as the inspector made it
            when = max(row[3] for row in files).replace(tzinfo=UTC)
            loaded = f"загружено {date_ru(when)}, {files_text([file_label(row[2]) for row in files])}"
        lines.append(SourceLine(names.get(source, source), date_ru(day), loaded))
    return sorted(lines, key=lambda line: line.name)
