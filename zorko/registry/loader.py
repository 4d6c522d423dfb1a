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

import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from zorko.exceptions import ImportFailed
from zorko.registry import sources, store
from zorko.registry.adapters import Adapter, Counts
from zorko.registry.files import InputFile, checksum, expand
from zorko.registry.staging import RECS_PER_FILE, Staged, stage_file, stage_file_to_parquet

# One load at a time per process: DuckDB allows a single writer.
_LOCK = threading.Lock()
# Parallel parsing pays off only when there are files enough to share out.
MIN_FILES_FOR_WORKERS = 4


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
    phases: dict[str, float] = field(default_factory=dict)  # checksum / stage / merge / commit seconds

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


def default_workers() -> int:
    """Parser processes: ``ZORKO_LOAD_WORKERS``, else (0) one per CPU, at most 4."""
    from zorko import config

    configured = config.load().load_workers
    if configured > 0:
        return configured
    return max(1, min(4, os.cpu_count() or 1))


def load(source: str, paths: Iterable[str | Path], *, db_path: str | Path | None = None,
         progress: ProgressCallback | None = None, workers: int | None = None) -> LoadResult:
    """Load the files of one source; raises ImportFailed (nothing written) on bad input."""
    adapter = sources.adapter(source)
    files = expand([Path(p) for p in paths], adapter.suffixes)
    with _LOCK:
        con = store.connect(db_path)
        try:
            return _Run(con, adapter, files, progress, workers or default_workers()).run()
        finally:
            con.close()


