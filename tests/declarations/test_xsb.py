"""The .xsb reader: every section, files the writer did not make, damaged files."""

from __future__ import annotations

import base64
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.declarations.factory import declaration, income, item
from zorko.declarations import xsb
from zorko.declarations.records import Member, Person, Section
from zorko.declarations.xsb_writer import pack, to_xml
from zorko.exceptions import InputFileError

PACKER = Path(__file__).with_name("pack_xml.py")
HAND_WRITTEN = FIXTURES / "declarations" / "hand_written.xml"
ANNA = Person("Рукописная", "Анна", "Сергеевна", date(1979, 3, 14), "11223344595")


def full_declaration() -> object:
    return declaration(
        ANNA, 2025,
        income(1_250_000.5),
        item(Section.EXPENSE, "Квартира", 5_000_000, basis="Ипотека",
             extra={"sources": [{"kind": "Кредит", "amount": "4000000"}]}),
        item(Section.REAL_ESTATE, "Квартира", area=Decimal("61.4"), country="Россия", ownership="Долевая",
             share="1/2", basis="Договор купли-продажи", co_owners=[{"name": "Петров Олег", "inn": "420500000000", "birth_date": "1975-02-03"}]),
        item(Section.VEHICLE, "Автомобиль легковой", name="Лада Веста", ownership="Индивидуальная",
             extra={"year": "2019"}),
        item(Section.ACCOUNT, "Текущий", 35_210.17, name="ПАО Сбербанк", extra={"currency": "Рубль"}),
        item(Section.SHARE, "ООО", 10_000, name="ООО «Ромашка»", inn="4205012345", ogrn="1024200000001", share="25 %"),
        item(Section.SECURITY, "Облигация", 50_000, name="ПАО «Эмитент»", inn="7707083893"),
        item(Section.DIGITAL_ASSET, "Цифровая валюта", 120_000, name="Биткоин", extra={"quantity": "0.01"}),
        item(Section.OBLIGATION, "Заем", 300_000, name="ООО «Кредитор»", inn="4205054321", ogrn="1024200000002",
             extra={"role": "кредитор"}),
        correction=True, signed_on=date(2026, 5, 12),
    )


def test_every_section_survives_the_round_trip() -> None:
    original = full_declaration()
    (read,) = xsb.read(pack(to_xml([original])), "анна.xsb")
    assert read == original


def test_hand_written_file_packed_by_a_separate_script(tmp_path: Path) -> None:
    out = tmp_path / "рукописная.xsb"
    subprocess.run([sys.executable, str(PACKER), str(HAND_WRITTEN), str(out)], check=True)
    own, child = xsb.read(out.read_bytes(), out.name)
    assert (own.year, own.member, own.person.full_name, own.person.snils) == (
        2025, Member.DECLARANT, "Рукописная Анна Сергеевна", "11223344595")
    assert (own.correction, own.signed_on) == (False, date(2026, 4, 29))
    by_section = {s: own.section(s) for s in Section}
    assert [i.amount for i in by_section[Section.INCOME]] == [Decimal("1250000.50"), Decimal("15000")]
    assert by_section[Section.EXPENSE][0].basis == "Накопления за предыдущие годы"
    flat = by_section[Section.REAL_ESTATE][0]
    assert (flat.kind, flat.area, flat.share, flat.co_owners[0]["inn"]) == ("Квартира", Decimal("61.4"), "1/2",
                                                                            "420500000000")
    assert by_section[Section.VEHICLE][0].name == "Лада Веста"
    assert by_section[Section.ACCOUNT][0].amount == Decimal("35210.17")
    assert (by_section[Section.SHARE][0].inn, by_section[Section.SHARE][0].ogrn) == ("4205012345", "1024200000001")
    assert by_section[Section.SECURITY][0].name == "ПАО «Эмитент»"
    assert by_section[Section.DIGITAL_ASSET][0].name == "Биткоин"
    assert by_section[Section.OBLIGATION][0].inn == "4205054321"
    assert (child.member, child.person.full_name) == (Member.CHILD, "Рукописный Егор Олегович")


def _damaged(kind: str) -> bytes:
    good = pack(to_xml([full_declaration()]))
    xml = to_xml([full_declaration()])
    return {
        "truncated": good[: len(good) // 2 + 3],
        "not base64": good[:6] + b"this is not base64 at all!",
        "utf-8 inside": good[:6] + base64.b64encode(xml.encode("utf-8")),
        "broken xml": pack(xml[: len(xml) // 2]),
        "other root": pack("<Документ/>"),
        "empty": b"XSB001",
    }[kind]


@pytest.mark.parametrize(("kind", "reason"), [
    ("truncated", "файл повреждён"), ("not base64", "base64"), ("utf-8 inside", "UTF-32LE"),
    ("broken xml", "ошибка XML"), ("other root", "это не пакет"), ("empty", "пуст"),
])
def test_damaged_file_is_refused_with_its_name_and_reason(kind: str, reason: str) -> None:
    with pytest.raises(InputFileError) as err:
        xsb.read(_damaged(kind), "испорченный.xsb")
    assert "испорченный.xsb" in str(err.value) and reason in str(err.value)


def test_a_bad_value_names_the_справка_and_the_field() -> None:
    xml = to_xml([declaration(ANNA, 2025, income(1000))]).replace("1000", "тысяча")
    with pytest.raises(InputFileError) as err:
        xsb.read(pack(xml), "анна.xsb")
    assert "анна.xsb, справка № 1, поле «Доходы/ВеличинаДохода» (значение «тысяча»)" in str(err.value)
