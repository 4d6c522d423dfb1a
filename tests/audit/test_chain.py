"""The audit log is a hash chain: edits, deletions and insertions behind Zorko's back show."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from typing import Any

import pytest
from django.db import connection, transaction

from tests.attack import run_zorko
from zorko.audit import triggers
from zorko.audit.chain import verify
from zorko.audit.log import record
from zorko.audit.models import AuditEvent


def _behind_zorkos_back(sql: str, *params: Any) -> None:
    """What someone with write access to the database does: lift the triggers, change, restore."""
    with transaction.atomic(), connection.cursor() as cursor:
        triggers.uninstall(connection)
        cursor.execute(sql, params)
        triggers.install(connection)


@pytest.fixture
def events(db: Any) -> list[AuditEvent]:
    return [record(None, "login.failed", username=f"user{n}", reason="password") for n in range(5)]


def test_an_untouched_log_verifies(events: list[AuditEvent]) -> None:
    report = verify()
    assert report.intact and report.checked == 5 and report.head_hash == events[-1].hash
    assert events[1].prev_hash == events[0].hash


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditevent SET username = 'someone-else' WHERE id = %s",
    "UPDATE audit_auditevent SET details = '{}' WHERE id = %s",
    "DELETE FROM audit_auditevent WHERE id = %s",
])
def test_a_changed_or_deleted_event_is_found(events: list[AuditEvent], sql: str) -> None:
    _behind_zorkos_back(sql, events[2].pk)
    report = verify()
    assert not report.intact and report.broken_at == events[3 if sql.startswith("DELETE") else 2].pk
    assert f"№ {report.broken_at}" in str(report)


def test_a_cut_tail_is_found(events: list[AuditEvent]) -> None:
    _behind_zorkos_back("DELETE FROM audit_auditevent WHERE id = %s", events[-1].pk)
    report = verify()
    assert not report.intact and "последние записи удалены" in str(report)


def test_administrators_see_the_check_on_the_home_page(events: list[AuditEvent], client_as: Any) -> None:
    admin = client_as("administrator")
    page = admin.get("/").content.decode()
    assert 'id="audit-chain-status"' in page and 'id="audit-chain"' not in page
    _behind_zorkos_back("UPDATE audit_auditevent SET username = 'x' WHERE id = %s", events[0].pk)
    page = admin.get("/").content.decode()
    assert 'id="audit-chain"' in page and f"в записи № {events[0].pk}" in page
    assert "Журнал аудита" not in client_as("viewer").get("/").content.decode()


WRITER = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "zorko.django_settings"
django.setup()
from zorko.audit.log import record
for i in range(15):
    record(None, "login.failed", username=f"w{sys.argv[1]}-{i}")
"""


def test_concurrent_writers_keep_one_chain(tmp_path: Any) -> None:
    """Four processes append at once to one SQLite file: no error, one unbroken chain."""
    assert run_zorko(tmp_path, "init").returncode == 0
    env = {**os.environ, "ZORKO_DATA_DIR": str(tmp_path)}
    env.pop("ZORKO_DATABASE_URL", None)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(n)], env=env, stderr=subprocess.PIPE,
                                text=True) for n in range(4)]
    assert [(w.wait(timeout=120), w.stderr.read() if w.stderr else "") for w in writers] == [(0, "")] * 4
    result = run_zorko(tmp_path, "audit", "verify")
    assert result.returncode == 0 and "проверено записей — 60" in result.stdout


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is in memory; the file case is the test above")
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(10):
                record(None, "login.failed", username=f"w{n}-{i}")
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    report = verify()
    assert report.intact and report.checked == 40


def test_cli_verify_finds_an_edit_made_directly_in_the_database_file(tmp_path: Any) -> None:
    assert run_zorko(tmp_path, "init").returncode == 0
    for name in ("anna", "boris", "vera"):
        assert run_zorko(tmp_path, "user", "add", name, "--role", "viewer").returncode == 0
    result = run_zorko(tmp_path, "audit", "verify")
    assert result.returncode == 0 and "Журнал аудита цел: проверено записей — 3" in result.stdout
    db = sqlite3.connect(tmp_path / "zorko.sqlite3")
    with db:
        db.execute("DROP TRIGGER audit_auditevent_no_update")
        event_id = db.execute("SELECT id FROM audit_auditevent ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
        db.execute("UPDATE audit_auditevent SET object_repr = 'никто' WHERE id = ?", (event_id,))
        db.execute(f"CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON {triggers.TABLE} "
                   "BEGIN SELECT RAISE(ABORT, 'x'); END")
    db.close()
    result = run_zorko(tmp_path, "audit", "verify")
    assert result.returncode == 1
    assert f"Журнал аудита изменён в обход Зорко: в записи № {event_id}" in result.stdout


def test_the_quick_check_covers_the_newest_events(events: list[AuditEvent]) -> None:
    report = verify(newest=2)
    assert report.intact and report.checked == 5 and "последние 2 записей из 5" in str(report)
    _behind_zorkos_back("UPDATE audit_auditevent SET username = 'x' WHERE id = %s", events[-1].pk)
    assert verify(newest=2).broken_at == events[-1].pk
