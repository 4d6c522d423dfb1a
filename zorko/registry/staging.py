"""Parsing one file into staging rows, in this process or in a parser process.

Records become plain tuples (``Adapter.stage``) and, every
``BATCH_RECORDS`` records, Arrow tables: inserted straight into DuckDB
when parsing in-process, or written as Parquet chunks that the loading
process inserts when parsing runs in worker processes (several cores
parse while one process owns the DuckDB transaction).
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
from zorko.registry import sources
from zorko.registry.adapters import Adapter, Columns
from zorko.registry.files import InputFile

BATCH_RECORDS = 2000
# Record numbers are unique across a load: file index × this + record index.
RECS_PER_FILE = 100_000_000
_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
                "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.string()}


@dataclass(slots=True)
class Staged:
    """What parsing one file produced: record count, newest extract date, Parquet chunks."""

    records: int = 0
    extract_date: str | None = None
    chunks: list[tuple[str, str]] = field(default_factory=list)  # (stage table, parquet path)


def to_arrow(columns: Columns, rows: list[tuple[Any, ...]]) -> pa.Table:
    arrays = [pa.array(values, type=_ARROW_TYPES[kind])
              for values, (_name, kind) in zip(zip(*rows, strict=True), columns, strict=True)]
    return pa.Table.from_arrays(arrays, names=[name for name, _ in columns])


def stage_file(adapter: Adapter, f: InputFile, load_id: int, rec_base: int,
               sink: Callable[[str, pa.Table], None],
               progress: Callable[[int], None] | None = None) -> Staged:
    """Parse ``f`` and hand each batch of rows, as Arrow, to ``sink(stage, table)``."""
    batch: dict[str, list[tuple[Any, ...]]] = {stage: [] for stage in adapter.stages}
    result = Staged()

    def flush() -> None:
        for stage, rows in batch.items():
            if rows:
                sink(stage, to_arrow(adapter.stages[stage], rows))
                rows.clear()

    with f.open() as stream:
        records: Iterator[Any] = adapter.parse(stream, f.name)
        count = 0
        newest: str | None = None
        for record in records:
            count += 1
            adapter.stage(record, load_id, rec_base + count, batch)
            day = adapter.extract_date(record)
            if day is not None and (newest is None or day > newest):
                newest = day
            if count % BATCH_RECORDS == 0:
                flush()
                if progress is not None:
                    progress(count)
    flush()
    result.records = count
    result.extract_date = newest
    return result


def stage_file_to_parquet(source: str, f: InputFile, load_id: int, rec_base: int,
                          folder: str) -> Staged:
    """Worker-process entry point: like :func:`stage_file`, chunks go to Parquet files."""
    adapter = sources.adapter(source)
    chunks: list[tuple[str, str]] = []

    def sink(stage: str, table: pa.Table) -> None:
        fd, path = tempfile.mkstemp(prefix=f"{load_id}-{stage}-", suffix=".parquet", dir=folder)
        os.close(fd)
        pq.write_table(table, path, compression="NONE")
        chunks.append((stage, path))

    try:
        result = stage_file(adapter, f, load_id, rec_base, sink)
    except ImportFailed:
        raise
    except Exception as exc:
        raise ImportFailed(f.name, f"не удалось прочитать файл: {exc}") from exc
    result.chunks = chunks
    return result
