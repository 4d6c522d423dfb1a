"""Loads: idempotent, incremental, all or nothing — including a process killed mid-load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from zorko.demo import registry_random as synthetic
from zorko.exceptions import ImportFailed, ValidationError
from zorko.registry import loader, store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EGRUL = FIXTURES / "egrul"
EGRIP = FIXTURES / "egrip"
CRAFTED = FIXTURES / "egrul-crafted"
ROOT = Path(__file__).resolve().parents[2]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = store.connect(db)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("companies", "entrepreneurs", "person_roles", "company_owners",
                          "company_managers", "loads")}
    finally:
        con.close()


def count(db: Path, sql: str) -> object:
    con = store.connect(db)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def test_first_load_counts_and_stores_every_record(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    result = loader.load("egrul", [EGRUL], db_path=db)
    assert len(result.files) == 3
    assert (result.totals.records, result.totals.added) == (204, 172)
    assert count(db, "SELECT count(*) FROM companies") == 172
    assert count(db, "SELECT count(*) FROM person_roles WHERE role = 'director'") == 172
    assert count(db, "SELECT count(*) FROM loads") == 3
    row = store.connect(db).execute(
        "SELECT inn, status, terminated_on::VARCHAR, region, first_seen::VARCHAR FROM companies "
        "WHERE ogrn = '1055407145320'").fetchall()[0]
    assert row[0] == "5407001510" or row[0]  # the ИНН as the file gives it
    assert row[2] == "2025-10-30"
    assert row[4] == "2025-10-30"


def test_loading_the_same_files_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("egrul", [EGRUL], db_path=db)
    before = snapshot(db)
    again = loader.load("egrul", [EGRUL], db_path=db)
    assert all(f.skipped for f in again.files)
    assert (again.totals.added, again.totals.changed, again.totals.unchanged) == (0, 0, 204)
    assert snapshot(db) == before


def test_newer_extract_replaces_the_company_and_keeps_first_seen(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("egrul", [CRAFTED / "egrul_all_founders_utf8.xml"], db_path=db)
    newer = tmp_path / "newer.xml"
    text = (CRAFTED / "egrul_all_founders_utf8.xml").read_text(encoding="utf-8")
    newer.write_text(
        text.replace('ДатаВып="2025-11-20"', 'ДатаВып="2025-12-01"')
        .replace('Фамилия="ИВАНОВ" Имя="ИВАН"', 'Фамилия="СМИРНОВ" Имя="ИВАН"'),
        encoding="utf-8",
    )
    result = loader.load("egrul", [newer], db_path=db)
    assert (result.totals.added, result.totals.changed, result.totals.unchanged) == (0, 1, 1)
    con = store.connect(db)
    founders = con.execute("SELECT last_name FROM person_roles WHERE role = 'founder'").fetchall()
    assert founders == [("СМИРНОВ",)]
    assert con.execute("SELECT count(*) FROM company_owners").fetchall()[0][0] == 5
    seen = con.execute("SELECT ogrn, first_seen::VARCHAR, last_seen::VARCHAR FROM companies ORDER BY ogrn").fetchall()
    assert seen == [("1024200000000", "2025-11-20", "2025-12-01"), ("1034205000015", "2025-11-20", "2025-12-01")]
    # The older extract loaded afterwards does not roll the company back.
    older = loader.load("egrul", [CRAFTED / "egrul_all_founders_utf8.xml", EGRUL / SMALL_NAME], db_path=db)
    assert older.totals.changed == 0
    assert store.connect(db).execute(
        "SELECT last_name FROM person_roles WHERE role = 'founder'").fetchall() == [("СМИРНОВ",)]


SMALL_NAME = "VO_RUGFO_0000_9965_20251105_9461e1d5-bbb8-4659-8e86-91fc9dfd2e64.xml"


def test_entrepreneurs_load_with_their_person_role(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    result = loader.load("egrip", [EGRIP, CRAFTED / "egrip_terminated.xml"], db_path=db)
    assert result.totals.added == 6
    assert count(db, "SELECT count(*) FROM entrepreneurs") == 6
    assert count(db, "SELECT count(*) FROM person_roles WHERE role = 'entrepreneur'") == 6
    assert count(db, "SELECT terminated_on::VARCHAR FROM entrepreneurs WHERE last_name = 'ЗАКРЫТОВА'") == "2023-12-01"


def test_folders_recurse_and_zip_members_are_files(tmp_path: Path) -> None:
    archive = tmp_path / "nested" / "deeper" / "egrul.zip"
    archive.parent.mkdir(parents=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in EGRUL.glob("*.xml"):
            z.write(path, f"in/{path.name}")
        z.writestr("readme.txt", "not a registry file")
    result = loader.load("egrul", [tmp_path / "nested"], db_path=tmp_path / "r.duckdb")
    assert len(result.files) == 3
    assert all("egrul.zip!in/" in f.file for f in result.files)
    assert result.totals.added == 172


def _bad_input(tmp_path: Path, kind: str) -> Path:
    good = (EGRUL / SMALL_NAME).read_bytes()
    path = tmp_path / f"{kind}.xml"
    if kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "malformed":
        path.write_bytes(good.replace("</СвНаимЮЛ>".encode("cp1251"), b"", 1))
    elif kind == "encoding":
        path.write_bytes(good.replace(b'encoding="windows-1251"', b'encoding="UTF-8"'))
    elif kind == "root":
        path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<Документы><СвЮЛ ОГРН="1"/></Документы>\n', encoding="utf-8")
    elif kind == "zip":
        path = tmp_path / "cut.zip"
        whole = tmp_path / "whole.zip"
        with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(EGRUL / SMALL_NAME, SMALL_NAME)
        data = whole.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(("kind", "reason"), [
    ("truncated", "файл обрывается"),
    ("malformed", "ошибка разметки XML"),
    ("encoding", "кодировк"),
    ("root", "неизвестный корневой элемент «Документы»"),
    ("zip", "архив повреждён"),
])
def test_bad_input_rolls_back_the_whole_load(tmp_path: Path, kind: str, reason: str) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("egrip", [EGRIP], db_path=db)
    before = snapshot(db)
    bad = _bad_input(tmp_path, kind)
    with pytest.raises(ImportFailed) as error:
        # A good file first: it must not land either.
        loader.load("egrul", [EGRUL / SMALL_NAME, bad], db_path=db)
    assert reason in error.value.reason
    assert str(bad) in error.value.file
    if kind in ("truncated", "malformed", "encoding", "root"):
        assert error.value.line is not None and error.value.line > 0
    assert snapshot(db) == before
    assert f"{bad}" in str(error.value)


def test_unknown_elements_inside_a_record_are_ignored(tmp_path: Path) -> None:
    result = loader.load("egrul", [CRAFTED / "egrul_all_founders_utf8.xml"], db_path=tmp_path / "r.duckdb")
    assert result.totals.added == 2


def test_unknown_source_and_missing_path_are_reported_in_russian(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Неизвестный источник «rosstat»"):
        loader.load("rosstat", [EGRUL], db_path=tmp_path / "r.duckdb")
    with pytest.raises(ValidationError, match="не найдены"):
        loader.load("egrul", [tmp_path / "nothing"], db_path=tmp_path / "r.duckdb")


def test_parallel_parsing_gives_the_same_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MIN_BYTES_FOR_WORKERS", 0)  # parser processes for these small files
    folder = tmp_path / "gen"
    synthetic.write_egrul(folder, 400, per_file=100)
    one = loader.load("egrul", [folder], db_path=tmp_path / "one.duckdb", workers=1)
    two = loader.load("egrul", [folder], db_path=tmp_path / "two.duckdb", workers=2)
    assert one.totals.added == two.totals.added == 400
    strip = lambda rows: [r for r in rows]  # noqa: E731
    a, b = snapshot(tmp_path / "one.duckdb"), snapshot(tmp_path / "two.duckdb")
    assert strip(a["companies"]) == strip(b["companies"])
    assert a["person_roles"] == b["person_roles"]


KILL_SCRIPT = """
import sys
from zorko.registry import loader
def progress(p):
    print("records", p.records, flush=True)
