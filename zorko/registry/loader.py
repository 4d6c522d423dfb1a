"""Loading registry files into the store: all or nothing, idempotent, in flat memory.

A load takes files of one source — single files, folders (recursively)
and ``.zip`` archives — and runs in **one DuckDB transaction**:

1. each file's sha256 is computed first; a file whose checksum was loaded
   before (for the same source) is skipped and counted as unchanged;
2. records stream from the source's parser into staging tables in
   batches (Arrow → DuckDB), so memory does not grow with the input;
3. the source's adapter merges the staged rows into the store and
   reports added / changed / unchanged per file (``loads`` rows);
4. commit. Any error rolls the whole load back and is raised as
   :class:`~zorko.exceptions.ImportFailed` naming the file and line; a
   process killed mid-load never commits, so the store stays as it was.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from zorko.exceptions import ImportFailed, ZorkoError
from zorko.registry import sources, store
from zorko.registry.adapters import Adapter, Counts
from zorko.registry.files import InputFile, checksum, expand

BATCH_RECORDS = 2000
_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
                "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.string()}
# One load at a time per process: DuckDB allows a single writer.
_LOCK = threading.Lock()


@dataclass(slots=True)
class FileResult:
    file: str
    checksum: str
    skipped: bool
    load_id: int | None
    counts: Counts


@dataclass(slots=True)
class LoadResult:
    source: str
    run_id: int
    files: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def totals(self) -> Counts:
        total = Counts()
        for f in self.files:
            total.records += f.counts.records
            total.added += f.counts.added
            total.changed += f.counts.changed
            total.unchanged += f.counts.unchanged
        return total

    @property
    def message(self) -> str:
        t = self.totals
        skipped = sum(1 for f in self.files if f.skipped)
        return (f"{sources.title(self.source)}: файлов {len(self.files)} (без изменений пропущено "
                f"{skipped}), записей {t.records}: добавлено {t.added}, изменено {t.changed}, "
                f"без изменений {t.unchanged}")


@dataclass(slots=True)
class LoadProgress:
    files_done: int
    files_total: int
    records: int
    file: str
    bytes_done: int
    bytes_total: int


ProgressCallback = Callable[[LoadProgress], None]


def load(source: str, paths: Iterable[str | Path], *, db_path: str | Path | None = None,
         progress: ProgressCallback | None = None) -> LoadResult:
    """Load the files of one source; raises ImportFailed (nothing written) on bad input."""
    adapter = sources.adapter(source)
    files = expand([Path(p) for p in paths], adapter.suffixes)
    with _LOCK:
        con = store.connect(db_path)
        try:
            return _run(con, adapter, files, progress)
        finally:
            con.close()


def _run(con: duckdb.DuckDBPyConnection, adapter: Adapter, files: list[InputFile],
         progress: ProgressCallback | None) -> LoadResult:
    started = time.monotonic()
    con.execute("BEGIN TRANSACTION")
    try:
        run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM loads").fetchall()[0][0]
        result = LoadResult(adapter.source, run_id)
        for stage, columns in adapter.stages.items():
            cols = ", ".join(f"{name} {kind}" for name, kind in columns)
            con.execute(f"CREATE OR REPLACE TEMP TABLE {stage} ({cols})")
        state = _State(files, progress)
        staged: list[FileResult] = []
        for f in files:
            result.files.append(_load_file(con, adapter, f, run_id, state, staged))
            state.file_done(f)
        if staged:
            counts = adapter.merge(con)
            for f_result in staged:
                f_result.counts = counts.get(f_result.load_id or 0, Counts())
                c = f_result.counts
                con.execute(
                    "UPDATE loads SET records = ?, added = ?, changed = ?, unchanged = ? WHERE load_id = ?",
                    [c.records, c.added, c.changed, c.unchanged, f_result.load_id],
                )
        for stage in adapter.stages:
            con.execute(f"DROP TABLE IF EXISTS {stage}")
        con.execute("COMMIT")
    except ImportFailed:
        con.execute("ROLLBACK")
        raise
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        current = files[state.index].name if files and "state" in locals() and state.index < len(files) else ""
        raise ImportFailed(current or "загрузка", f"данные не приняты хранилищем: {exc}") from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    result.seconds = time.monotonic() - started
    return result


class _State:
    """Progress across the files of a load."""

    def __init__(self, files: list[InputFile], callback: ProgressCallback | None) -> None:
        self.files = files
        self.callback = callback
        self.index = 0
        self.records = 0
        self.bytes_done = 0
        self.bytes_total = sum(f.size for f in files)

    def report(self, in_file: int = 0) -> None:
        if self.callback is not None:
            name = self.files[self.index].name if self.index < len(self.files) else ""
            self.callback(LoadProgress(self.index, len(self.files), self.records + in_file, name,
                                       self.bytes_done, self.bytes_total))

    def file_done(self, f: InputFile) -> None:
        self.index += 1
        self.bytes_done += f.size
        self.report()


def _load_file(con: duckdb.DuckDBPyConnection, adapter: Adapter, f: InputFile, run_id: int,
               state: _State, staged: list[FileResult]) -> FileResult:
    digest = checksum(f)
    rows = con.execute(
        "SELECT records FROM loads WHERE source = ? AND checksum = ? AND status = 'loaded' "
        "ORDER BY load_id LIMIT 1", [adapter.source, digest],
    ).fetchall()
    seen = rows[0] if rows else None
    if seen is None and any(s.checksum == digest for s in staged):
        seen = (0,)  # the same file twice in one load: the copy adds nothing
    if seen is not None:
        return FileResult(f.name, digest, True, None, Counts(records=seen[0] or 0, unchanged=seen[0] or 0))
    load_id = con.execute("SELECT nextval('load_ids')").fetchall()[0][0]
    batch: dict[str, list[tuple[Any, ...]]] = {stage: [] for stage in adapter.stages}
    records = 0
    extract_date: str | None = None
    with f.open() as stream:
        for record in adapter.parse(stream, f.name):
            records += 1
            adapter.stage(record, load_id, state.records + records, batch)
            day = adapter.extract_date(record)
            if day and (extract_date is None or day > extract_date):
                extract_date = day
            if records % BATCH_RECORDS == 0:
                _flush(con, adapter, batch)
                state.report(records)
    _flush(con, adapter, batch)
    state.records += records
    con.execute(
        "INSERT INTO loads VALUES (?, ?, ?, ?, ?, now(), ?, ?, 0, 0, 0, 'loaded')",
        [load_id, run_id, adapter.source, f.name, digest, extract_date, records],
    )
    result = FileResult(f.name, digest, False, load_id, Counts(records=records))
    staged.append(result)
    return result


def _flush(con: duckdb.DuckDBPyConnection, adapter: Adapter, batch: dict[str, list[tuple[Any, ...]]]) -> None:
    for stage, rows in batch.items():
        if not rows:
            continue
        columns = adapter.stages[stage]
        if len(rows[0]) != len(columns):
            raise ZorkoError(f"Адаптер {adapter.source}: строка {stage} не совпадает со столбцами")
        arrays = [pa.array(values, type=_ARROW_TYPES[kind])
                  for values, (_name, kind) in zip(zip(*rows, strict=True), columns, strict=True)]
        con.register("_batch", pa.Table.from_arrays(arrays, names=[name for name, _ in columns]))
        con.execute(f"INSERT INTO {stage} SELECT * FROM _batch")
        con.unregister("_batch")
        rows.clear()
