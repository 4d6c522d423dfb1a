"""Parsing and checking one cell of a people file; each returns a value or a Russian reason."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from zorko import identifiers

_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?")
_FORMER = re.compile(r"^(?P<name>[^()]+?)\s*(?:\(\s*(?:до\s*)?(?P<date>[\d.\-]+)\s*\))?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NAME = re.compile(r"^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' .\-‐–—]*$")

STATUSES = {"служащий": "servant", "служащая": "servant", "работает": "servant",
            "кандидат": "candidate", "уволен": "dismissed", "уволена": "dismissed",
            "уволенный": "dismissed"}


class Invalid(Exception):
    """A cell value is wrong; the message is the Russian reason."""


def parse_date(value: Any, *, earliest: int = 1900) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        result = value
    else:
        text = str(value).strip()
        match = _DATE.fullmatch(text)
        iso = _ISO_DATE.fullmatch(text)
        try:
            if match:
                result = dt.date(int(match[3]), int(match[2]), int(match[1]))
            elif iso:
                result = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            else:
                raise Invalid("дата должна быть в формате ДД.ММ.ГГГГ")
        except ValueError as exc:
            raise Invalid("такой даты не существует") from exc
    if result.year < earliest:
        raise Invalid(f"дата раньше {earliest} года")
    if result > dt.date.today() + dt.timedelta(days=366):
        raise Invalid("дата слишком далеко в будущем")
    return result


def parse_birth_date(value: Any) -> dt.date | None:
    result = parse_date(value)
    if result is not None and result > dt.date.today():
        raise Invalid("дата рождения в будущем")
    return result


NAME_LIMIT = 100  # the model's max_length: PostgreSQL refuses longer, SQLite would keep it


def parse_name(value: Any, *, required: bool) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        if required:
            raise Invalid("обязательное поле не заполнено")
        return ""
    if len(text) > NAME_LIMIT:
        raise Invalid(f"слишком длинное значение (больше {NAME_LIMIT} знаков)")
    if not _NAME.fullmatch(text):
        raise Invalid("допустимы только буквы, пробел, дефис и апостроф")
    return text


def _digits(value: Any, width: int) -> str:
    """A number cell loses leading zeros (ИНН of region 01, СНИЛС 012-…); put them back."""
    if isinstance(value, int) and len(str(value)) < width:
        return str(value).zfill(width)
    return str(value)


def parse_person_inn(value: Any) -> str:
    if value in (None, ""):
        return ""
    value = _digits(value, 12)
    error = identifiers.check_inn(str(value), person=True)
    if error:
        raise Invalid(error)
    return identifiers.clean(value)


def parse_company_inn(value: Any) -> str:
    if value in (None, ""):
        return ""
    value = _digits(value, 10)
    error = identifiers.check_inn(str(value), person=False)
    if error:
        raise Invalid(error)
    return identifiers.clean(value)


def parse_snils(value: Any) -> str:
    if value in (None, ""):
        return ""
    value = _digits(value, 11)
    error = identifiers.check_snils(str(value))
    if error:
        raise Invalid(error)
    return identifiers.clean(value)


def parse_status(value: Any) -> str:
    text = str(value or "").strip().lower()
    if not text:
        return "servant"
    if text not in STATUSES:
        raise Invalid("статус должен быть одним из: служащий, кандидат, уволен")
    return STATUSES[text]


def parse_former_names(value: Any) -> list[dict[str, Any]]:
    """«Петрова (до 12.06.2015); Сидорова» → [{"last_name": "Петрова", ...}, ...]."""
    result = []
    for part in str(value or "").split(";"):
        part = " ".join(part.split())
        if not part:
            continue
        match = _FORMER.match(part)
        if not match:
            raise Invalid("прежняя фамилия записана неверно; пример: Петрова (до 12.06.2015)")
        words = match["name"].split(" ")
        for word in words:
            parse_name(word, required=True)
        changed_on = parse_date(match["date"]) if match["date"] else None
        result.append({
            "last_name": words[0],
            "first_name": words[1] if len(words) > 1 else "",
            "middle_name": " ".join(words[2:]),
            "changed_on": changed_on.isoformat() if changed_on else None,
        })
    return result


def parse_emails(value: Any) -> str:
    parts = [p for p in re.split(r"[;,\s]+", str(value or "").strip()) if p]
    if len(", ".join(parts)) > 300:
        raise Invalid("слишком длинное значение (больше 300 знаков)")
    for part in parts:
        if not _EMAIL.fullmatch(part):
            raise Invalid(f"«{part}» не похож на адрес электронной почты")
    return ", ".join(parts)


def parse_phones(value: Any) -> str:
    text = parse_text(value, limit=200)
    if text and not re.search(r"\d{5}", re.sub(r"[\s()\-+]", "", text)):
        raise Invalid("в номере телефона должно быть не меньше 5 цифр")
    return text


def parse_text(value: Any, *, required: bool = False, limit: int = 500) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise Invalid("обязательное поле не заполнено")
    if len(text) > limit:
        raise Invalid(f"слишком длинное значение (больше {limit} знаков)")
    return text


def parse_personnel_number(value: Any) -> str:
    text = parse_text(value, required=True, limit=50)
    return text
