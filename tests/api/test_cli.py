"""`zorko api token add|list|revoke` as a real subprocess; the printed token works over HTTP."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from tests.cli_process import initialised, zorko


def test_add_list_revoke(tmp_path: Path) -> None:
    data = initialised(tmp_path)
    done = zorko(data, "api", "token", "add", "1С ЗУП", "--scope", "people.write")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "Создан токен для системы «1С ЗУП» с правом «загрузка служащих и родственников»."
    secret = lines[-1]
    assert secret.startswith("zk_") and len(secret) == 46

    # Only the hash is stored: the secret itself is nowhere in the database file.
    db = next(data.glob("*.sqlite3"))
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT token_hash, prefix FROM accounts_apitoken").fetchall()
    assert stored == [(hashlib.sha256(secret.encode()).hexdigest(), secret[:10])]
    assert secret.encode() not in db.read_bytes()

    again = zorko(data, "api", "token", "add", "1С ЗУП", "--scope", "screening.read")
    assert again.returncode != 0 and "уже действует" in again.stderr
    wrong = zorko(data, "api", "token", "add", "Кадры", "--scope", "all")
    assert wrong.returncode != 0 and "people.write" in wrong.stderr

    listed = zorko(data, "api", "token", "list")
    assert "1С ЗУП\tзагрузка служащих и родственников\t" in listed.stdout and "действует" in listed.stdout
    assert secret not in listed.stdout

    revoked = zorko(data, "api", "token", "revoke", "1С ЗУП")
    assert revoked.returncode == 0 and "отозван" in revoked.stdout
    assert "отозван " in zorko(data, "api", "token", "list").stdout
    missing = zorko(data, "api", "token", "revoke", "Нет такой")
    assert missing.returncode != 0 and "Токена для системы «Нет такой» нет." in missing.stderr
    # A revoked token gives its name back.
    assert zorko(data, "api", "token", "add", "1С ЗУП", "--scope", "screening.read").returncode == 0
