"""Registration numbers that run per year: the next free one, safe when two people register at once.

Two transactions may read the same maximum; the unique constraint on the
number refuses the second insert, which then takes the next number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.db.models import Max

M = TypeVar("M", bound=models.Model)
ATTEMPTS = 5


def create_numbered(model: type[M], scope: dict[str, Any], create: Callable[[int], M]) -> M:
    """Call ``create(number)`` with the next number among ``model`` rows matching ``scope``."""
    for attempt in range(ATTEMPTS):
        taken = model._default_manager.filter(**scope).aggregate(n=Max("number"))["n"] or 0
        try:
            with transaction.atomic():
                return create(int(taken) + 1)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
