"""The program part of the demo: a training year, KPI 1 partly met, every status, a submitted quarter."""

from __future__ import annotations

from datetime import date

import pytest

from zorko.demo.people_build import build_demo
from zorko.demo.program import build_program_demo
from zorko.program import training
from zorko.program.models import (
    ControlPointMark,
    Event,
    MonitoringReport,
    Participant,
    PlanEntry,
    PreventiveTalk,
    TrainingCourse,
)
from zorko.program.status import statuses

pytestmark = pytest.mark.django_db


def _counts() -> list[int]:
    return [m.objects.count() for m in (TrainingCourse, Participant, PlanEntry, Event, PreventiveTalk,
                                        ControlPointMark, MonitoringReport)]


def test_demo_program_year_is_complete_and_idempotent() -> None:
    build_demo(seed=3, servants=150)
    today = date(date.today().year, 12, 5)
    lines = build_program_demo(seed=3, today=today)
    assert any(line.startswith(f"Обучение {today.year}: контракт №") for line in lines)
    course = TrainingCourse.objects.get()
    assert course.contract_number and course.contract_price and course.contract_date
    months = training.monthly(today.year, today)
    assert months[4].met is True and months[9].met is False  # May met, October not
    assert {r.status for r in statuses(today.year, today)} == {"done", "in_progress", "not_started", "overdue"}
    submitted = MonitoringReport.objects.get()
    assert (submitted.quarter, submitted.status) == (3, "submitted")
    before = _counts()
    assert build_program_demo(seed=3, today=today) == [line for line in lines if "Мониторинг" not in line]
    assert _counts() == before
