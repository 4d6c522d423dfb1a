"""The demo carries a year of monthly screenings: the KPI shows progress, not «0 %, не выполнен»."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from django.utils import timezone

from zorko.demo.kpi_history import build_screening_history
from zorko.demo.people_build import build_demo
from zorko.findings import kpi
from zorko.findings.models import ScreenedPerson

TODAY = date(2026, 12, 5)


@pytest.fixture
def history(db: Any) -> list[kpi.MonthKpi]:
    build_demo(seed=1, servants=80)
    build_screening_history(1, today=TODAY)
    return kpi.monthly(2026, now=timezone.make_aware(datetime(2026, 12, 5, 12)))


def test_past_months_follow_the_plan_with_one_month_behind(history: list[kpi.MonthKpi]) -> None:
    past = [m for m in history if 2 <= m.month <= 11]
    shares = [m.percent for m in past]
    assert all(s is not None and s > 0 for s in shares)
    assert shares == sorted(shares)  # nobody is un-checked by a later month
    assert [m.met for m in past].count(False) == 1
    assert past[-1].percent == 100.0 and past[-1].met
    assert history[0].checked == 0  # January: no plan, no history


def test_rerun_replaces_its_runs(history: list[kpi.MonthKpi]) -> None:
    before = ScreenedPerson.objects.count()
    build_screening_history(1, today=TODAY)
    assert ScreenedPerson.objects.count() == before
    again = kpi.monthly(2026, now=timezone.make_aware(datetime(2026, 12, 5, 12)))
    assert [m.checked for m in again] == [m.checked for m in history]


def test_kpi_page_names_the_month_in_the_genitive(history: list[kpi.MonthKpi], client_as: Any) -> None:
    html = client_as("viewer").get("/kpi/?year=2026&month=11").content.decode()
    assert "на конец ноября" in html and "месяца «" not in html
