"""The whole demo, built by ``zorko demo`` as a process: no date after today, none absurd."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.cli_process import zorko

# Dates that name a plan or a deadline rather than something that happened.
FUTURE_ALLOWED = re.compile(r"deadline|due|until|start_on|ends_on|expires|planned")
EARLIEST = date(1900, 1, 1)
# No record of these kinds can be older: ЕГРЮЛ/ЕГРИП registrations (1991), 223-ФЗ (2012), 44-ФЗ (2014).
NOT_BEFORE = {("companies", "registered_on"): date(1991, 1, 1),
              ("entrepreneurs", "registered_on"): date(1991, 1, 1),
              ("person_roles", "since"): date(1991, 1, 1)}
LAW_START = {"44-ФЗ": date(2014, 1, 1), "223-ФЗ": date(2012, 1, 1)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo")
    done = zorko(data, "demo", timeout=600)  # the default municipality, as `make demo` builds it
    assert done.returncode == 0, done.stdout + done.stderr
    return data


def _day(value: object) -> date:
    text = str(value)
    return date(int(text[:4]), int(text[5:7]), int(text[8:10]))


def _wrong(table: str, column: str, days: list[date], today: date) -> list[str]:
    floor = NOT_BEFORE.get((table, column), EARLIEST)
    bad = [d for d in days if d < floor or (d > today and not FUTURE_ALLOWED.search(column))]
    return [f"{table}.{column}: {d:%d.%m.%Y}" for d in sorted(set(bad))[:3]]


def test_registry_store_has_no_future_or_absurd_date(demo: Path) -> None:
    today = date.today()
    con = duckdb.connect(str(demo / "registry.duckdb"), read_only=True)
    try:
        columns = con.execute("SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE data_type IN ('DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE')").fetchall()
        wrong, seen = [], 0
        for table, column in columns:
            query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
            days = [_day(v) for (v,) in con.execute(query).fetchall()]
            seen += len(days)
            wrong += _wrong(table, column, days, today)
        for law, start in LAW_START.items():
            early = con.execute("SELECT min(sign_date) FROM contracts WHERE law = ?", [law]).fetchone()[0]  # type: ignore[index]
            if early is not None and early < start:
                wrong.append(f"контракт по {law} от {early:%d.%m.%Y}")
    finally:
        con.close()
    assert seen > 1000
    assert not wrong, wrong


def test_case_database_has_no_future_or_absurd_date(demo: Path) -> None:
    today = date.today()
    con = sqlite3.connect(demo / "zorko.sqlite3")
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        wrong, seen = [], 0
        for table in tables:
            for _, column, kind, *_ in con.execute(f'PRAGMA table_info("{table}")').fetchall():
                if kind.lower() not in ("date", "datetime"):
                    continue
                query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
                days = [_day(v) for (v,) in con.execute(query).fetchall()]
                seen += len(days)
                wrong += _wrong(table, column, days, today)
    finally:
        con.close()
    assert seen > 1000
    assert not wrong, wrong
