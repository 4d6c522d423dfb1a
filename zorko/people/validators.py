"""Django field validators over :mod:`zorko.identifiers`.

Model fields and forms refuse an invalid identifier with a Russian message
that names it (ИНН, ОГРН, КПП, СНИЛС); the import uses the same checks.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from zorko import identifiers


def _refuse(message: str | None) -> None:
    if message:
        raise ValidationError(message, code="invalid")


def validate_person_inn(value: str) -> None:
    """A person's ИНН: 12 digits with two check digits."""
    if value:
        _refuse(identifiers.check_inn(value, person=True))


def validate_company_inn(value: str) -> None:
    """An organisation's ИНН: 10 digits with a check digit."""
    if value:
        _refuse(identifiers.check_inn(value, person=False))


def validate_ogrn(value: str) -> None:
    if value:
        _refuse(identifiers.check_ogrn(value))


def validate_kpp(value: str) -> None:
    if value:
        _refuse(identifiers.check_kpp(value))


def validate_snils(value: str) -> None:
    if value:
        _refuse(identifiers.check_snils(value))
