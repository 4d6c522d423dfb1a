"""Factories for the program tests: courses with certificates, plan entries."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

_n = itertools.count(1)


@pytest.fixture
def course(db: Any) -> Any:
    from zorko.program.models import TrainingCourse

    return TrainingCourse.objects.create(year=2026, programme="Противодействие коррупции", provider="АНО ДПО",
                                         hours=36)


@pytest.fixture
def certify(course: Any) -> Callable[..., Any]:
    """Put a servant on the course with a certificate of the given day (None: no certificate yet)."""
    from zorko.program.models import Participant

    def make(servant: Any, day: date | None, category: str = "other") -> Any:
        return Participant.objects.create(course=course, servant=servant, category=category,
                                          certificate_date=day, certificate_number=f"У-{next(_n)}" if day else "")

    return make


@pytest.fixture
def plan(db: Any) -> Callable[..., Any]:
    from zorko.program.models import PlanEntry

    def make(servant: Any, category: str = "other", year: int = 2026, added_on: date = date(2026, 3, 1)) -> Any:
        return PlanEntry.objects.create(year=year, servant=servant, category=category, added_on=added_on)

    return make
