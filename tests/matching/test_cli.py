"""`zorko match --people FILE --out FILE --registry PATH`."""

from __future__ import annotations

import csv

import duckdb
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from zorko.cli import main
from zorko.identifiers import make_inn
from zorko.matching.name_lists import COMMON_SURNAMES

INN = make_inn("4205111111", person=True)


@pytest.fixture
def registry(tmp_path):
    path = tmp_path / "registry.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE person_roles (subject_kind VARCHAR, subject_ogrn VARCHAR, "
                "role VARCHAR, last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR, "
                "inn VARCHAR, region VARCHAR)")
    con.execute("INSERT INTO person_roles VALUES "
                "('company', '1024200000001', 'director', 'Загорулько', 'Анна', 'Ефимовна', ?, '42'),"
                "('company', '1027700000002', 'founder', 'Кузнецов', 'Олег', 'Ильич', NULL, '77')",
                [INN])
    # Other people, so that name frequencies are measured on more than two rows.
    filler = [(last, first, "Сергеевич", f"{10 + i % 80:02d}") for i, (last, first) in
              enumerate((s, f) for s in COMMON_SURNAMES[:60] for f in ("Иван", "Олег", "Юрий"))]
    con.executemany("INSERT INTO person_roles VALUES ('company', '1', 'founder', ?, ?, ?, NULL, ?)",
                    filler)
    con.close()
    return path


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)


def refused(tmp_path, registry, rows, *options):
    """Run `zorko match` on a CSV of ``rows`` that must be refused; the CLI result."""
    people = tmp_path / "people.csv"
    write_csv(people, rows)
    result = CliRunner().invoke(main, ["match", "--people", str(people), "--out",
                                       str(tmp_path / "out.csv"), "--registry", str(registry),
                                       *options])
    assert result.exit_code != 0
    assert not (tmp_path / "out.csv").exists()
    return result


@pytest.mark.django_db
def test_match_writes_matches_with_explanations(tmp_path, registry):
    from zorko.audit.models import AuditEvent

    people = tmp_path / "people.csv"
    write_csv(people, [["Табельный номер", "Фамилия", "Имя", "Отчество", "Прежние фамилии", "ИНН"],
                       ["12", "Смирнова", "Анна", "Ефимовна", "Загорулько", ""],
                       ["13", "Петров", "Пётр", "Петрович", "", ""]])
    out = tmp_path / "matches.xlsx"
    result = CliRunner().invoke(main, ["match", "--people", str(people), "--out", str(out),
                                       "--registry", str(registry), "--region", "42"])
    assert result.exit_code == 0, result.output
    assert "Проверено людей: 2; найдено в реестре: 1; совпадений: 1" in result.output
    sheet = load_workbook(out).active
    header, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    record = dict(zip(header, row, strict=True))
    assert record["ключ"] == "строка 2 (таб. № 12)"
    assert record["совпала_фамилия"] == "прежняя" and record["реестр_фамилия"] == "Загорулько"
    assert "прежняя фамилия «загорулько» совпадает" in record["пояснение"]
    assert AuditEvent.objects.filter(action="matching.export").count() == 1


@pytest.mark.django_db
def test_bad_inn_is_reported_with_row_and_column(tmp_path, registry):
    result = refused(tmp_path, registry, [["Фамилия", "Имя", "ИНН"], ["Смирнова", "Анна", "123"]])
    assert result.exit_code == 2
    assert "people.csv" in result.output and "строка 2" in result.output
    assert "инн" in result.output.lower()


@pytest.mark.django_db
def test_region_may_be_written_by_name(tmp_path, registry):
    people = tmp_path / "people.csv"
    write_csv(people, [["Фамилия", "Имя", "Отчество", "Регион"],
                       ["Загорулько", "Анна", "Ефимовна", "Кемеровская обл. - Кузбасс"],
                       ["Загорулько", "Анна", "Ефимовна", "г. Москва"]])
    out = tmp_path / "matches.csv"
    result = CliRunner().invoke(main, ["match", "--people", str(people), "--out", str(out),
                                       "--registry", str(registry), "--threshold", "0"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as fh:
        rows = {r["ключ"]: r for r in csv.DictReader(fh, delimiter=";")}
    home, moscow = rows["строка 2"], rows["строка 3"]
    assert "человек живёт в регионе 42" in home["пояснение"]
    assert "человек живёт в регионе 77" in moscow["пояснение"]
    assert float(home["вероятность"].replace(",", ".")) > float(
        moscow["вероятность"].replace(",", "."))


@pytest.mark.django_db
def test_unknown_region_is_reported_with_row_and_column(tmp_path, registry):
    rows = [["Фамилия", "Имя", "Регион"], ["Смирнова", "Анна", "Атлантида"]]
    result = refused(tmp_path, registry, rows)
    assert result.exit_code == 2
    assert "строка 2" in result.output and "Атлантида" in result.output
    assert "Кемеровская область" in result.output
    bad_default = refused(tmp_path, registry, rows[:1] + [["Смирнова", "Анна", ""]],
                          "--region", "Гондор")
    assert "Регион «Гондор» не распознан" in bad_default.output
