"""ЕИС 223-ФЗ contract information: real publications, the shared contract tables, bad files."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.cli_process import initialised, zorko
from tests.registry_tables import store_rows as rows
from zorko.exceptions import ImportFailed
from zorko.registry import loader, lookup
from zorko.registry.importers.eis223 import parse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EIS223 = FIXTURES / "eis223"
OSSETIA = EIS223 / "contract_Severnaia_Osetiya_Alaniia_Resp_20150101_000000_20150131_235959_001.xml"
ADYGEYA = EIS223 / "contract_Adygeya_Resp_20191217_000000_20191217_235959_daily_001.xml"
ADYGEYSK = EIS223 / "contract_test2.xml"


def test_tff_3_5_contract_with_a_company_supplier() -> None:
    [c] = parse([OSSETIA])
    assert c.reg_num == "51511012960150000010000"
    assert c.law == "223-ФЗ"
    assert c.sign_date == date(2015, 1, 15)
    assert c.published == date(2015, 1, 16)
    assert c.price == Decimal("3984420")
    assert c.currency == "RUB"
    assert c.subject == "поставка авиационного керосина ТС-1"
    assert (c.customer_inn, c.customer_kpp, c.customer_ogrn) == ("1511012960", "151101001", "1041500801352")
    assert c.customer_name == 'Открытое акционерное общество  "Международный аэропорт Владикавказ"'
    [s] = c.suppliers
    assert (s.kind, s.inn, s.kpp) == ("company", "1513030845", "151101001")
    assert s.name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТОПЛИВОЗАПРАВОЧНАЯ КОМПАНИЯ АЭРОПОРТ"'


def test_tff_7_5_contract_takes_the_contract_price() -> None:
    [c] = parse([ADYGEYSK])
    assert c.reg_num == "50105018196180000870000"
    assert c.sign_date == date(2018, 5, 28)
    assert c.price == Decimal("317962.72")
    assert c.subject == "Сжиженный газ г. Адыгейск"
    assert c.customer_inn == "0105018196"
    assert [(s.kind, s.inn, s.name) for s in c.suppliers] == [
        ("company", "2310140001", 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "КУБАНСКАЯ НЕФТЕГАЗОВАЯ КОМПАНИЯ"')]


def test_tff_9_3_contract_without_supplier_data() -> None:
    [c] = parse([ADYGEYA])
    assert c.reg_num == "50105018196190002040000"
    assert c.sign_date == date(2019, 12, 16)
    assert c.price == Decimal("1750000")
    assert c.subject == "Поставка газа природного компримированного"
    assert c.suppliers == []


def test_folder_and_zip_give_the_same_contracts(tmp_path: Path) -> None:
    archive = tmp_path / "contract_223.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted(EIS223.glob("*.xml")):
            z.write(f, f.name)
    from_folder = sorted(c.reg_num for c in parse([EIS223]))
    assert from_folder == ["50105018196180000870000", "50105018196190002040000", "51511012960150000010000"]
    assert sorted(c.reg_num for c in parse([archive])) == from_folder


def test_both_laws_share_the_contract_tables_and_the_card_shows_the_law(tmp_path: Path) -> None:
    db = tmp_path / "registry.duckdb"
    loader.load("contracts", [FIXTURES / "eis"], db_path=db)
    result = loader.load("contracts223", [EIS223], db_path=db)
    assert (result.totals.records, result.totals.added) == (3, 3)
    assert rows(db, "SELECT law, count(*) FROM contracts GROUP BY law ORDER BY law") == [
        ("223-ФЗ", 3), ("44-ФЗ", 6)]
    assert rows(db, """SELECT supplier_kind, supplier_inn FROM contract_suppliers
                       WHERE reg_num = '51511012960150000010000'""") == [("company", "1513030845")]
    again = loader.load("contracts223", [EIS223], db_path=db)
    assert again.totals.added == 0 and all(f.skipped for f in again.files)
    [card] = lookup._contracts(duckdb.connect(str(db), read_only=True), "2310140001", None)
    assert (card["reg_num"], card["law"], card["price"]) == (
        "50105018196180000870000", "223-ФЗ", Decimal("317962.72"))


@pytest.mark.parametrize(("make", "reason", "line"), [
    (lambda: (FIXTURES / "eis" / "contract_2366200608816001262_30400522.xml").read_bytes(),
     "неизвестный корневой элемент «export»", 2),
    (lambda: ADYGEYSK.read_bytes().replace(b"<ns2:contractDate>2018-05-28",
                                           b"<ns2:contractDate>28.05.2018"),
     "дата «28.05.2018» не в формате ГГГГ-ММ-ДД", 120),
    (lambda: b"\n".join(ADYGEYSK.read_bytes().split(b"\n")[:150]), "файл обрезан", None),
    (lambda: b'<?xml version="1.0"?><contract><regNum>0123</regNum></contract>',
     "нет сведений о договоре по 223-ФЗ", 1),
])
def test_bad_file_is_refused_with_file_and_line_and_nothing_written(tmp_path: Path, make, reason: str,
                                                                    line: int | None) -> None:
    db = tmp_path / "registry.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.xml").write_bytes(OSSETIA.read_bytes())
    (folder / "b_bad.xml").write_bytes(make())
    with pytest.raises(ImportFailed) as caught:
        loader.load("contracts223", [folder], db_path=db)
    assert caught.value.file.endswith("b_bad.xml")
    assert reason in str(caught.value)
    if line is not None:
        assert caught.value.line == line
    assert rows(db, "SELECT count(*) FROM contracts") == [(0,)]
    assert rows(db, "SELECT count(*) FROM loads") == [(0,)]


def test_cli_loads_223_contracts_as_a_process(tmp_path: Path) -> None:
    data = initialised(tmp_path / "data")
    done = zorko(data, "registry", "load", "contracts223", str(EIS223))
    assert done.returncode == 0, done.stderr
    assert ("Договоры ЕИС (223-ФЗ): файлов 3 (без изменений пропущено 0), записей 3: добавлено 3"
            in done.stdout)
    status = zorko(data, "registry", "status")
    assert "Договоры ЕИС (223-ФЗ): последняя загрузка" in status.stdout
    assert "контрактов 3" in status.stdout
    refused = zorko(data, "registry", "load", "contracts223", str(FIXTURES / "eis"))
    assert refused.returncode == 2
    assert "строка 2: неизвестный корневой элемент «export»" in refused.stdout + refused.stderr
