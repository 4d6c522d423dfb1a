"""The store: schema of the contract document, readers beside a running load."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from zorko.demo import registry_random as synthetic
from zorko.registry import loader, lookup, store, writing

ROOT = Path(__file__).resolve().parents[2]
CRAFTED = ROOT / "tests" / "fixtures" / "egrul-crafted" / "egrul_all_founders_utf8.xml"


def test_schema_has_every_table_and_column_of_the_contract_document(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "registry-schema.md").read_text(encoding="utf-8")
    con = store.connect(tmp_path / "r.duckdb")
    columns = {(t, c) for t, c in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns").fetchall()}
    tables = {t for t, _ in columns}
    for table in re.findall(r"^## (\w+)", doc, flags=re.M):
        for name in table.split("/"):
            assert name.strip() in tables, name
    for column in ("ogrn", "inn", "kpp", "full_name", "short_name", "legal_form", "status",
                   "terminated_on", "region", "address", "address_parts", "address_norm", "okved",
                   "registered_on", "first_seen", "last_seen", "load_id"):
        assert ("companies", column) in columns, column
    for column in ("subject_kind", "subject_ogrn", "role", "last_name", "first_name", "middle_name",
                   "inn", "share_percent", "share_nominal", "title", "since", "unreliable", "region"):
        assert ("person_roles", column) in columns, column


def test_pages_read_while_this_process_loads(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("egrul", [CRAFTED], db_path=db)
    synthetic.write_egrul(tmp_path / "gen", 4000, per_file=4000)
    seen: list[int] = []

    def read_during_load(progress: loader.LoadProgress) -> None:
        # Called by the load mid-file, before its commit: a page's read at that moment.
        seen.append(len(lookup.search("ООО", db_path=db)["companies"]))

    loader.load("egrul", [tmp_path / "gen"], db_path=db, workers=1, progress=read_during_load)
    # Until the commit the pages see the store as it was: never a half-loaded state.
    assert len(seen) >= 2
    assert set(seen) == {0}
    assert len(lookup.search("ООО", db_path=db)["companies"]) == lookup.SEARCH_LIMIT


def test_a_load_in_another_process_makes_pages_say_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "r.duckdb"
    store.connect(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); "
         "print('open', flush=True); time.sleep(30)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(store.RegistryBusy, match="занято другим процессом"):
            lookup.search("ООО", db_path=db)
    finally:
        holder.kill()
        holder.wait()


def test_pages_and_checks_read_the_previous_state_while_another_process_loads(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("egrul", [CRAFTED], db_path=db)
    before = lookup.search("ООО", db_path=db)["companies"]
    synthetic.write_egrul(tmp_path / "gen", 2000, per_file=2000)
    script = ("import sys, time; from zorko.registry import loader\n"
              "def slow(p):\n    print('loading', flush=True); time.sleep(0.5)\n"
              "loader.load('egrul', [sys.argv[1]], db_path=sys.argv[2], workers=1, progress=slow)\n")
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "gen"), str(db)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "loading"
    # The load holds its own copy: a page here neither waits nor says «занято», and sees the old state.
    assert lookup.search("ООО", db_path=db)["companies"] == before
    with pytest.raises(store.RegistryBusy):  # a second load is refused, not run on the same state
        with writing.writer_lock(db, wait=0):
            pass
    assert process.wait(timeout=120) == 0
    assert len(lookup.search("ООО", db_path=db)["companies"]) == lookup.SEARCH_LIMIT
    assert not writing.next_path(db).exists()


def test_a_load_keeps_what_a_killed_writer_left_in_the_log(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    store.connect(db).close()
    killed = subprocess.run([sys.executable, "-c", "import os, signal, sys, duckdb; c = duckdb.connect(sys.argv[1]); "
                             "c.execute('CREATE TABLE kept AS SELECT 42 AS x'); os.kill(os.getpid(), signal.SIGKILL)",
                             str(db)])
    assert killed.returncode == -9 and db.with_name("r.duckdb.wal").exists()
    loader.load("egrul", [CRAFTED], db_path=db)
    with store.reading(db) as con:
        assert con is not None and con.execute("SELECT x FROM kept").fetchall() == [(42,)]
    assert not db.with_name("r.duckdb.wal").exists()
