"""ЕИС 44-ФЗ contracts: real export samples, synthetic old/current schemas, bad input."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zorko.exceptions import ImportFailed
from zorko.registry.importers.eis_contracts import parse

EIS = Path(__file__).resolve().parents[1] / "fixtures" / "eis"
SYNTHETIC = EIS / "synthetic"


def one(path: Path):
    contracts = list(parse([path]))
    assert len(contracts) == 1
    return contracts[0]


def test_export_6_3_with_legal_entity_supplier() -> None:
    c = one(EIS / "contract_2366200608816001262_30400522.xml")
    assert c.reg_num == "2366200608816001262"
    assert c.sign_date == date(2016, 11, 21)
    assert c.price == Decimal("1207680.35")
    assert c.currency == "RUB"
    assert c.law == "44-ФЗ"
    assert c.customer_inn == "3662006088"
    assert c.customer_kpp == "366201001"
    assert c.customer_name.startswith("БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ ЗДРАВООХРАНЕНИЯ ВОРОНЕЖСКОЙ ОБЛАСТИ")
    [s] = c.suppliers
    assert (s.kind, s.inn, s.kpp) == ("company", "6829057730", "682901001")
    assert s.name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "Р-ЛАБ"'


def test_export_6_2_takes_contract_price_not_product_prices() -> None:
    c = one(EIS / "contract_2381103776916000030_27318511.xml")
    assert c.reg_num == "2381103776916000030"
    assert c.sign_date == date(2016, 4, 5)
    assert c.price == Decimal("1456000.00")
    assert c.customer_inn == "3811037769"
    [s] = c.suppliers
    assert s.inn == "3810026179"
    assert s.name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "РЕГИОНАЛЬНЫЙ ЦЕНТР ЗМЗ"'
    assert c.subject.startswith("Цилиндр тормозной; Двигатель бензиновый")


def test_export_7_0_with_empty_supplier_list() -> None:
    c = one(EIS / "contract_2510205003117000004_31762298.xml")
    assert c.reg_num == "2510205003117000004"
    assert c.sign_date == date(2017, 1, 9)
    assert c.price == Decimal("214562.64")
    assert c.customer_inn == "5102050031"
    assert c.suppliers == []


def test_export_6_0_municipal_customer() -> None:
    c = one(EIS / "contract_3312100001816000003_25649142.xml")
    assert c.reg_num == "3312100001816000003"
    assert c.sign_date == date(2016, 1, 22)
    assert c.price == Decimal("6987268.99")
    assert c.customer_inn == "3121000018"
    assert c.customer_name == 'АДМИНИСТРАЦИЯ МУНИЦИПАЛЬНОГО РАЙОНА "ЯКОВЛЕВСКИЙ РАЙОН" БЕЛГОРОДСКОЙ ОБЛАСТИ'
    [s] = c.suppliers
    assert (s.inn, s.kpp) == ("6901067107", "312302001")
    assert s.name == 'Филиал ПАО "МРСК Центра" - "Белгородэнерго"'


def test_old_schema_contract_root() -> None:
    c = one(SYNTHETIC / "old_schema_contract.xml")
    assert c.reg_num == "0139300000113000001"
    assert c.sign_date == date(2013, 5, 20)
    assert c.price == Decimal("150000.50")
    assert (c.customer_inn, c.customer_kpp) == ("4205000016", "420501001")
    company, person = c.suppliers
    assert (company.kind, company.inn, company.name) == (
        "company", "4205000023", 'ООО "ВЫМЫШЛЕННАЯ КАНЦЕЛЯРИЯ"')
    assert (person.kind, person.inn, person.name) == (
        "entrepreneur", "420500010160", "Тестов Пётр Сидорович")


def test_current_schema_suppliers_info_in_other_namespaces() -> None:
    c = one(SYNTHETIC / "current_schema_contract.xml")
    assert c.reg_num == "3420500003024000007"
    assert c.price == Decimal("98765.43")
    assert c.subject == "Поставка вымышленных товаров"
    assert c.customer_ogrn == "1024200000032"
    company, entrepreneur = c.suppliers
    assert (company.kind, company.inn, company.kpp, company.ogrn) == (
        "company", "7700000048", "770001001", "1027700000041")
    assert (entrepreneur.kind, entrepreneur.inn, entrepreneur.ogrn, entrepreneur.name) == (
        "entrepreneur", "420500010233", "304420500000013", "Выдумкина Алёна Игоревна")


def test_folder_and_zip_give_the_same_contracts(tmp_path: Path) -> None:
    archive = tmp_path / "contracts.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for xml in sorted(EIS.glob("*.xml")):
            zf.write(xml, f"2016/{xml.name}")
        zf.writestr("2016/readme.txt", "not a contract")
    from_zip = [c.reg_num for c in parse([archive])]
    from_folder = [c.reg_num for c in parse([EIS]) if "synthetic" not in c.file]
    assert from_zip == from_folder
    assert len(from_zip) == 4
    assert len(list(parse([EIS]))) == 6  # four real exports and two synthetic files


def test_malformed_xml_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<export>\n<contract>\n'
                   "<regNum>1</regNum>\n<signDate>2020-01-01</signDat>\n</contract></export>\n",
                   encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        list(parse([bad]))
    assert Path(err.value.file).name == "broken.xml"
    assert err.value.line == 5
    assert "broken.xml, строка 5" in str(err.value)


def test_unknown_root_element(tmp_path: Path) -> None:
    other = tmp_path / "notice.xml"
    other.write_text('<?xml version="1.0"?>\n<fcsNotificationEF><id>1</id></fcsNotificationEF>',
                     encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        list(parse([other]))
    assert "неизвестный корневой элемент «fcsNotificationEF»" in str(err.value)
    assert err.value.line == 2


def test_wrong_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "cp1251.xml"
    bad.write_bytes('<?xml version="1.0" encoding="UTF-8"?>\n<contract>\n<regNum>1</regNum>\n'
                    "<customer><fullName>Администрация</fullName></customer></contract>"
                    .encode("windows-1251"))
    with pytest.raises(ImportFailed) as err:
        list(parse([bad]))
    assert "неверная кодировка" in str(err.value)
    assert err.value.line == 4


def test_truncated_file_and_archive(tmp_path: Path) -> None:
    data = (EIS / "contract_3312100001816000003_25649142.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailed, match="обрезан"):
        list(parse([cut]))
    archive = tmp_path / "cut.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.xml", data)
    archive.write_bytes(archive.read_bytes()[:200])
    with pytest.raises(ImportFailed, match="архив повреждён"):
        list(parse([archive]))


def test_missing_reg_num_and_bad_price(tmp_path: Path) -> None:
    no_number = tmp_path / "no_number.xml"
    no_number.write_text("<export>\n<contract>\n<signDate>2020-01-01</signDate>\n</contract>\n"
                         "</export>", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        list(parse([no_number]))
    assert (err.value.field, err.value.line) == ("regNum", 2)
    bad_price = tmp_path / "bad_price.xml"
    bad_price.write_text("<contract>\n<regNum>1</regNum>\n<price>двести</price>\n</contract>",
                         encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        list(parse([bad_price]))
    assert (err.value.field, err.value.line) == ("price", 3)
    assert "«двести»" in str(err.value)
