"""``{{ name|genitive }}``: a month's name after «на конец»."""

from __future__ import annotations

from django import template

from zorko.calendar_ru import genitive as month_genitive

register = template.Library()


@register.filter
def genitive(month: int | str) -> str:
    return month_genitive(month)
