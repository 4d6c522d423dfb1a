"""Russian identifiers with check digits: ИНН, ОГРН, ОГРНИП, СНИЛС, КПП.

``check_*`` return an error message in Russian (or ``None`` when valid) so
that importers can collect every problem; ``validate_*`` raise.
"""

from __future__ import annotations

import re

from zorko.exceptions import ValidationError

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def clean(value: object) -> str:
    """Strip spaces, dashes and a float tail that spreadsheets add ("7701234567.0")."""
    text = "" if value is None else str(value).strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]
    return re.sub(r"[\s\-]", "", text)


def _digit(weights: tuple[int, ...], digits: str) -> int:
    return sum(w * int(d) for w, d in zip(weights, digits, strict=False)) % 11 % 10


def inn_checksum_ok(inn: str) -> bool:
    if not inn.isdigit():
        return False
    if len(inn) == 10:
        return _digit(_INN10_WEIGHTS, inn) == int(inn[9])
    if len(inn) == 12:
        return _digit(_INN12_WEIGHTS_1, inn) == int(inn[10]) and _digit(
            _INN12_WEIGHTS_2, inn
        ) == int(inn[11])
    return False


def check_inn(value: str, *, person: bool | None = None) -> str | None:
    """Error text for an invalid ИНН; ``person`` demands 12 digits, False demands 10."""
    inn = clean(value)
    if not inn.isdigit():
        return f"ИНН «{value}» должен состоять только из цифр"
    expected = {True: (12,), False: (10,), None: (10, 12)}[person]
    if len(inn) not in expected:
        want = " или ".join(str(n) for n in expected)
        return f"ИНН «{value}» должен содержать {want} цифр, а содержит {len(inn)}"
    if not inn_checksum_ok(inn):
        return f"ИНН «{value}»: неверные контрольные цифры"
    return None


def check_ogrn(value: str) -> str | None:
    ogrn = clean(value)
    if not ogrn.isdigit() or len(ogrn) != 13:
        return f"ОГРН «{value}» должен состоять из 13 цифр"
    if int(ogrn[:12]) % 11 % 10 != int(ogrn[12]):
        return f"ОГРН «{value}»: неверная контрольная цифра"
    return None


def check_ogrnip(value: str) -> str | None:
    ogrnip = clean(value)
    if not ogrnip.isdigit() or len(ogrnip) != 15:
        return f"ОГРНИП «{value}» должен состоять из 15 цифр"
    if int(ogrnip[:14]) % 13 % 10 != int(ogrnip[14]):
        return f"ОГРНИП «{value}»: неверная контрольная цифра"
    return None


def snils_checksum(first9: str) -> int:
    total = sum(int(d) * (9 - i) for i, d in enumerate(first9))
    while total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


def check_snils(value: str) -> str | None:
    snils = clean(value)
    if not snils.isdigit() or len(snils) != 11:
        return f"СНИЛС «{value}» должен состоять из 11 цифр"
    # Numbers up to 001-001-998 were issued before check digits existed.
    if int(snils[:9]) > 1001998 and snils_checksum(snils[:9]) != int(snils[9:]):
        return f"СНИЛС «{value}»: неверная контрольная сумма"
    return None


def check_kpp(value: str) -> str | None:
    kpp = clean(value)
    if not re.fullmatch(r"\d{4}[\dA-Z]{2}\d{3}", kpp):
        return f"КПП «{value}» должен состоять из 9 знаков"
    return None


def _raise_if(message: str | None, value: str) -> str:
    if message:
        raise ValidationError(message)
    return clean(value)


def validate_inn(value: str, *, person: bool | None = None) -> str:
    return _raise_if(check_inn(value, person=person), value)


def validate_ogrn(value: str) -> str:
    return _raise_if(check_ogrn(value), value)


def validate_ogrnip(value: str) -> str:
    return _raise_if(check_ogrnip(value), value)


def validate_snils(value: str) -> str:
    return _raise_if(check_snils(value), value)


def format_snils(value: str) -> str:
    s = clean(value)
    return f"{s[:3]}-{s[3:6]}-{s[6:9]} {s[9:]}" if len(s) == 11 else value


def inn_region(inn: str) -> str | None:
    """The two-digit region code of the tax office that issued the ИНН."""
    inn = clean(inn)
    return inn[:2] if len(inn) in (10, 12) and inn.isdigit() else None


def make_inn(prefix: str, *, person: bool) -> str:
    """Complete a prefix (10 or 9 digits) with valid check digits; for synthetic data."""
    if person:
        body = prefix[:10]
        d1 = _digit(_INN12_WEIGHTS_1, body)
        d2 = _digit(_INN12_WEIGHTS_2, body + str(d1))
        return f"{body}{d1}{d2}"
    body = prefix[:9]
    return f"{body}{_digit(_INN10_WEIGHTS, body)}"


def make_ogrn(prefix12: str) -> str:
    return f"{prefix12}{int(prefix12) % 11 % 10}"


def make_ogrnip(prefix14: str) -> str:
    return f"{prefix14}{int(prefix14) % 13 % 10}"


def make_snils(prefix9: str) -> str:
    return f"{prefix9}{snils_checksum(prefix9):02d}"
