"""`zorko check` and `zorko findings export`: the CLI over the service, the export shape, the audit."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from zorko.audit.models import AuditEvent
from zorko.cli import main
from zorko.findings.rules_info import rule_name
from zorko.people.models import Relative

ORG = "4205000007"


@pytest.fixture
def screened_people(store, make_servant):
    me = make_servant("Сидоров", "Пётр", "Ильич", personnel_number="0042")
    Relative.objects.create(servant=me, kinship="sister", last_name="Петрова", first_name="Анна",
                            middle_name="Сергеевна")
    with store.write() as reg:
        supplier = reg.company("Ромашка")
        reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна")
        reg.contract(ORG, supplier, price="120000.50", sign_date=date(2026, 2, 3))
        ip = reg.entrepreneur("Сидоров", "Пётр", "Ильич")
    return me, supplier, ip


def invoke(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


@pytest.mark.django_db
def test_check_all_then_export_json_shape(screened_people, tmp_path):
    me, supplier, ip = screened_people
    result = invoke("check", "--all")
    assert result.exit_code == 0, result.output
    assert "Проверено: 1 чел.; срабатываний: 2" in result.output
    out = tmp_path / "f.json"
    assert invoke("findings", "export", "--format", "json", "--out", str(out)).exit_code == 0
    data = {d["rule"]: d for d in json.loads(out.read_text(encoding="utf-8"))}
    assert set(data) == {"relative_supplier", "own_entrepreneur"}
    rel = data["relative_supplier"]
    assert set(rel) == {"rule", "rule_name", "severity", "severity_name", "score", "status", "status_name",
                        "servant", "relative", "subject", "contracts", "explanation"}
    assert (rel["severity_name"], rel["status_name"]) == ("высокая", "новое")
    assert rel["severity"] == "high" and rel["status"] == "new" and 0 < rel["score"] <= 1
    assert rel["servant"] == {"personnel_number": "0042", "full_name": "Сидоров Пётр Ильич"}
    assert rel["relative"] == {"full_name": "Петрова Анна Сергеевна", "kinship": "sister", "kinship_name": "сестра"}
    assert rel["subject"] == {"kind": "company", "kind_name": "юридическое лицо", "ogrn": supplier["ogrn"],
                              "inn": supplier["inn"], "name": "ООО «Ромашка»"}
    assert rel["contracts"][0]["sign_date"] == "2026-02-03" and rel["contracts"][0]["price"] == 120000.5
    own = data["own_entrepreneur"]
    assert own["relative"] is None and own["subject"]["kind"] == "entrepreneur"
    assert own["subject"]["ogrn"] == ip["ogrn"] and own["contracts"] == []
    assert AuditEvent.objects.filter(action="export", object_type="findings").count() == 1


@pytest.mark.django_db
def test_export_csv_and_xlsx(screened_people, tmp_path):
    invoke("check", "--person", "0042")
    invoke("findings", "export", "--format", "csv", "--out", str(tmp_path / "f.csv"))
    with (tmp_path / "f.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][:3] == ["Правило", "Значимость", "Оценка"] and len(rows) == 3
    invoke("findings", "export", "--format", "xlsx", "--out", str(tmp_path / "f.xlsx"))
    sheet = load_workbook(tmp_path / "f.xlsx").active
    # People read the rules' names, severities and statuses, never the codes.
    assert sheet.max_row == 3 and {sheet.cell(r, 1).value for r in (2, 3)} == {
        rule_name("relative_supplier"), rule_name("own_entrepreneur")}
    assert {sheet.cell(r, 2).value for r in (2, 3)} <= {"высокая", "средняя", "низкая"}
    assert {row[3] for row in rows[1:]} == {"новое"}


@pytest.mark.django_db
def test_check_needs_exactly_one_scope(store):
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code != 0 and "Укажите ровно одно" in result.output
    result = CliRunner().invoke(main, ["check", "--organisation", "7700000000"])
    assert result.exit_code != 0 and "Нет служащих организации с ИНН 7700000000" in result.output
