"""`zorko check` then `zorko clarifications export`, as real subprocesses on a data directory of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb
from openpyxl import load_workbook

from tests.registry_tables import Registry
from zorko.identifiers import make_inn

ORG = make_inn("420500000", person=False)



def zorko(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zorko", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def _world(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, ZORKO_DATA_DIR=str(tmp_path / "data"))
    env.pop("ZORKO_DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    servants = tmp_path / "servants.csv"
    servants.write_text("табельный_номер;фамилия;имя;отчество;организация;организация_инн;инн\n"
                        f"0042;Волков;Андрей;Игоревич;Администрация;{ORG};{make_inn('4205987654', person=True)}\n",
                        encoding="utf-8")
    relatives = tmp_path / "relatives.csv"
    # A hostile name: it must come out of the XLSX as text, never as a formula.
    relatives.write_text("табельный_номер;родство;фамилия;имя;отчество\n"
                         "0042;сестра;Иванова;Елена;Игоревна\n", encoding="utf-8")
    assert zorko(env, "init").returncode == 0
    done = zorko(env, "import", "people", str(servants), str(relatives))
    assert done.returncode == 0, done.stdout + done.stderr
    reg = Registry(duckdb.connect(str(tmp_path / "data" / "registry.duckdb")))
    for source in ("egrul", "egrip", "contracts"):
        reg.load(source, date.today() - timedelta(days=2))
    for i in range(4):
        company = reg.company(f"=HYPERLINK(\"http://x\";\"Тёзка {i}\")")
        reg.role(company, "director", "Иванова", "Елена", "Игоревна", inn=make_inn(f"42{i:08d}", person=True))
        if i < 2:
            reg.contract(ORG, company)
    reg.con.close()
    return env


def test_check_then_export_one_request_per_relative(tmp_path: Path) -> None:
    env = _world(tmp_path)
    checked = zorko(env, "check", "--all")
    assert checked.returncode == 0, checked.stderr
    assert "Запросов уточнения: 1" in checked.stdout
    out = tmp_path / "requests.json"
    done = zorko(env, "clarifications", "export", "--format", "json", "--out", str(out))
    assert done.returncode == 0 and "Выгружено запросов уточнения: 1" in done.stdout
    [item] = json.loads(out.read_text(encoding="utf-8"))
    assert item["servant"] == {"personnel_number": "0042", "full_name": "Волков Андрей Игоревич"}
    assert item["relative"] == {"full_name": "Иванова Елена Игоревна", "kinship": "sister"}
    assert (item["status"], item["status_label"], item["kind"]) == ("prepared", "подготовлен", "namesakes")
    assert len(item["candidates"]) == 2  # the two namesakes who supply the organisation
    for candidate in item["candidates"]:
        assert candidate["full_name"] == "Иванова Елена Игоревна" and len(candidate["inn"]) == 12
        [subject] = candidate["subjects"]
        assert subject["role"] == "director" and subject["ogrn"] and subject["name"].startswith("ООО «=HYPERLINK")

    xlsx = tmp_path / "requests.xlsx"
    assert zorko(env, "clarifications", "export", "--format", "xlsx", "--out", str(xlsx)).returncode == 0
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Табельный номер", "Служащий", "Родственник")
    assert len(rows) == 3 and rows[1][5] == "подготовлен"
    assert all(not str(c).startswith("=") for row in rows for c in row if c is not None)


def test_export_refuses_an_unknown_format_in_russian(tmp_path: Path) -> None:
    env = dict(os.environ, ZORKO_DATA_DIR=str(tmp_path / "data"))
    env.pop("ZORKO_DATABASE_URL", None)
    done = zorko(env, "clarifications", "export", "--format", "pdf", "--out", str(tmp_path / "x.pdf"))
    assert done.returncode != 0
