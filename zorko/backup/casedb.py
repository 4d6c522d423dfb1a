"""The case database in a backup: SQLite through its online backup API, PostgreSQL through pg_dump.

Both give a consistent snapshot while the server keeps writing: SQLite's
backup API copies inside one read transaction, and pg_dump reads in one
repeatable-read transaction. Restoring is all or nothing: the SQLite
backup API replaces the pages of the live file in one write transaction,
and the PostgreSQL dump is replayed by psql in a single transaction.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from zorko.backup.archive import BackupRefused

SQLITE_MEMBER = "database/zorko.sqlite3"
PG_MEMBER = "database/zorko.pgdump"
# Dropping the schema first makes the restored tables exactly those of the backup, so the
# migrations that follow see the backup's state, not a mix with the current one.
PG_RESET = "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n"


def engine(db: dict[str, Any]) -> str:
    return "postgresql" if "postgresql" in db["ENGINE"] else "sqlite"


def member(kind: str) -> str:
    return PG_MEMBER if kind == "postgresql" else SQLITE_MEMBER


def dump(db: dict[str, Any], out: Path) -> None:
    if engine(db) == "sqlite":
        _sqlite_copy(Path(db["NAME"]), out)
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(out)],
             db, "pg_dump")


def check(db: dict[str, Any], staged: Path) -> None:
    """Refuse a staged database that the engine cannot read, before anything is replaced."""
    if engine(db) == "sqlite":
        try:
            con = sqlite3.connect(f"{staged.resolve().as_uri()}?mode=ro", uri=True)
            try:
                ok = con.execute("PRAGMA integrity_check").fetchone()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise BackupRefused(f"База данных в архиве повреждена: {exc}. Ничего не записано.") from exc
        if ok is None or ok[0] != "ok":
            raise BackupRefused(f"База данных в архиве повреждена: {ok}. Ничего не записано.")
    else:
        _run(["pg_restore", "--list", str(staged)], db, "pg_restore")


def restore(db: dict[str, Any], staged: Path) -> None:
    if engine(db) == "sqlite":
        target = Path(db["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(staged, target)
        return
    script = _run(["pg_restore", "--no-owner", "--no-privileges", "--file", "-", str(staged)],
                  db, "pg_restore")
    _run(["psql", "--quiet", "--no-psqlrc", "--set", "ON_ERROR_STOP=1", "--single-transaction",
          "--file", "-"], db, "psql", stdin=PG_RESET.encode() + script)


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
    dst = sqlite3.connect(target, timeout=60)
    try:
        # One step: the whole copy is one read snapshot of the source and one write of the target.
        src.backup(dst)
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(f"Не удалось скопировать базу данных SQLite: {exc}.") from exc
    finally:
        dst.close()
        src.close()


def _run(command: list[str], db: dict[str, Any], tool: str, stdin: bytes | None = None) -> bytes:
    if shutil.which(command[0]) is None:
        raise BackupRefused(
            f"Программа {tool} не найдена: установите клиент PostgreSQL (пакет postgresql-client) "
            "той же или более новой версии, что и сервер."
        )
    # Connection parameters go through the environment, so the password never shows in `ps`.
    env = dict(os.environ, PGHOST=str(db.get("HOST") or ""), PGPORT=str(db.get("PORT") or ""),
               PGUSER=str(db.get("USER") or ""), PGPASSWORD=str(db.get("PASSWORD") or ""),
               PGDATABASE=str(db["NAME"]))
    env = {k: v for k, v in env.items() if v != ""}
    done = subprocess.run(command, input=stdin, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise BackupRefused(f"{tool} завершился с ошибкой: {detail[-1] if detail else done.returncode}. "
                            "Ничего не записано.")
    return done.stdout


def applied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def unknown_migrations(migrations: list[str]) -> list[str]:
    """Migrations of the backup that this version does not have: it was made by a newer Zorko."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    known = {f"{app}.{name}" for app, name in MigrationLoader(connection, ignore_no_migrations=True).disk_migrations}
    return sorted(set(migrations) - known)
