"""Identifiers with check digits: accepted when valid, refused with a message naming them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError

from zorko import identifiers
from zorko.exceptions import ValidationError
from zorko.people.models import Organisation, Servant


@pytest.mark.parametrize("value", ["7707083893", "500100732259", " 7707-083893 ", "7707083893.0"])
def test_valid_inn_is_accepted(value: str) -> None:
    assert identifiers.check_inn(value) is None


@pytest.mark.parametrize("value, words", [
    ("7707083894", "контрольные цифры"),     # 10 digits, last one wrong
    ("500100732258", "контрольные цифры"),   # 12 digits, last one wrong
    ("500100732269", "контрольные цифры"),   # 12 digits, 11th wrong
    ("77070838", "10 или 12 цифр"),
    ("770708389A", "только из цифр"),
])
def test_invalid_inn_is_refused_naming_inn(value: str, words: str) -> None:
    message = identifiers.check_inn(value)
    assert message is not None and message.startswith("ИНН") and words in message


def test_inn_kind_is_checked() -> None:
    assert "12" in identifiers.check_inn("7707083893", person=True)
    assert "10" in identifiers.check_inn("500100732259", person=False)


def test_ogrn_and_ogrnip() -> None:
    assert identifiers.check_ogrn("1027700132195") is None
    assert identifiers.check_ogrn("1027700132196").startswith("ОГРН «")
    assert "13 цифр" in identifiers.check_ogrn("102770013219")
    assert identifiers.check_ogrnip("304500116000157") is None
    assert identifiers.check_ogrnip("304500116000158").startswith("ОГРНИП")
    assert "15 цифр" in identifiers.check_ogrnip("1027700132195")


def test_snils() -> None:
    assert identifiers.check_snils("112-233-445 95") is None
    assert identifiers.check_snils("11223344595") is None
    assert "контрольная сумма" in identifiers.check_snils("112-233-445 96")
    assert identifiers.check_snils("1122334459").startswith("СНИЛС")


def test_validate_raises_zorko_error_and_returns_clean_value() -> None:
    assert identifiers.validate_snils("112-233-445 95") == "11223344595"
    with pytest.raises(ValidationError, match="ИНН"):
        identifiers.validate_inn("7707083894")


def test_generated_identifiers_are_valid() -> None:
    assert identifiers.check_inn(identifiers.make_inn("4205123456", person=True), person=True) is None
    assert identifiers.check_inn(identifiers.make_inn("425000101", person=False), person=False) is None
    assert identifiers.check_ogrn(identifiers.make_ogrn("102420000101")) is None
    assert identifiers.check_ogrnip(identifiers.make_ogrnip("30442050000012")) is None
    assert identifiers.check_snils(identifiers.make_snils("123456789")) is None


@pytest.mark.django_db
def test_models_refuse_invalid_identifiers(organisation: Organisation) -> None:
    servant = Servant(personnel_number="1", last_name="Иванов", first_name="Иван",
                      organisation=organisation, inn="7707083893", snils="11223344596")
    with pytest.raises(DjangoValidationError) as caught:
        servant.full_clean()
    errors = caught.value.message_dict
    assert "ИНН" in errors["inn"][0] and "12" in errors["inn"][0]
    assert "СНИЛС" in errors["snils"][0]
    org = Organisation(name="Тест", inn="7707083894", ogrn="1027700132196", kpp="12")
    with pytest.raises(DjangoValidationError) as caught:
        org.full_clean()
    assert set(caught.value.message_dict) == {"inn", "ogrn", "kpp"}
    assert "ОГРН" in caught.value.message_dict["ogrn"][0]
