"""Parsing files into staging rows, in this process or in parser processes.

Records become plain tuples (``Adapter.stage``) collected in batches that
span files: every ``BATCH_RECORDS`` records — of one large ЕГРЮЛ file or of
two thousand one-contract ЕИС files — a batch becomes one Arrow table per
staging table. In this process it is inserted straight into DuckDB; in a
parser process it is written as a Parquet chunk that the loading process
inserts (several cores parse while one process owns the DuckDB
transaction). Parser processes take files in groups, so a group of many
small files costs one task and one chunk per staging table.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from zorko.exceptions import ImportFailed
from zorko.registry import record_checks, sources
from zorko.registry.adapters import Adapter, Columns
from zorko.registry.files import InputFile
from zorko.registry.stage_checks import first_refused

BATCH_RECORDS = 2000
# Record numbers are unique across a load: file index × this + record index.
RECS_PER_FILE = 100_000_000
_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
                "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.string()}

Sink = Callable[[str, pa.Table], None]


@dataclass(slots=True)
class Staged:
    """What parsing one file produced: its record count and newest extract date."""

    records: int = 0
    extract_date: str | None = None
    flagged: int = 0  # records kept with suspicious values (zorko.registry.record_checks)
    examples: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StagedGroup:
    """What a parser process made of a group of files: per-file results and Parquet chunks."""

    files: list[Staged] = field(default_factory=list)
    chunks: list[tuple[str, str]] = field(default_factory=list)  # (stage table, parquet path)


@dataclass(frozen=True, slots=True)
class FileTask:
    """A file to parse, with its load id and the first record number it may use."""

    file: InputFile
    load_id: int
    rec_base: int


def to_arrow(columns: Columns, rows: list[tuple[Any, ...]]) -> pa.Table:
    arrays = [pa.array(values, type=_ARROW_TYPES[kind])
              for values, (_name, kind) in zip(zip(*rows, strict=True), columns, strict=True)]
    return pa.Table.from_arrays(arrays, names=[name for name, _ in columns])


class Stager:
    """Stages file after file into shared batches, handed to ``sink(stage, table)`` when full."""

    def __init__(self, adapter: Adapter, sink: Sink) -> None:
        self.adapter = adapter
        self.sink = sink
        self.batch: dict[str, list[tuple[Any, ...]]] = {stage: [] for stage in adapter.stages}
        self.pending = 0  # records in the batch
        self.places: dict[int, tuple[str, int | None]] = {}  # rec → (file, line) of the batch

    def file(self, task: FileTask, progress: Callable[[int], None] | None = None) -> Staged:
        """Parse one file into the batch; ``progress(records so far)`` every batch of its own."""
        adapter, batch = self.adapter, self.batch
        f, load_id, rec_base = task.file, task.load_id, task.rec_base
        count = 0
        newest: str | None = None
        staged = Staged()
        with f.open() as stream:
            records: Iterator[Any] = adapter.parse(stream, f.name)
            for record in records:
                count += 1
                adapter.stage(record, load_id, rec_base + count, batch)
                self.places[rec_base + count] = (f.name, getattr(record, "line", None))
                found = record_checks.problems(record)
                if found:
                    staged.flagged += 1
                    if len(staged.examples) < record_checks.MAX_EXAMPLES:
                        staged.examples.append(f"{record_checks.where(f.name, record)}: {'; '.join(found)}")
                day = adapter.extract_date(record)
                if day is not None and (newest is None or day > newest):
                    newest = day
                self.pending += 1
                if self.pending >= BATCH_RECORDS:
                    self.flush()
                if progress is not None and count % BATCH_RECORDS == 0:
                    progress(count)
        staged.records, staged.extract_date = count, newest
        return staged

    def flush(self) -> None:
        for stage, rows in self.batch.items():
            if rows:
                refused = first_refused(self.adapter.stages[stage], rows)
                if refused is not None:
                    rec, column, reason = refused
                    file, line = self.places.get(rec, ("загрузка", None))
                    raise ImportFailed(file, f"{reason}: хранилище такое значение не примет",
                                       line=line, field=column)
                self.sink(stage, to_arrow(self.adapter.stages[stage], rows))
                rows.clear()
        self.pending = 0
        self.places.clear()


def stage_group_to_parquet(source: str, tasks: list[FileTask], folder: str) -> StagedGroup:
    """Parser-process entry point: stage ``tasks`` in order, batches written as Parquet chunks."""
    adapter = sources.adapter(source)
    group = StagedGroup()

    def sink(stage: str, table: pa.Table) -> None:
        fd, path = tempfile.mkstemp(prefix=f"{tasks[0].load_id}-{stage}-", suffix=".parquet",
                                    dir=folder)
        os.close(fd)
        pq.write_table(table, path, compression="NONE")
        group.chunks.append((stage, path))

    stager = Stager(adapter, sink)
    for task in tasks:
        try:
            group.files.append(stager.file(task))
        except ImportFailed:
            raise
        except Exception as exc:
            raise ImportFailed(task.file.name, f"не удалось прочитать файл: {exc}") from exc
    stager.flush()
    return group


def groups(tasks: list[FileTask], workers: int, *, max_files: int = 1000,
           max_bytes: int = 4 << 20) -> list[list[FileTask]]:
    """Consecutive tasks in groups for parser processes.

    Large files (ЕГРЮЛ, several MB) go one per group; small ones are
    bundled so a task's overhead is shared, yet into enough groups (about
    four per worker) that the workers stay evenly busy.
    """
    per_group = max(1, min(max_files, -(-len(tasks) // (workers * 4))))
    out: list[list[FileTask]] = []
    current: list[FileTask] = []
    size = 0
    for task in tasks:
        current.append(task)
        size += task.file.size
        if len(current) >= per_group or size >= max_bytes:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out
