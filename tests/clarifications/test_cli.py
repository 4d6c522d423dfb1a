"""`zorko clarifications export` as a real process: the JSON shape, XLSX safe cells, the audit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.clarifications.scenario import FORMULA_COMPANY, NAMESAKE_INNS

ROOT = Path(__file__).resolve().parents[2]

# Builds the family of ``scenario.py`` in a fresh data directory and screens it, as a user would
# after importing people and loading registries.
SEED = """
import duckdb
from zorko.cli import setup_django
setup_django()
from zorko.cli.core import init_database
init_database()
from django.conf import settings
from tests.clarifications.scenario import FORMULA_COMPANY, build_registry, make_people
from tests.registry_tables import Registry
from zorko.people.models import Organisation, Servant
from zorko.findings.service import run_screening
from datetime import date, timedelta
reg = Registry(duckdb.connect(str(settings.CONFIG.registry_path)))
for source in ("egrul", "egrip", "contracts"):
    reg.load(source, date.today() - timedelta(days=3))
build_registry(reg)
reg.con.close()
org = Organisation.objects.create(name=FORMULA_COMPANY, inn="4205000007", ogrn="1024200000006")
def make_servant(last, first, middle, **fields):
    return Servant.objects.create(last_name=last, first_name=first, middle_name=middle, organisation=org, **fields)
make_people(make_servant)
run_screening("all")
"""


def zorko(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zorko", *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_export_json_and_xlsx(tmp_path: Path) -> None:
    env = dict(os.environ, ZORKO_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    env.pop("ZORKO_DATABASE_URL", None)
    seeded = subprocess.run([sys.executable, "-c", SEED], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert seeded.returncode == 0, seeded.stderr
    out = tmp_path / "requests.json"
    done = zorko(env, "clarifications", "export", "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Выгружено запросов уточнения: 1" in done.stdout
    [item] = json.loads(out.read_text(encoding="utf-8"))
    assert set(item) == {"servant", "relative", "kind", "status", "status_label", "due_on", "candidates"}
    assert item["servant"] == {"personnel_number": "0042", "full_name": "Сидоров Пётр Ильич"}
    assert item["relative"] == {"full_name": "Иванова Елена Александровна", "kinship": "мать"}
    assert (item["kind"], item["status"], item["status_label"], item["due_on"]) == \
        ("namesakes", "prepared", "подготовлен", None)
    assert sorted(c["inn"] for c in item["candidates"]) == NAMESAKE_INNS
    first = item["candidates"][0]
    assert set(first) == {"full_name", "inn", "region", "subjects"}
    assert first["full_name"] == "Иванова Елена Александровна" and first["region"] == "42"
    assert set(first["subjects"][0]) == {"ogrn", "name", "role"} and first["subjects"][0]["role"] == "director"

    xlsx = tmp_path / "requests.xlsx"
    assert zorko(env, "clarifications", "export", "--format", "xlsx", "--out", str(xlsx)).returncode == 0
    ws = load_workbook(xlsx).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("№ запроса", "Табельный номер", "Служащий") and len(rows) == 1 + 4
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert not [c.value for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert rows[1][3] == "'" + FORMULA_COMPANY  # the organisation's name, neutralised
    assert isinstance(rows[1][0], int)

    check = subprocess.run([sys.executable, "-c", "from zorko.cli import setup_django; setup_django(); "
                            "from zorko.audit.models import AuditEvent; "
                            "print(AuditEvent.objects.filter(action='export', object_type='clarifications').count())"],
                           env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert check.stdout.strip() == "2"


def test_unknown_format_is_refused_in_russian(tmp_path: Path) -> None:
    env = dict(os.environ, ZORKO_DATA_DIR=str(tmp_path / "data"))
    done = zorko(env, "clarifications", "export", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert done.returncode != 0 and "csv" in done.stderr
