"""Recent loads as the user started them: one row per run, however many files it read.

A regional ЕИС archive is thousands of one-contract files, each a ``loads`` row; a page
lists runs («Контракты ЕИС: 250 файлов») with the file names under them. Names are
shown without the server folder they were read from (an upload's temporary folder
or an import folder means nothing to the reader and tells too much).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

from zorko.registry import store

# A run's names listed on the page; the rest are counted.
NAMES_PER_RUN = 100


@dataclass(slots=True)
class LoadRun:
    run: int
    source: str
    loaded_at: datetime | None
    extract_from: date | None
    extract_to: date | None
    files: int
    records: int
    added: int
    changed: int
    unchanged: int
    names: list[str] = field(default_factory=list)

    @property
    def more_names(self) -> int:
        return self.files - len(self.names)


def file_label(stored: str) -> str:
    """The name a ``loads.file`` is shown by: the file's own name, or «archive.zip!member»."""
    archive, bang, member = stored.partition("!")
    name = Path(archive).name or PurePosixPath(archive.replace("\\", "/")).name
    return f"{name}!{member}" if bang else name


def without_folders(text: str, paths: list[str]) -> str:
    """``text`` (an error, a flagged record's place) with the server folders of ``paths`` taken out."""
    folders = {str(Path(p)) if Path(p).is_dir() else str(Path(p).parent) for p in paths}
    for folder in sorted(folders, key=len, reverse=True):  # the deepest first: its parent is a prefix
        if folder not in ("", ".", "/"):
            text = text.replace(folder.rstrip("/") + "/", "")
    return text


def recent_runs(limit: int = 20, db_path: Path | str | None = None) -> list[LoadRun]:
    """The last ``limit`` runs, newest first, with their summed counts and first file names."""
    with store.reading(db_path) as con:
        if con is None:
            return []
        # Rows written before runs were numbered have no run: each is a run of its own.
        key = "coalesce(run_id, -load_id)"
        rows = con.execute(f"""
            SELECT {key} AS run, any_value(source), min(loaded_at), min(extract_date), max(extract_date),
                   count(*), sum(records), sum(added), sum(changed), sum(unchanged)
            FROM loads GROUP BY run ORDER BY max(load_id) DESC LIMIT ?""", [int(limit)]).fetchall()
        runs = [LoadRun(int(r[0]), r[1], r[2].replace(tzinfo=UTC) if r[2] else None, r[3], r[4], int(r[5]),
                        int(r[6] or 0), int(r[7] or 0), int(r[8] or 0), int(r[9] or 0)) for r in rows]
        if runs:
            by_run = {run.run: run for run in runs}
            names = con.execute(f"""
                SELECT run, file FROM (
                    SELECT {key} AS run, file, row_number() OVER (PARTITION BY {key} ORDER BY load_id) AS n
                    FROM loads WHERE {key} IN (SELECT unnest(?::INTEGER[])))
                WHERE n <= ? ORDER BY run, n""", [list(by_run), NAMES_PER_RUN]).fetchall()
            for run, stored in names:
                by_run[int(run)].names.append(file_label(stored or ""))
    return runs
