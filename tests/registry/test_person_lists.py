"""The loss-of-trust register and the НПД status list: files in, store rows, bad files refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.cli_process import initialised, zorko
from tests.registry_tables import store_rows as rows
from zorko.exceptions import ImportFailed
from zorko.registry import loader
from zorko.registry.importers import loss_of_trust, npd

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REGISTER_CSV = FIXTURES / "loss_of_trust" / "reestr_utrata_doveriya.csv"
REGISTER_XLSX = FIXTURES / "loss_of_trust" / "reestr_utrata_doveriya.xlsx"
NPD_CSV = FIXTURES / "npd" / "npd_statuses.csv"


@pytest.mark.parametrize(("path", "first_row"), [(REGISTER_CSV, 3), (REGISTER_XLSX, 5)])
def test_register_is_read_below_its_title_from_csv_and_xlsx(path: Path, first_row: int) -> None:
    people = list(loss_of_trust.parse([path]))
    assert [p.full_name for p in people] == ["Сидоренко Павел Игоревич", "Кравец Ольга Николаевна",
                                             "Мамедов Руслан Эльдар оглы", "Грошева Анна Сергеевна"]
    first = people[0]
    assert first.row == first_row
    assert (first.last_name, first.first_name, first.middle_name) == ("Сидоренко", "Павел", "Игоревич")
    assert first.organisation == "Администрация Беловского муниципального округа"
    assert first.position == "Начальник отдела муниципального заказа"
    assert first.dismissed_on == date(2023, 3, 14)
    assert first.ground == "п. 2 ч. 1 ст. 27.1 Федерального закона от 02.03.2007 № 25-ФЗ"
    assert (first.included_on, first.excluded_on) == (date(2023, 4, 3), None)
    excluded = people[2]
    assert excluded.middle_name == "Эльдар оглы"
    assert excluded.excluded_on == date(2024, 7, 25)
    assert not excluded.listed_on(date(2026, 12, 5)) and first.listed_on(date(2026, 12, 5))


def test_register_load_replaces_the_list_and_reload_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "registry.duckdb"
    result = loader.load("loss_of_trust", [REGISTER_CSV], db_path=db)
    assert (result.totals.records, result.totals.added) == (4, 4)
    assert rows(db, """SELECT full_name, dismissed_on::VARCHAR, excluded_on::VARCHAR FROM loss_of_trust
                       ORDER BY full_name""") == [
        ("Грошева Анна Сергеевна", "2024-01-30", None), ("Кравец Ольга Николаевна", "2021-11-22", None),
        ("Мамедов Руслан Эльдар оглы", "2019-07-05", "2024-07-25"),
        ("Сидоренко Павел Игоревич", "2023-03-14", None)]
    assert rows(db, "SELECT extract_date::VARCHAR FROM loads") == [("2024-07-25",)]
    again = loader.load("loss_of_trust", [REGISTER_XLSX], db_path=db)
    assert (again.totals.added, again.totals.changed, again.totals.unchanged) == (0, 0, 4)
    assert rows(db, "SELECT count(*) FROM loss_of_trust") == [(4,)]


def _bad_register(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "reestr.csv"
    path.write_bytes(REGISTER_CSV.read_text(encoding="cp1251").replace(old, new).encode("cp1251"))
    return path


@pytest.mark.parametrize(("old", "new", "line", "field", "reason"), [
    ("14.03.2023", "14 марта", 3, "Дата увольнения", "«14 марта» не является датой"),
    ("Кравец Ольга Николаевна", "", 4, "ФИО", "значение обязательно"),
    ("25.07.2019;25.07.2024", "25.07.2019;25.07.2018", 5, "Дата исключения из реестра",
     "дата исключения из реестра раньше даты включения"),
    ("Фамилия, имя, отчество", "Сотрудник", 2, None, "нет столбца «ФИО»"),
])
def test_bad_register_is_refused_with_row_and_column_and_nothing_written(
        tmp_path: Path, old: str, new: str, line: int, field: str | None, reason: str) -> None:
    db = tmp_path / "registry.duckdb"
    loader.load("loss_of_trust", [REGISTER_CSV], db_path=db)
    with pytest.raises(ImportFailed) as caught:
        loader.load("loss_of_trust", [_bad_register(tmp_path, old, new)], db_path=db)
    assert caught.value.file.endswith("reestr.csv")
    assert (caught.value.line, caught.value.field) == (line, field)
    assert reason in str(caught.value)
    assert rows(db, "SELECT count(*) FROM loss_of_trust") == [(4,)]
    assert rows(db, "SELECT count(*) FROM loads") == [(1,)]


def test_npd_list_is_read_and_loaded() -> None:
    statuses = list(npd.parse([NPD_CSV]))
    assert [(s.inn, s.status, s.status_on, s.row) for s in statuses] == [
        ("420512345675", True, date(2026, 12, 1), 3), ("420565432160", False, date(2026, 12, 1), 4),
        ("421100011192", True, date(2026, 11, 20), 5)]


@pytest.mark.parametrize(("old", "new", "field", "reason"), [
    ("420565432160", "420565432161", "ИНН", "ИНН"),
    ("не является", "возможно", "Статус", "ожидалось «да» или «нет»"),
])
def test_bad_npd_list_is_refused(tmp_path: Path, old: str, new: str, field: str, reason: str) -> None:
    path = tmp_path / "npd.csv"
    path.write_text(NPD_CSV.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    db = tmp_path / "registry.duckdb"
    with pytest.raises(ImportFailed) as caught:
        loader.load("npd", [path], db_path=db)
    assert (caught.value.line, caught.value.field) == (4, field)
    assert reason in str(caught.value)
    assert rows(db, "SELECT count(*) FROM npd_status") == [(0,)]


def test_cli_loads_both_lists_as_a_process(tmp_path: Path) -> None:
    data = initialised(tmp_path / "data")
    done = zorko(data, "registry", "load", "loss_of_trust", str(REGISTER_XLSX))
    assert done.returncode == 0, done.stderr
    assert "Реестр лиц, уволенных в связи с утратой доверия: файлов 1" in done.stdout
    assert "добавлено 4" in done.stdout
    npd_done = zorko(data, "registry", "load", "npd", str(NPD_CSV))
    assert npd_done.returncode == 0 and "добавлено 3" in npd_done.stdout
    status = zorko(data, "registry", "status").stdout
    assert "уволенных в связи с утратой доверия 4" in status and "статусов НПД 3" in status
    bad = tmp_path / "bad.csv"
    bad.write_bytes(REGISTER_CSV.read_text(encoding="cp1251").replace("14.03.2023", "14 марта").encode("cp1251"))
    refused = zorko(data, "registry", "load", "loss_of_trust", str(bad))
    assert refused.returncode == 2
    assert "строка 3" in refused.stdout + refused.stderr


def test_broken_xlsx_and_a_file_without_a_header_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "reestr.xlsx"
    broken.write_bytes(REGISTER_XLSX.read_bytes()[:2000])
    with pytest.raises(ImportFailed, match="не является книгой Excel"):
        list(loss_of_trust.parse([broken]))
    headless = tmp_path / "list.csv"
    headless.write_text("Иванов Иван;01.01.2020\nПетров Пётр;02.02.2021\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="не найдена строка заголовка") as caught:
        list(loss_of_trust.parse([headless]))
    assert caught.value.line == 1
