"""Address normalisation: spellings of one address compare equal, different ones don't."""

from __future__ import annotations

import pytest

from zorko.registry.addresses import normalize_address

SAME_PLACE = [
    "630099, Новосибирская обл., г. Новосибирск, ул. Ленина, д. 5, кв. 12",
    "630099, ОБЛ НОВОСИБИРСКАЯ, Г НОВОСИБИРСК, УЛИЦА ЛЕНИНА, ДОМ 5, КВАРТИРА 12",
    "Российская Федерация, Новосибирская область, город Новосибирск, Ленина ул, д5, кв12",
    "Россия, 630099, новосибирская обл, г.Новосибирск, ул.Ленина, 5, кв. 12",
    "НОВОСИБИРСКАЯ ОБЛ, Г НОВОСИБИРСК, УЛ ЛEНИНА, Д. 5, КВ. 12",  # Latin «E» in ЛEНИНА
]


@pytest.mark.parametrize("variant", SAME_PLACE)
def test_spellings_of_one_address_agree(variant: str) -> None:
    assert normalize_address(variant) == "обл новосибирская г новосибирск ул ленина 5 кв 12"


def test_yo_and_abbreviations() -> None:
    assert normalize_address("пос. Берёзовый, пер. Школьный, д. 3, корп. 2, стр. 1") == (
        normalize_address("поселок Березовый, переулок Школьный, дом 3, корпус 2, строение 1")
    )
    assert normalize_address("р-н Кемеровский, пр-кт Ленина, 1 к 2") == (
        "р-н кемеровский пр-кт ленина 1 корп 2"
    )
    assert normalize_address("Кемеровский район, проспект Ленина, 1 корпус 2") == (
        "р-н кемеровский пр-кт ленина 1 корп 2"
    )


def test_region_names_and_codes() -> None:
    kuzbass = normalize_address("Кемеровская область - Кузбасс, г. Кемерово, ул. Весенняя, 5")
    assert kuzbass == normalize_address("обл Кемеровская, г Кемерово, ул Весенняя, д 5")
    # ЕИС exports write the region code after the region name.
    assert normalize_address("392000, обл ТАМБОВСКАЯ 68, г ТАМБОВ, ул СОВЕТСКАЯ, 85А, 110") == (
        "обл тамбовская г тамбов ул советская 85а 110"
    )
    assert normalize_address("Республика Татарстан, г. Казань") == (
        normalize_address("респ. Татарстан, Казань г.")
    )


def test_different_addresses_stay_different() -> None:
    assert normalize_address("г. Кемерово, ул. Ленина, д. 5") != normalize_address(
        "г. Кемерово, ул. Ленина, д. 15"
    )
    assert normalize_address("г. Кемерово, ул. Ленина, д. 5, корп. 2") != normalize_address(
        "г. Кемерово, ул. Ленина, д. 2, корп. 5"
    )
    assert normalize_address("г. Кемерово, пр-кт Ленина, 5") != normalize_address(
        "г. Кемерово, ул. Ленина, 5"
    )


def test_empty_input() -> None:
    assert normalize_address(None) == ""
    assert normalize_address("  ") == ""
    assert normalize_address("Российская Федерация, 650000") == ""
