"""Loading registry files into the store: all or nothing, idempotent, in flat memory.

A load takes files of one source — single files, folders (recursively)
and ``.zip`` archives — and runs in **one DuckDB transaction**:

1. each file's sha256 is computed first; a file whose checksum was loaded
   before (for the same source) is skipped and counted as unchanged
   (looked up a chunk of files per query);
2. records stream from the source's parser into staging tables in
   batches that span files (Arrow → DuckDB), so memory does not grow with
   the input and a folder of one-record files costs an insert per
   thousands of files, not per file;
3. the source's adapter merges the staged rows into the store and
   reports added / changed / unchanged per file; the ``loads`` rows of all
   files are then inserted at once with those counts;
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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from zorko.exceptions import ImportFailed
from zorko.registry import ledger, sources, store, writing
from zorko.registry.adapters import Adapter, Columns, Counts
from zorko.registry.files import InputFile, checksum, expand
from zorko.registry.staging import (
    RECS_PER_FILE,
    FileTask,
    Staged,
    StagedGroup,
    Stager,
    groups,
    stage_group_to_parquet,
)

# One load at a time per process: DuckDB allows a single writer.
_LOCK = threading.Lock()
# Parallel parsing pays off only when there are files enough to share out, and input
# enough to repay starting the parser processes (about a second on a busy machine) and
# their Parquet round trip: measured on 2 cores, 20,000 one-contract files (28 MB) load
# faster in this process, 60,000 (84 MB) faster in two parser processes.
MIN_FILES_FOR_WORKERS = 4
MIN_BYTES_FOR_WORKERS = 32 << 20
# Known checksums are looked up this many files (or bytes read) at a time.
LOOKUP_FILES = 1000
LOOKUP_BYTES = 64 << 20


@dataclass(slots=True)
class FileResult:
    file: str
    checksum: str
    skipped: bool
    load_id: int | None
    counts: Counts
    examples: list[str] = field(default_factory=list)  # the first records with suspicious values


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
            total.add(f.counts)
        return total

    @property
    def message(self) -> str:
        t = self.totals
        skipped = sum(1 for f in self.files if f.skipped)
        flagged = (f"; с ошибками в реквизитах (сохранены, помечены): {t.flagged}" if t.flagged else "")
        return (f"{sources.title(self.source)}: файлов {len(self.files)} (без изменений пропущено "
                f"{skipped}), записей {t.records}: добавлено {t.added}, изменено {t.changed}, "
                f"без изменений {t.unchanged}{flagged}")


@dataclass(slots=True)
class LoadProgress:
    files_done: int
    files_total: int
    records: int
    file: str
    bytes_done: int
    bytes_total: int


ProgressCallback = Callable[[LoadProgress], None]
_Todo = tuple[InputFile, "FileResult"]  # a file to stage and its result, filled in as it goes


def refused_load_id(columns: Columns, table: pa.Table) -> int | None:
    """The load id of the first file whose rows of ``table`` DuckDB refuses (tried in a scratch database).

    A batch holds the rows of many files; when DuckDB refuses it, this
    finds the file to name in the error. Runs only on that error path.
    """
    import pyarrow.compute as pc  # ~12 MB more in every process that imports the loader

    scratch = duckdb.connect()
    try:
        scratch.execute("CREATE TABLE t (" + ", ".join(f"{n} {k}" for n, k in columns) + ")")
        for load_id in pc.unique(table.column("load_id")).to_pylist():
            scratch.register("_rows", table.filter(pc.equal(table.column("load_id"), load_id)))
            try:
                scratch.execute("INSERT INTO t SELECT * FROM _rows")
            except duckdb.Error:
                return int(load_id)
            finally:
                scratch.unregister("_rows")
        return None
    finally:
        scratch.close()


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
    target = Path(db_path) if db_path is not None else store.default_path()
    with _LOCK, writing.writer_lock(target), writing.announced_load(target), writing.next_state(target) as copy:
        con = store.connect(copy)
        try:
            return _Run(con, adapter, files, progress, workers or default_workers()).run()
        finally:
            con.close()


class _Run:
    """One load: a transaction over all its files, with a fixed number of queries per batch of files."""

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
        self.names: dict[int, str] = {}  # load id → file, to name the file whose rows DuckDB refuses
        self.extract_dates: dict[int, str | None] = {}  # load id → the file's newest extract date

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
                tasks = [FileTask(f, r.load_id or 0, index * RECS_PER_FILE)
                         for index, (f, r) in enumerate(todo)]
                if (self.workers > 1 and len(todo) >= MIN_FILES_FOR_WORKERS
                        and sum(f.size for f, _r in todo) >= MIN_BYTES_FOR_WORKERS):
                    self._stage_parallel(todo, tasks)
                else:
                    self._stage_here(todo, tasks)
                result.phases["stage"] = time.monotonic() - clock
                clock = time.monotonic()
                self._merge(todo, run_id)
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

    def _skip_known(self, result: LoadResult) -> list[_Todo]:
        """Checksum every file; files loaded before are counted unchanged, the rest returned.

        Checksums are looked up a chunk of files at a time, not file by file.
        """
        todo: list[_Todo] = []
        digests: set[str] = set()
        chunk: list[tuple[InputFile, str]] = []
        chunk_bytes = 0
        for f in self.files:
            self.current = f.name
            chunk.append((f, checksum(f)))
            chunk_bytes += f.size
            if len(chunk) >= LOOKUP_FILES or chunk_bytes >= LOOKUP_BYTES:
                self._sort_out(chunk, digests, result, todo)
                chunk, chunk_bytes = [], 0
        self._sort_out(chunk, digests, result, todo)
        self.current = ""
        for (_f, file_result), load_id in zip(
                todo, ledger.new_load_ids(self.con, len(todo)), strict=True):
            file_result.load_id = load_id
            self.names[load_id] = file_result.file
        return todo

    def _sort_out(self, chunk: list[tuple[InputFile, str]], digests: set[str], result: LoadResult,
                  todo: list[_Todo]) -> None:
        known = ledger.known_checksums(self.con, self.adapter.source, [d for _f, d in chunk])
        for f, digest in chunk:
            if digest in known or digest in digests:  # loaded before, or the same file twice in this load
                records = known.get(digest, 0)
                result.files.append(FileResult(f.name, digest, True, None,
                                               Counts(records=records, unchanged=records)))
                self.files_done += 1
                self.bytes_done += f.size
                self.records += records
                continue
            digests.add(digest)
            file_result = FileResult(f.name, digest, False, None, Counts())
            result.files.append(file_result)
            todo.append((f, file_result))
        if chunk:
            self.report()

    def _insert(self, stage: str, table: pa.Table) -> None:
        self.con.register("_batch", table)
        try:
            self.con.execute(f"INSERT INTO {stage} SELECT * FROM _batch")
        except duckdb.Error as exc:
            # The transaction is aborted now (even unregistering would fail): name the file.
            raise self._refused(stage, table, exc) from exc
        self.con.unregister("_batch")

    def _refused(self, stage: str, table: pa.Table, exc: duckdb.Error) -> ImportFailed:
        """The error for a batch DuckDB refused, naming the file whose rows it refuses."""
        load_id = refused_load_id(self.adapter.stages[stage], table)
        name = self.names.get(load_id or -1, self.current or "загрузка")
        return ImportFailed(name, f"данные не приняты хранилищем: {exc}")

    def _file_staged(self, f: InputFile, file_result: FileResult, staged: Staged) -> None:
        file_result.counts.records = staged.records
        file_result.counts.flagged = staged.flagged
        file_result.examples = staged.examples
        self.extract_dates[file_result.load_id or 0] = staged.extract_date
        self.files_done += 1
        self.bytes_done += f.size
        self.records += staged.records
        self.report()

    def _stage_here(self, todo: list[_Todo], tasks: list[FileTask]) -> None:
        stager = Stager(self.adapter, self._insert)
        for (_f, file_result), task in zip(todo, tasks, strict=True):
            self.current = task.file.name
            self._file_staged(task.file, file_result, stager.file(task, self.report))
        self.current = ""
        stager.flush()

    def _stage_parallel(self, todo: list[_Todo], tasks: list[FileTask]) -> None:
        """Parser processes stage groups of files to Parquet; this process inserts them in file order."""
        folder = tempfile.mkdtemp(prefix="zorko-load-")
        context = multiprocessing.get_context("spawn")  # safe inside the threaded web server
        items = iter(file_result for _f, file_result in todo)
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
                pending: deque[tuple[list[FileTask], Future[StagedGroup]]] = deque()
                try:
                    # A bounded window keeps at most a few groups' chunks on disk at once.
                    for group in groups(tasks, self.workers):
                        pending.append((group, pool.submit(
                            stage_group_to_parquet, self.adapter.source, group, folder)))
                        if len(pending) >= self.workers * 2:
                            self._collect(items, *pending.popleft())
                    while pending:
                        self._collect(items, *pending.popleft())
                except BaseException:
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _collect(self, items: Iterator[FileResult], group: list[FileTask],
                 future: Future[StagedGroup]) -> None:
        self.current = group[0].file.name
        staged = future.result()
        self.current = ""
        for stage, path in staged.chunks:
            try:
                self.con.execute(f"INSERT INTO {stage} SELECT * FROM read_parquet(?)", [path])
            except duckdb.Error as exc:
                raise self._refused(stage, pq.read_table(path), exc) from exc
            os.remove(path)
        for task, file_staged in zip(group, staged.files, strict=True):
            self._file_staged(task.file, next(items), file_staged)

    def _merge(self, todo: list[_Todo], run_id: int) -> None:
        self.current = ""
        counts = self.adapter.merge(self.con)
        rows: list[ledger.LoadRow] = []
        for _f, file_result in todo:
            load_id = file_result.load_id or 0
            c = counts.get(load_id, Counts(records=file_result.counts.records))
            c.flagged = file_result.counts.flagged  # counted while parsing, not by the merge
            file_result.counts = c
            rows.append(ledger.LoadRow(load_id, file_result.file, file_result.checksum,
                                       self.extract_dates.get(load_id), c.records, c.added, c.changed,
                                       c.unchanged))
        ledger.insert(self.con, self.adapter.source, run_id, rows)
