"""Loads of many one-contract ЕИС files: batched across files, yet all or nothing and counted per file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from zorko.cli import main
from zorko.demo.registry_records import Address, Company, Contract, contract_xml
from zorko.exceptions import ImportFailed
from zorko.identifiers import make_inn
from zorko.registry import loader, store
from zorko.registry.adapters.contracts import ContractsAdapter

ROOT = Path(__file__).resolve().parents[2]
SUPPLIER = Company("1024200000006", make_inn("420500000", person=False), "ПОСТАВЩИК",
                   Address("42", "КЕМЕРОВСКАЯ ОБЛАСТЬ", "Г", "КЕМЕРОВО", "ЛЕНИНА", "1"), date(2015, 1, 1))


def contract_file(folder: Path, i: int, *, published: str = "2024-03-01", price: str = "1000.50",
                  name: str | None = None) -> Path:
    """The contract number ``i`` in its own file, as the ЕИС publishes it (with a publishDate)."""
    reg = f"34205000030240{i:05d}"
    c = Contract(reg, "АДМИНИСТРАЦИЯ ОКРУГА", "4205000007", "420501001", date(2024, 2, 1),
                 Decimal(price), f"Поставка № {i}", SUPPLIER)
    xml = contract_xml(c).replace("<signDate>", f"<publishDate>{published}T10:00:00</publishDate><signDate>")
    path = folder / (name or f"contract_{i:03d}.xml")
    path.write_text(xml, encoding="utf-8")
    return path


def fifty(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [contract_file(folder, i) for i in range(50)]


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(rows(db, f"SELECT * FROM {t}"), key=repr)
            for t in ("contracts", "contract_suppliers", "loads")}


@pytest.fixture(params=[1, 2], ids=["in-process", "parser-processes"])
def workers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    # Parser processes normally start only for large inputs; here they take the small test files.
    monkeypatch.setattr(loader, "MIN_BYTES_FOR_WORKERS", 0)
    return int(request.param)


def test_fifty_files_each_get_their_loads_row_and_counts(tmp_path: Path, workers: int) -> None:
    db = tmp_path / "r.duckdb"
    paths = fifty(tmp_path / "in")
    result = loader.load("contracts", [tmp_path / "in"], db_path=db, workers=workers)
    assert [f.file for f in result.files] == [str(p) for p in paths]
    assert all((f.counts.records, f.counts.added, f.skipped) == (1, 1, False) for f in result.files)
    assert rows(db, "SELECT count(*) FROM contracts") == [(50,)]
    assert rows(db, "SELECT count(*) FROM contract_suppliers") == [(50,)]
    loads = rows(db, "SELECT file, records, added, changed, unchanged, extract_date::VARCHAR, run_id "
                     "FROM loads ORDER BY load_id")
    assert loads == [(str(p), 1, 1, 0, 0, "2024-03-01", 1) for p in paths]
    # Each contract is attributed to the file it came from.
    assert rows(db, "SELECT count(*) FROM contracts c JOIN loads l USING (load_id) "
                    "WHERE l.file LIKE '%contract_0' || right(c.reg_num, 2) || '.xml'") == [(50,)]


def test_a_bad_file_among_fifty_good_ones_writes_nothing_and_is_named(tmp_path: Path, workers: int) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("contracts", [contract_file(tmp_path, 900)], db_path=db)
    before = snapshot(db)
    paths = fifty(tmp_path / "in")
    bad = paths[25]
    bad.write_text(bad.read_text(encoding="utf-8").replace("</regNum>", "</regNumber>"), encoding="utf-8")
    with pytest.raises(ImportFailed) as error:
        loader.load("contracts", [tmp_path / "in"], db_path=db, workers=workers)
    assert error.value.file == str(bad)
    assert error.value.line == 7  # the line of <regNum> in the file
    assert error.value.reason.startswith("ошибка в структуре XML")
    assert snapshot(db) == before


def test_reloading_skips_every_file_and_a_new_version_replaces_the_old(tmp_path: Path, workers: int) -> None:
    db = tmp_path / "r.duckdb"
    folder = tmp_path / "in"
    paths = fifty(folder)
    loader.load("contracts", [folder], db_path=db, workers=workers)
    before = snapshot(db)
    again = loader.load("contracts", [folder], db_path=db, workers=workers)
    assert all(f.skipped for f in again.files) and len(again.files) == 50
    assert (again.totals.added, again.totals.changed, again.totals.unchanged) == (0, 0, 50)
    assert snapshot(db) == before
    # One contract republished with a new price, one new contract: only those two files are read.
    contract_file(folder, 7, published="2024-04-02", price="900.00")
    contract_file(folder, 50)
    third = loader.load("contracts", [folder], db_path=db, workers=workers)
    read = {Path(f.file).name: (f.counts.added, f.counts.changed) for f in third.files if not f.skipped}
    assert read == {"contract_007.xml": (0, 1), "contract_050.xml": (1, 0)}
    assert rows(db, "SELECT price, first_seen::VARCHAR, last_seen::VARCHAR FROM contracts "
                    "WHERE reg_num = '3420500003024000007'") == [(Decimal("900.00"), "2024-03-01", "2024-04-02")]
    assert rows(db, "SELECT count(*), count(DISTINCT run_id) FROM loads") == [(52, 2)]
    assert len(paths) == 50


def test_newer_version_wins_whatever_the_file_order(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    newer = contract_file(tmp_path, 1, published="2024-05-01", price="777.00", name="a_newer.xml")
    older = contract_file(tmp_path, 1, published="2024-03-01", price="100.00", name="b_older.xml")
    result = loader.load("contracts", [newer, older], db_path=db)
    # Versions count in publication order: the older one adds the contract, the newer changes it.
    counts = {Path(f.file).name: (f.counts.added, f.counts.changed) for f in result.files}
    assert counts == {"a_newer.xml": (0, 1), "b_older.xml": (1, 0)}
    assert rows(db, "SELECT price, last_seen::VARCHAR FROM contracts") == [(Decimal("777.00"), "2024-05-01")]
    assert rows(db, "SELECT extract_date::VARCHAR, changed FROM loads ORDER BY file") == [
        ("2024-05-01", 1), ("2024-03-01", 0)]


def test_cli_prints_a_line_per_file_with_its_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   db: Any) -> None:
    monkeypatch.setattr(store, "default_path", lambda: tmp_path / "registry.duckdb")
    paths = fifty(tmp_path / "in")
    first = CliRunner().invoke(main, ["registry", "load", "contracts", str(tmp_path / "in")])
    assert first.exit_code == 0, first.output
    for path in paths:
        assert f"{path}: записей 1 — добавлено 1, изменено 0, без изменений 0" in first.output
    assert "файлов 50 (без изменений пропущено 0), записей 50: добавлено 50" in first.output
    again = CliRunner().invoke(main, ["registry", "load", "contracts", str(tmp_path / "in")])
    assert again.output.count("записей 1 — без изменений (уже загружен)") == 50
    assert "файлов 50 (без изменений пропущено 50)" in again.output


def test_a_value_the_store_refuses_names_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Rows of many files share one insert; when DuckDB refuses it, the error still names the file.
    paths = fifty(tmp_path / "in")
    stage = ContractsAdapter.stage

    def stage_with_impossible_date(self: ContractsAdapter, record: Any, load_id: int, rec: int,
                                   batch: dict[str, list[tuple[Any, ...]]]) -> None:
        stage(self, record, load_id, rec, batch)
        if record.reg_num.endswith("00031"):
            row = batch["stage_contracts"][-1]
            batch["stage_contracts"][-1] = (*row[:3], "2024-02-30", *row[4:])  # ``seen``

    monkeypatch.setattr(ContractsAdapter, "stage", stage_with_impossible_date)
    db = tmp_path / "r.duckdb"
    with pytest.raises(ImportFailed) as error:
        loader.load("contracts", [tmp_path / "in"], db_path=db, workers=1)
    assert error.value.file == str(paths[31])
    assert "данные не приняты хранилищем" in error.value.reason and "2024-02-30" in error.value.reason
    assert rows(db, "SELECT count(*) FROM contracts") == [(0,)]
    assert rows(db, "SELECT count(*) FROM loads") == [(0,)]


KILL_SCRIPT = """
import sys, time
from zorko.registry import loader
def progress(p):
    print("files", p.files_done, flush=True)
    time.sleep(0.02)  # a slow terminal: the kill lands mid-load, not after the commit
loader.load("contracts", [sys.argv[1]], db_path=sys.argv[2], progress=progress, workers=1)
print("finished", flush=True)
"""


def test_a_process_killed_mid_load_of_many_files_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("contracts", [contract_file(tmp_path, 900)], db_path=db)
    before = snapshot(db)
    fifty(tmp_path / "in")
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path / "in"), str(db)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    while line and not (line.startswith("files") and int(line.split()[1]) >= 25):
        line = process.stdout.readline()
    assert line.startswith("files"), "the load never reported progress"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert snapshot(db) == before
    result = loader.load("contracts", [tmp_path / "in"], db_path=db)
    assert result.totals.added == 50 and not any(f.skipped for f in result.files)
