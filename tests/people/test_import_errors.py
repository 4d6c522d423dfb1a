"""Bad input: nothing is written and every problem is reported with file, row, column, value."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.people.helpers import RELATIVES_CSV, SERVANTS_CSV, nothing_written, variant
from zorko.exceptions import InputFileError, InputProblem
from zorko.people.importing import import_people

pytestmark = pytest.mark.django_db


def problems_of(servants: Path, relatives: Path | None = None) -> list[InputProblem]:
    with pytest.raises(InputFileError) as caught:
        import_people(servants, relatives)
    assert nothing_written()
    assert "Ничего не записано" in str(caught.value)
    return caught.value.problems


def where(problems: list[InputProblem]) -> set[tuple]:
    return {(p.file, p.row, p.column, p.value) for p in problems}


def test_every_bad_value_in_both_files_is_reported(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV,
                       ("420512345675", "420512345676"),   # row 2: wrong ИНН check digit
                       ("02.11.1979", "31.02.1979"),       # row 3: no such date
                       ("20.05.1990", "1990/05/20"),       # row 4: wrong date format
                       ("45678912344", "45678912345"))     # row 5: wrong СНИЛС checksum
    relatives = variant(tmp_path, RELATIVES_CSV,
                        ("1001;мать", "1001;кузина"),       # row 3: unknown kinship
                        ("1004;брат", "9999;брат"))         # row 8: unknown servant
    problems = problems_of(servants, relatives)
    assert where(problems) == {
        ("servants_cp1251.csv", 2, "инн", "420512345676"),
        ("servants_cp1251.csv", 3, "дата_рождения", "31.02.1979"),
        ("servants_cp1251.csv", 4, "дата_рождения", "1990/05/20"),
        ("servants_cp1251.csv", 5, "снилс", "45678912345"),
        ("relatives_cp1251.csv", 3, "родство", "кузина"),
        ("relatives_cp1251.csv", 8, "табельный_номер", "9999"),
    }
    reasons = {p.column: p.reason for p in problems}
    assert "ИНН" in reasons["инн"] and "контрольные" in reasons["инн"]
    assert "СНИЛС" in reasons["снилс"]
    assert "степень родства" in reasons["родство"]
    assert "не найден" in reasons["табельный_номер"]


def test_bad_identifier_of_a_relative(tmp_path: Path) -> None:
    relatives = variant(tmp_path, RELATIVES_CSV, ("420533344471", "4205333444"))
    [problem] = problems_of(SERVANTS_CSV, relatives)
    assert (problem.row, problem.column) == (5, "инн")
    assert "ИНН «4205333444» должен содержать 12 цифр" in problem.reason


def test_status_and_dates_are_checked(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, (";кандидат;", ";в отпуске;"),
                       ("10.01.2015;31.12.2024", "10.01.2015;31.12.2014"))
    problems = problems_of(servants)
    assert {(p.row, p.column) for p in problems} == {(4, "статус"), (5, "дата_увольнения")}


def test_duplicate_personnel_number(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, ("1002;", "1001;"))
    [problem] = problems_of(servants)
    assert (problem.row, problem.column, problem.value) == (3, "табельный_номер", "1001")
    assert "строке 2" in problem.reason


def test_wrong_encoding(tmp_path: Path) -> None:
    utf16 = variant(tmp_path, SERVANTS_CSV, encoding="utf-16", name="utf16.csv")
    [problem] = problems_of(utf16)
    assert problem.file == "utf16.csv" and "UTF-16" in problem.reason
    koi8 = variant(tmp_path, SERVANTS_CSV, encoding="koi8-r", name="koi8.csv")
    [problem] = problems_of(koi8)
    assert problem.file == "koi8.csv" and "UTF-8 или Windows-1251" in problem.reason


def test_empty_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert [p.reason for p in problems_of(empty)] == ["файл пуст"]
    header_only = tmp_path / "header.csv"
    header_only.write_text(RELATIVES_CSV.read_text(encoding="cp1251").splitlines()[0] + "\n",
                           encoding="cp1251")
    [problem] = problems_of(SERVANTS_CSV, header_only)
    assert "нет ни одной строки" in problem.reason and problem.file == "header.csv"


def test_missing_and_unknown_columns(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, ("табельный_номер;фамилия;имя;", "таб_номер;фамилия;имя;"))
    problems = problems_of(servants)
    assert ("servants_cp1251.csv", 1, "таб_номер", None) in where(problems)
    assert ("servants_cp1251.csv", 1, "табельный_номер", None) in where(problems)
    missing = next(p for p in problems if p.column == "табельный_номер")
    assert missing.reason == "нет обязательного столбца"


def test_unknown_column_does_not_hide_row_errors(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, (";email", ";email;примечание"),
                       ("14.03.1985", "14.13.1985"))
    assert {(p.row, p.column) for p in problems_of(servants)} == {(1, "примечание"),
                                                                 (2, "дата_рождения")}


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    [problem] = problems_of(broken)
    assert "XLSX" in problem.reason


def test_missing_file(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "нет.csv")
    assert problem.reason == "файл не найден"


def test_error_message_names_file_row_and_field(tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, ("420512345675", "420512345676"))
    with pytest.raises(InputFileError) as caught:
        import_people(servants)
    assert "servants_cp1251.csv, строка 2, поле «инн» (значение «420512345676»)" in str(caught.value)


def test_row_numbers_are_those_of_the_spreadsheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Список сотрудников на 01.03.2026"  # a title above the header
    sheet.append([])
    sheet.append(["табельный_номер", "фамилия", "имя", "организация", "дата_рождения"])
    sheet.append(["1", "Иванов", "Иван", "Школа № 1", "01.01.1980"])
    sheet.append([])  # an empty row in the middle is skipped but still counted
    sheet.append(["2", "Петров", "Пётр", "Школа № 1", "01.13.1980"])
    workbook.save(tmp_path / "titled.xlsx")
    [problem] = problems_of(tmp_path / "titled.xlsx")
    assert (problem.row, problem.column, problem.value) == (6, "дата_рождения", "01.13.1980")
