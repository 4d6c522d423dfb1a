"""Template filters of the registry pages: ISO dates from the store and source codes, for people."""

from __future__ import annotations

import re
from typing import Any

from django import template

from zorko.ru.formats import count_ru, number_ru

register = template.Library()

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?")


@register.filter
def iso_ru(value: Any) -> str:
    """«2026-11-28 13:41:01» → «28.11.2026 13:41», «2026-11-28» → «28.11.2026»; other values as they are."""
    text = "" if value is None else str(value)
    match = _ISO.match(text)
    if not match:
        return text
    year, month, day, hour, minute = match.groups()
    return f"{day}.{month}.{year}" + (f" {hour}:{minute}" if hour else "")


@register.filter
def source_title(code: str) -> str:
    from zorko.registry import sources

    return sources.SOURCES[code][0] if code in sources.SOURCES else code


@register.filter
def int_ru(value: Any) -> str:
    """A count with Russian thousands: «1 234 567»."""
    return number_ru(value, 0)


@register.filter
def count_files(value: int) -> str:
    """«1 файл», «3 файла», «250 файлов»."""
    return count_ru(int(value or 0), "файл", "файла", "файлов")