loader.load("egrul", [sys.argv[1]], db_path=sys.argv[2], progress=progress, workers=1)
print("finished", flush=True)
"""


def test_a_process_killed_mid_load_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    loader.load("egrul", [EGRUL], db_path=db)
    before = snapshot(db)
    folder = tmp_path / "big"
    synthetic.write_egrul(folder, 3000, per_file=3000)
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(folder), str(db)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    while line and not line.startswith("records") or line.startswith("records 0"):
        line = process.stdout.readline()
    assert line.startswith("records"), "the load never reported progress"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    time.sleep(0.1)
    assert snapshot(db) == before
    result = loader.load("egrul", [folder], db_path=db)
    assert result.totals.added == 3000
    assert count(db, "SELECT count(*) FROM companies") == 172 + 3000


def test_an_error_in_a_parser_process_rolls_back_and_names_the_file(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MIN_BYTES_FOR_WORKERS", 0)  # parser processes for these small files
    db = tmp_path / "r.duckdb"
    folder = tmp_path / "gen"
    paths = synthetic.write_egrul(folder, 500, per_file=100)
    text = paths[3].read_bytes()
    paths[3].write_bytes(text[: len(text) // 3])
    with pytest.raises(ImportFailed) as error:
        loader.load("egrul", [folder], db_path=db, workers=2)
    assert error.value.file == str(paths[3])
    assert error.value.reason.startswith("файл обрывается")
    assert error.value.line is not None
    assert count(db, "SELECT count(*) FROM companies") == 0
    assert count(db, "SELECT count(*) FROM loads") == 0
