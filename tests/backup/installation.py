"""A throw-away Zorko installation driven only through real ``zorko`` subprocesses.

Each installation has its own data directory and, on PostgreSQL, its own
database on the server of ``ZORKO_DATABASE_URL`` (the suite's server), so
backup and restore can replace everything without touching the test
database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"

# Prints one JSON object: what a user of the restored installation would see in its data.
_STATE = """
import json, django
django.setup()
from django.contrib.auth.models import User
from django.db.migrations.recorder import MigrationRecorder
from django.db import connection
from zorko.audit.models import AuditEvent
from zorko.people.models import Relative, Servant
print(json.dumps({
    "users": sorted(User.objects.values_list("username", flat=True)),
    "servants": sorted(Servant.objects.values_list("personnel_number", "last_name")),
    "relatives": Relative.objects.count(),
    "audit": list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)),
    "migrations": sorted(f"{a}.{n}" for a, n in MigrationRecorder(connection).applied_migrations()),
}))
"""


class Installation:
    def __init__(self, root: Path, database_url: str) -> None:
        self.data_dir = root / "data"
        self.database_url = database_url
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("ZORKO_")}
        self.env |= {"ZORKO_DATA_DIR": str(self.data_dir), "ZORKO_DATABASE_URL": database_url,
                     "DJANGO_SETTINGS_MODULE": "zorko.django_settings", "ZORKO_LOAD_WORKERS": "1"}

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, "-m", "zorko", *args], env=self.env, cwd=REPO,
                              capture_output=True, text=True, timeout=300)
        if check and done.returncode != 0:
            raise AssertionError(f"zorko {' '.join(args)} → {done.returncode}\n{done.stdout}{done.stderr}")
        return done

    def python(self, code: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-c", code], env=self.env, cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def state(self) -> dict[str, object]:
        proc = self.python(_STATE)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return dict(json.loads(out))

    def populate(self) -> None:
        """People, a registry load, an account and an uploaded file, as a working site has."""
        people = FIXTURES / "people"
        self.run("init")
        self.run("import", "people", str(people / "servants_cp1251.csv"), str(people / "relatives_cp1251.csv"))
        self.run("registry", "load", "egrul", str(FIXTURES / "egrul"))
        self.run("user", "add", "inspector1", "--role", "inspector", "--password", "Пароль-для-тестов-1")
        upload = self.data_dir / "uploads" / "token-of-an-upload-0001" / "servants.csv"
        upload.parent.mkdir(parents=True)
        upload.write_text("табельный_номер;фамилия\n1;Иванов\n", encoding="utf-8")


def clone(populated: Installation, root: Path, database_url: str) -> Installation:
    """The same installation under ``root``, on ``database_url`` (already a copy of its database)."""
    site = Installation(root, database_url)
    shutil.copytree(populated.data_dir, site.data_dir, ignore=shutil.ignore_patterns("zorko.sqlite3*"))
    if not database_url:
        # The online backup API gives a consistent copy even of a database in WAL mode.
        import sqlite3

        src = sqlite3.connect(populated.data_dir / "zorko.sqlite3")
        dst = sqlite3.connect(site.data_dir / "zorko.sqlite3")
        src.backup(dst)
        src.close()
        dst.close()
    return site


def server_database(base_url: str, template: str = "") -> tuple[str, str]:
    """A new database on the suite's PostgreSQL server (a copy of ``template``): (its URL, admin URL)."""
    import psycopg

    name = f"zorko_backup_{uuid.uuid4().hex[:10]}"
    admin = urlunparse(urlparse(base_url)._replace(path="/postgres"))
    copy = f' TEMPLATE "{urlparse(template).path.lstrip("/")}"' if template else ""
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"{copy}')
    return urlunparse(urlparse(base_url)._replace(path=f"/{name}")), admin


def drop_database(url: str, admin: str) -> None:
    import psycopg

    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
