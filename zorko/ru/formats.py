"""Russian dates and numbers, the one place every page, export, document and CLI line formats them.

ДД.ММ.ГГГГ dates, a comma before decimals and a non-breaking space between
thousands («1 695 612,71 руб.»), and the noun form a number takes.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

NBSP = "\u00a0"
_ISO_DAY = re.compile(r"(?<![\w/-])(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:?\d{2}|Z)?)?"
                      r"(?![\w/-])")
_DOT_AMOUNT = re.compile(r"(\d)\.(\d{2})(?=\s*(?:руб\.|₽))")
_BARE_AMOUNT = re.compile(r"(?<![\d.,])(\d{4,})(?=,\d{2}\s*(?:руб\.|₽))")


def _local(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value
    from django.utils import timezone

    local: datetime = timezone.localtime(value)
    return local


def date_ru(value: Any) -> str:
    """«05.12.2026» from a date, a datetime (in local time) or an ISO text; other text as it is."""
    if isinstance(value, datetime):
        return _local(value).strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    text = str(value or "")
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return f"{text[8:10]}.{text[5:7]}.{text[:4]}"
    return text


def datetime_ru(value: datetime | None, seconds: bool = False) -> str:
    if value is None:
        return ""
    return _local(value).strftime("%d.%m.%Y %H:%M:%S" if seconds else "%d.%m.%Y %H:%M")


def number_ru(value: Any, digits: int = 2) -> str:
    """«1 695 612,71» (non-breaking spaces); integers without decimals; text that is no number as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if isinstance(value, int) or (digits == 0):
        return f"{int(round(number)):,}".replace(",", NBSP)
    return f"{number:,.{digits}f}".replace(",", NBSP).replace(".", ",")


def score_ru(value: Any) -> str:
    """A score or probability: «0,85»."""
    return number_ru(value, 2)


def money_ru(value: Any) -> str:
    """«1 695 612,71 руб.»; text that is no number stays as written."""
    text = number_ru(value, 2)
    return f"{text}{NBSP}руб." if text and text[-1].isdigit() else text


def amounts_ru(text: str) -> str:
    """Amounts and dates in stored text the Russian way: «2302816.53 руб.» → «2 302 816,53 руб.»."""
    text = _DOT_AMOUNT.sub(r"\1,\2", text or "")
    text = _BARE_AMOUNT.sub(lambda m: f"{int(m.group(1)):,}".replace(",", NBSP), text)
    return iso_dates_ru(text)


def iso_dates_ru(text: str) -> str:
    """«2026-12-05» (and ISO timestamps) inside a text → «05.12.2026»."""
    return _ISO_DAY.sub(lambda m: f"{m.group(3)}.{m.group(2)}.{m.group(1)}", text or "")


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian noun form for a number: 1 срабатывание, 2 срабатывания, 5 срабатываний."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count_ru(n: int, one: str, few: str, many: str) -> str:
    """«5 срабатываний»."""
    return f"{number_ru(n, 0)} {plural(n, one, few, many)}"


# XLSX number formats are stored in the file's neutral notation («,» groups thousands, «.» ends the
# integer part); Russian Excel and LibreOffice show them as «# ##0,00» by the reader's locale.
XLSX_INTEGER = "#,##0"
XLSX_DECIMAL = "#,##0.00"
XLSX_DATE = "DD.MM.YYYY"
XLSX_DATETIME = "DD.MM.YYYY HH:MM"
