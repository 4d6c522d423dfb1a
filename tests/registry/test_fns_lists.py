"""ФНС open-data lists: synthetic files in the published shape, both encodings, bad rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from zorko.exceptions import ImportFailed
from zorko.registry.importers.fns_lists import (
    MassAddress,
    MassPerson,
    parse_disqualified,
    parse_mass,
)

FNS = Path(__file__).resolve().parents[1] / "fixtures" / "fns"


def test_disqualified_windows_1251_semicolon_with_g_codes() -> None:
    people = list(parse_disqualified([FNS / "disqualified_cp1251.csv"]))
    assert [p.row for p in people] == [2, 3, 4]
    first = people[0]
    assert (first.last_name, first.first_name, first.middle_name) == (
        "ВЫДУМКИН", "ПЁТР", "СЕРГЕЕВИЧ")
    assert first.birth_date == date(1970, 2, 1)
    assert first.organisation == 'ООО "ТЕСТОВАЯ ФИРМА"'
    assert first.organisation_inn == "4205000200"
    assert first.position == "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР"
    assert first.article == "ч.5 ст.14.25"
    assert first.term == "1 ГОД"
    assert (first.starts_on, first.ends_on) == (date(2025, 3, 15), date(2026, 3, 14))
    # A quoted «;» inside a value does not split the row.
    assert people[1].organisation == 'АО "ПРИМЕР; И КО"'
    # Optional columns may be empty; a double surname stays whole.
    third = people[2]
    assert (third.last_name, third.first_name, third.middle_name) == (
        "ТЕСТОВ-ОБРАЗЦОВ", "ИВАН", None)
    assert third.birth_date is None and third.organisation_inn is None


def test_disqualified_utf8_comma_with_russian_titles() -> None:
    [person] = parse_disqualified([FNS / "disqualified_utf8.csv"])
    assert person.full_name == "ВЫДУМКИН ПЁТР СЕРГЕЕВИЧ"
    assert person.judge_name == "НЕСУЩЕСТВУЮЩАЯ А.А."
    assert person.ends_on == date(2026, 3, 14)


def test_mass_lists_told_apart_by_file_name_and_header() -> None:
    records = list(parse_mass(sorted(FNS.glob("mas*.csv"))))
    addresses = [r for r in records if isinstance(r, MassAddress)]
    people = [r for r in records if isinstance(r, MassPerson)]
    assert len(addresses) == 3
    assert [(p.kind, p.inn, p.companies) for p in people] == [
        ("director", "420500030060", 12), ("director", "420500030134", 7),
        ("director", "420500030208", 5), ("founder", "420500030381", 25),
        ("founder", "420500030455", 11),
    ]
    assert (people[3].last_name, people[3].first_name, people[3].middle_name) == (
        "УЧРЕДИТЕЛЕВ", "ФИКТИВНЫЙ", "ПЕТРОВИЧ")
    kemerovo = addresses[0]
    assert kemerovo.companies == 57
    assert kemerovo.address_norm == "обл кемеровская г кемерово ул выдуманная 1"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_bad_date_names_file_row_and_column(tmp_path: Path) -> None:
    header = ";".join(f"G{i}" for i in range(1, 15))
    row = ";".join(["1", "ТЕСТОВ ТЕСТ", "31.02.1970"] + [""] * 11)
    path = write(tmp_path, "rdl.csv", f"{header}\n{row}\n", "windows-1251")
    with pytest.raises(ImportFailed) as err:
        list(parse_disqualified([path]))
    message = str(err.value)
    assert "rdl.csv, строка 2, поле «G3 Дата рождения»" in message
    assert "«31.02.1970» не является датой" in message


def test_bad_inn_and_missing_name(tmp_path: Path) -> None:
    header = ";".join(f"G{i}" for i in range(1, 15))
    good = ";".join(["1", "ТЕСТОВ ТЕСТ", "01.01.1970", "", "ООО", "4205000200"] + [""] * 8)
    bad_inn = ";".join(["2", "ТЕСТОВ ТЕСТ", "01.01.1970", "", "ООО", "4205000201"] + [""] * 8)
    path = write(tmp_path, "rdl.csv", f"{header}\n{good}\n{bad_inn}\n")
    with pytest.raises(ImportFailed) as err:
        list(parse_disqualified([path]))
    assert (err.value.line, err.value.field) == (3, "G6 ИНН организации")
    assert "неверные контрольные цифры" in str(err.value)
    no_name = ";".join(["3", ""] + [""] * 12)
    path = write(tmp_path, "rdl2.csv", f"{header}\n{no_name}\n")
    with pytest.raises(ImportFailed, match="строка 2, поле «G2 ФИО дисквалифицированного лица»"):
        list(parse_disqualified([path]))


def test_mass_person_count_and_unknown_list(tmp_path: Path) -> None:
    path = write(tmp_path, "masruk.csv", "G1;G2;G3\n420500030060;ТЕСТОВ ТЕСТ;много\n")
    with pytest.raises(ImportFailed) as err:
        list(parse_mass([path]))
    assert (err.value.line, err.value.field) == (2, "G3 Количество юридических лиц")
    unknown = write(tmp_path, "list.csv", "G1;G2;G3\n420500030060;ТЕСТОВ ТЕСТ;3\n")
    with pytest.raises(ImportFailed, match="не удалось определить вид списка"):
        list(parse_mass([unknown]))
    assert [r.kind for r in parse_mass([unknown], kind="founder")] == ["founder"]


def test_encoding_switch_mid_file(tmp_path: Path) -> None:
    # Starts as valid UTF-8, then a row saved in windows-1251: reported with its row.
    # (3000 rows so that the sniffed start of the file is all UTF-8.)
    good = "420500030060;ТЕСТОВ ТЕСТ;3\n" * 3000
    bad = "420500030134;ПРИМЕРОВ ПРИМЕР;4\n".encode("windows-1251")
    path = tmp_path / "masruk.csv"
    path.write_bytes(f"G1;G2;G3\n{good}".encode() + bad)
    with pytest.raises(ImportFailed) as err:
        list(parse_mass([path]))
    assert "неверная кодировка" in str(err.value)
    assert err.value.line == 3002
