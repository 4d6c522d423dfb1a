"""Contracts, FtM and ФНС lists through the loader: rows in the store, idempotency, rollback."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from zorko.exceptions import ImportFailed
from zorko.registry import loader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EIS = FIXTURES / "eis"
FNS = FIXTURES / "fns"
FTM = FIXTURES / "ftm" / "ru_egrul_sample.jsonl"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "registry.duckdb"


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_contracts_load_and_reload(db: Path) -> None:
    first = loader.load("contracts", [EIS], db_path=db)
    assert (first.totals.records, first.totals.added) == (6, 6)
    assert rows(db, "SELECT count(*) FROM contracts") == [(6,)]
    assert rows(db, "SELECT count(*) FROM contract_suppliers") == [(7,)]
    assert rows(db, """SELECT sign_date::VARCHAR, price, customer_inn, law FROM contracts
                       WHERE reg_num = '3312100001816000003'""") == [
        ("2016-01-22", Decimal("6987268.99"), "3121000018", "44-ФЗ")]
    assert rows(db, """SELECT supplier_kind, supplier_inn, supplier_name FROM contract_suppliers
                       WHERE reg_num = '3312100001816000003'""") == [
        ("company", "6901067107", 'Филиал ПАО "МРСК Центра" - "Белгородэнерго"')]
    assert rows(db, """SELECT first_seen::VARCHAR, last_seen::VARCHAR FROM contracts
                       WHERE reg_num = '2366200608816001262'""") == [("2016-11-21", "2016-11-21")]
    before = rows(db, "SELECT * FROM contracts ORDER BY reg_num")
    again = loader.load("contracts", [EIS], db_path=db)
    assert again.totals.added == 0 and again.totals.changed == 0
    assert all(f.skipped for f in again.files)
    assert rows(db, "SELECT * FROM contracts ORDER BY reg_num") == before


def test_newer_contract_version_replaces_suppliers(db: Path, tmp_path: Path) -> None:
    source = (EIS / "synthetic" / "current_schema_contract.xml").read_text(encoding="utf-8")
    v1 = tmp_path / "v1.xml"
    v1.write_text(source.replace("<c:signDate>", "<c:publishDate>2024-03-02T10:00:00</c:publishDate>"
                                 "<c:signDate>"), encoding="utf-8")
    v2 = tmp_path / "v2.xml"
    v2.write_text(v1.read_text(encoding="utf-8").replace("2024-03-02T10", "2024-04-01T10")
                  .replace("98765.43", "90000.00"), encoding="utf-8")
    loader.load("contracts", [v1], db_path=db)
    result = loader.load("contracts", [v2], db_path=db)
    assert (result.totals.added, result.totals.changed) == (0, 1)
    assert rows(db, "SELECT price, first_seen::VARCHAR, last_seen::VARCHAR FROM contracts") == [
        (Decimal("90000.00"), "2024-03-02", "2024-04-01")]
    assert rows(db, "SELECT count(*) FROM contract_suppliers") == [(2,)]


def test_bad_contract_file_rolls_back_the_whole_load(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(EIS / "contract_3312100001816000003_25649142.xml", folder / "a.xml")
    (folder / "b.xml").write_text("<export><contract><regNum>1</regNum>\n<price>x</price>"
                                  "</contract></export>", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        loader.load("contracts", [folder], db_path=db)
    assert err.value.line == 2 and err.value.field == "price"
    assert rows(db, "SELECT count(*) FROM contracts") == [(0,)]
    assert rows(db, "SELECT count(*) FROM loads") == [(0,)]


def test_ftm_load_resolves_links(db: Path) -> None:
    result = loader.load("ftm", [FTM], db_path=db)
    assert result.totals.added == 5  # four companies with ОГРН and one entrepreneur
    assert rows(db, "SELECT ogrn, region, terminated_on::VARCHAR FROM companies ORDER BY ogrn") == [
        ("1024200000010", "42", None), ("1024200000021", "42", "2020-05-01"),
        ("1024200000032", "42", None), ("1027700000041", "77", None)]
    assert rows(db, """SELECT full_name, short_name, address_norm FROM companies
                       WHERE ogrn = '1024200000010'""") == [(
        'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ВЫМЫШЛЕННАЯ КАНЦЕЛЯРИЯ"',
        'ООО "ВЫМЫШЛЕННАЯ КАНЦЕЛЯРИЯ"', "обл кемеровская г кемерово ул выдуманная 1")]
    assert rows(db, """SELECT subject_ogrn, role, last_name, inn, share_percent, title,
                              since::VARCHAR, unreliable
                       FROM person_roles WHERE subject_kind = 'company' ORDER BY ALL""") == [
        ("1024200000010", "director", "Тестов", "420500010160", None, "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР",
         "2015-03-01", False),
        ("1024200000010", "founder", "Выдумкина", None, 40.0, None, None, True),
        ("1024200000010", "founder", "Тестов", "420500010160", 60.0, None, "2015-03-01", False),
        ("1024200000021", "director", "ПРИМЕРОВ", None, None, "ЛИКВИДАТОР", "2019-11-11", False),
        ("1024200000021", "founder", "Тестов", "420500010160", 50.0, None, "2010-01-20", False),
    ]
    assert rows(db, """SELECT subject_ogrn, owner_kind, owner_inn, owner_name, share_percent
                       FROM company_owners ORDER BY ALL""") == [
        ("1024200000021", "УчрЮЛРос", "7700000048", 'АО "ХОЛДИНГ ДЛЯ ТЕСТОВ"', 50.0),
        ("1024200000032", "УчрРФСубМО", None, "Муниципальное образование Тестовый округ", 100.0),
        ("1027700000041", "УчрЮЛИн", None, "EXAMPLE HOLDINGS LTD", 100.0),
    ]
    assert rows(db, "SELECT ogrnip, inn, region FROM entrepreneurs") == [
        ("304420500000013", "420500010233", "42")]
    assert rows(db, "SELECT role, title FROM person_roles WHERE subject_kind = 'entrepreneur'") == [
        ("entrepreneur", "Индивидуальный предприниматель")]


def test_ftm_reload_changes_nothing_and_a_changed_file_counts_changes(db: Path,
                                                                      tmp_path: Path) -> None:
    loader.load("ftm", [FTM], db_path=db)
    before = rows(db, "SELECT * FROM companies ORDER BY ogrn")
    copy = tmp_path / "same_content_other_name.jsonl"
    copy.write_bytes(FTM.read_bytes() + b"\n")  # another checksum, the same entities
    result = loader.load("ftm", [copy], db_path=db)
    assert (result.totals.added, result.totals.changed, result.totals.unchanged) == (0, 0, 5)
    assert rows(db, "SELECT * FROM companies ORDER BY ogrn") == before
    changed = tmp_path / "changed.jsonl"
    changed.write_text(FTM.read_text(encoding="utf-8").replace('"percentage": ["60"]',
                                                               '"percentage": ["65"]'),
                       encoding="utf-8")
    result = loader.load("ftm", [changed], db_path=db)
    assert (result.totals.added, result.totals.changed) == (0, 1)
    assert rows(db, """SELECT share_percent FROM person_roles
                       WHERE inn = '420500010160' AND subject_ogrn = '1024200000010'
                         AND role = 'founder'""") == [(65.0,)]
    assert rows(db, "SELECT count(*) FROM person_roles") == [(6,)]


def test_disqualified_list_is_replaced_not_appended(db: Path, tmp_path: Path) -> None:
    result = loader.load("disqualified", [FNS / "disqualified_cp1251.csv"], db_path=db)
    assert (result.totals.records, result.totals.added) == (3, 3)
    assert rows(db, """SELECT last_name, first_name, middle_name, birth_date::VARCHAR,
                              organisation_inn, ends_on::VARCHAR
                       FROM disqualified ORDER BY last_name LIMIT 1""") == [
        ("ВЫДУМКИН", "ПЁТР", "СЕРГЕЕВИЧ", "1970-02-01", "4205000200", "2026-03-14")]
    again = loader.load("disqualified", [FNS / "disqualified_cp1251.csv"], db_path=db)
    assert all(f.skipped for f in again.files)
    # The next month's list has one person fewer: the store follows it.
    result = loader.load("disqualified", [FNS / "disqualified_utf8.csv"], db_path=db)
    assert (result.totals.records, result.totals.added, result.totals.unchanged) == (1, 0, 1)
    assert rows(db, "SELECT full_name FROM disqualified") == [("ВЫДУМКИН ПЁТР СЕРГЕЕВИЧ",)]


def test_mass_lists_replace_each_kind_separately(db: Path, tmp_path: Path) -> None:
    loader.load("mass", sorted(FNS.glob("mas*.csv")), db_path=db)
    assert rows(db, "SELECT kind, count(*) FROM mass_persons GROUP BY kind ORDER BY kind") == [
        ("director", 3), ("founder", 2)]
    assert rows(db, """SELECT address_norm, companies FROM mass_addresses
                       ORDER BY companies DESC LIMIT 1""") == [
        ("г москва пр-кт тестовый 2 стр 1", 104)]
    newer = tmp_path / "masuchr_2026.csv"
    newer.write_text("ИНН,ФИО,Количество ЮЛ\n420500030381,УЧРЕДИТЕЛЕВ ФИКТИВНЫЙ ПЕТРОВИЧ,30\n",
                     encoding="utf-8")
    result = loader.load("mass", [newer], db_path=db)
    assert (result.totals.added, result.totals.changed) == (0, 1)
    assert rows(db, "SELECT kind, count(*) FROM mass_persons GROUP BY kind ORDER BY kind") == [
        ("director", 3), ("founder", 1)]
    assert rows(db, "SELECT count(*) FROM mass_addresses") == [(3,)]


def test_bad_list_row_rolls_back(db: Path, tmp_path: Path) -> None:
    loader.load("mass", [FNS / "masruk_cp1251.csv"], db_path=db)
    bad = tmp_path / "masruk_new.csv"
    bad.write_text("G1;G2;G3\n420500030060;ТЕСТОВ ТЕСТ;3\n123;ПЛОХОЙ ИНН;4\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        loader.load("mass", [bad], db_path=db)
    assert (err.value.line, err.value.field) == (3, "G1 ИНН")
    assert rows(db, "SELECT count(*) FROM mass_persons") == [(3,)]
