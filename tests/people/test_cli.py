"""`zorko import people`, `zorko template people`, `zorko demo`: output and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.people.helpers import RELATIVES_CSV, SERVANTS_CSV, nothing_written, variant
from zorko.audit.models import AuditEvent
from zorko.cli import main
from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS
from zorko.people.models import Servant

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_import_prints_summary_and_exits_zero() -> None:
    code, out = run("import", "people", str(SERVANTS_CSV), str(RELATIVES_CSV))
    assert code == 0
    assert "Служащие: добавлено 4, изменено 0, без изменений 0." in out
    assert "Родственники: добавлено 7" in out
    code, out = run("import", "people", str(SERVANTS_CSV), str(RELATIVES_CSV))
    assert code == 0 and "Служащие: добавлено 0, изменено 0, без изменений 4." in out


def test_import_prints_every_error_and_exits_non_zero(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, ("420512345675", "420512345676"),
                       ("07.07.1975", "07.07.75"))
    code, out = run("import", "people", str(servants))
    assert code == 2
    assert "Найдено ошибок: 2. Ничего не записано." in out
    assert "строка 2, поле «инн»" in out and "строка 5, поле «дата_рождения»" in out
    assert nothing_written()


def test_refused_import_is_audited(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, ("420512345675", "420512345676"))
    relatives = variant(tmp_path, RELATIVES_CSV, ("1001;мать", "1001;кузина"))
    assert run("import", "people", str(servants), str(relatives))[0] == 2
    assert run("import", "people", "--dry-run", str(servants))[0] == 2
    refused, dry = AuditEvent.objects.filter(action="people.import.refused").order_by("pk")
    assert refused.username == "cli" and refused.details["stage"] == "cli"
    assert refused.object_repr == "servants_cp1251.csv, relatives_cp1251.csv"
    first, second = refused.details["first_errors"]
    assert refused.details["errors"] == 2
    assert first == "servants_cp1251.csv, строка 2, поле «инн»: ИНН «…»: неверные контрольные цифры"
    assert second.startswith("relatives_cp1251.csv, строка 3, поле «родство»: неизвестная степень родства")
    assert "кузина" not in str(refused.details) and "420512345676" not in str(refused.details)
    assert dry.details["stage"] == "dry_run" and dry.details["files"] == ["servants_cp1251.csv"]


def test_dry_run_writes_nothing() -> None:
    code, out = run("import", "people", "--dry-run", str(SERVANTS_CSV))
    assert code == 0 and "Добавить служащего: Ковалёва Анна Сергеевна, таб. № 1001" in out
    assert nothing_written()


def test_templates_have_the_exact_columns_and_import_back(tmp_path: Path) -> None:
    code, out = run("template", "people", "--out", str(tmp_path))
    assert code == 0
    servants = load_workbook(tmp_path / "служащие.xlsx").worksheets[0]
    relatives = load_workbook(tmp_path / "родственники.xlsx").worksheets[0]
    assert [c.value for c in servants[1]] == [c.header for c in SERVANT_COLUMNS]
    assert [c.value for c in relatives[1]] == [c.header for c in RELATIVE_COLUMNS]
    # An empty template is refused with a clear reason, not a crash.
    code, out = run("import", "people", str(tmp_path / "служащие.xlsx"))
    assert code == 2 and "нет ни одной строки с данными" in out


def test_demo_builds_municipality_and_prints_the_login() -> None:
    code, out = run("demo", "--seed", "3", "--servants", "40")
    assert code == 0
    assert Servant.objects.filter(status="servant").count() == 40
    assert Servant.objects.filter(status="candidate").count() == 2
    line = next(x for x in out.splitlines() if "логин: demo" in x)
    password = line.rsplit("пароль: ", 1)[1]
    from django.contrib.auth import authenticate

    user = authenticate(username="demo", password=password)
    assert user is not None and user.groups.filter(name="administrator").exists()
    user.set_password("изменённый пароль")
    user.save()
    code, out_again = run("demo", "--seed", "3", "--servants", "40")
    assert code == 0 and password in out_again
    assert authenticate(username="demo", password=password) is not None  # reset to the printed one
    assert "Служащие: добавлено 0, изменено 0, без изменений 43." in out_again