class _Run:
    """One load: a transaction over all its files."""

    def __init__(self, con: duckdb.DuckDBPyConnection, adapter: Adapter, files: list[InputFile],
                 progress: ProgressCallback | None, workers: int) -> None:
        self.con = con
        self.adapter = adapter
        self.files = files
        self.callback = progress
        self.workers = workers
        self.records = 0
        self.files_done = 0
        self.bytes_done = 0
        self.bytes_total = sum(f.size for f in files)
        self.current = ""

    def report(self, in_file: int = 0) -> None:
        if self.callback is not None:
            self.callback(LoadProgress(self.files_done, len(self.files), self.records + in_file,
                                       self.current, self.bytes_done, self.bytes_total))

    def run(self) -> LoadResult:
        started = time.monotonic()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM loads").fetchall()[0][0]
            result = LoadResult(self.adapter.source, run_id)
            for stage, columns in self.adapter.stages.items():
                cols = ", ".join(f"{name} {kind}" for name, kind in columns)
                con.execute(f"CREATE OR REPLACE TEMP TABLE {stage} ({cols})")
            clock = time.monotonic()
            todo = self._skip_known(result)
            result.phases["checksum"] = time.monotonic() - clock
            if todo:
                clock = time.monotonic()
                if self.workers > 1 and len(todo) >= MIN_FILES_FOR_WORKERS:
                    self._stage_parallel(todo, run_id)
                else:
                    self._stage_here(todo, run_id)
                result.phases["stage"] = time.monotonic() - clock
                clock = time.monotonic()
                self._merge(todo)
                result.phases["merge"] = time.monotonic() - clock
            for stage in self.adapter.stages:
                con.execute(f"DROP TABLE IF EXISTS {stage}")
            clock = time.monotonic()
            con.execute("COMMIT")
            result.phases["commit"] = time.monotonic() - clock
        except ImportFailed:
            con.execute("ROLLBACK")
            raise
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise ImportFailed(self.current or "загрузка", f"данные не приняты хранилищем: {exc}") from exc
        except BaseException:
            con.execute("ROLLBACK")
            raise
        result.seconds = time.monotonic() - started
        return result

    def _skip_known(self, result: LoadResult) -> list[tuple[InputFile, FileResult]]:
        """Checksum every file; files loaded before are counted unchanged, the rest returned."""
        todo: list[tuple[InputFile, FileResult]] = []
        digests: set[str] = set()
        for f in self.files:
            self.current = f.name
            digest = checksum(f)
            rows = self.con.execute(
                "SELECT records FROM loads WHERE source = ? AND checksum = ? AND status = 'loaded' "
                "ORDER BY load_id LIMIT 1", [self.adapter.source, digest],
            ).fetchall()
            if rows or digest in digests:  # loaded before, or the same file twice in this load
                records = rows[0][0] if rows else 0
                result.files.append(FileResult(f.name, digest, True, None,
                                               Counts(records=records, unchanged=records)))
                self.files_done += 1
                self.bytes_done += f.size
                self.records += records
                self.report()
                continue
            digests.add(digest)
            load_id = self.con.execute("SELECT nextval('load_ids')").fetchall()[0][0]
            file_result = FileResult(f.name, digest, False, load_id, Counts())
            result.files.append(file_result)
            todo.append((f, file_result))
        return todo

    def _insert(self, stage: str, table: pa.Table) -> None:
        self.con.register("_batch", table)
        self.con.execute(f"INSERT INTO {stage} SELECT * FROM _batch")
        self.con.unregister("_batch")

    def _file_staged(self, f: InputFile, file_result: FileResult, staged: Staged) -> None:
        file_result.counts.records = staged.records
        self.con.execute(
            "INSERT INTO loads VALUES (?, ?, ?, ?, ?, now(), ?, ?, 0, 0, 0, 'loaded')",
            [file_result.load_id, None, self.adapter.source, f.name, file_result.checksum,
             staged.extract_date, staged.records],
        )
        self.files_done += 1
        self.bytes_done += f.size
        self.records += staged.records
        self.report()

    def _stage_here(self, todo: list[tuple[InputFile, FileResult]], run_id: int) -> None:
        for index, (f, file_result) in enumerate(todo):
            self.current = f.name
            staged = stage_file(self.adapter, f, file_result.load_id or 0, index * RECS_PER_FILE,
                                self._insert, self.report)
            self._file_staged(f, file_result, staged)
        self.con.execute("UPDATE loads SET run_id = ? WHERE run_id IS NULL", [run_id])

    def _stage_parallel(self, todo: list[tuple[InputFile, FileResult]], run_id: int) -> None:
        """Parser processes stage files to Parquet; this process inserts them in file order."""
        folder = tempfile.mkdtemp(prefix="zorko-load-")
        context = multiprocessing.get_context("spawn")  # safe inside the threaded web server
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
                pending: deque[tuple[InputFile, FileResult, Future[Staged]]] = deque()
                queue = iter(enumerate(todo))
                # A bounded window keeps at most a few files' chunks on disk at once.
                for index, (f, file_result) in queue:
                    pending.append((f, file_result, pool.submit(
                        stage_file_to_parquet, self.adapter.source, f, file_result.load_id or 0,
                        index * RECS_PER_FILE, folder)))
                    if len(pending) >= self.workers * 2:
                        self._collect(*pending.popleft())
                while pending:
                    self._collect(*pending.popleft())
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self.con.execute("UPDATE loads SET run_id = ? WHERE run_id IS NULL", [run_id])

    def _collect(self, f: InputFile, file_result: FileResult, future: Future[Staged]) -> None:
        self.current = f.name
        staged = future.result()
        for stage, path in staged.chunks:
            self.con.execute(f"INSERT INTO {stage} SELECT * FROM read_parquet(?)", [path])
            os.remove(path)
        self._file_staged(f, file_result, staged)

    def _merge(self, todo: list[tuple[InputFile, FileResult]]) -> None:
        self.current = ""
        counts = self.adapter.merge(self.con)
        for _f, file_result in todo:
            c = counts.get(file_result.load_id or 0, Counts(records=file_result.counts.records))
            file_result.counts = c
            self.con.execute(
                "UPDATE loads SET records = ?, added = ?, changed = ?, unchanged = ? WHERE load_id = ?",
                [c.records, c.added, c.changed, c.unchanged, file_result.load_id],
            )
