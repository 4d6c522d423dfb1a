"""Campaign statuses around the deadline (29 April, 30 April, 1 May) and the уточнённая window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tests.declarations.factory import income, store
from zorko.declarations.campaign import Status, build, correction_deadline, not_filed_by, running
from zorko.people.models import Position, Servant

pytestmark = pytest.mark.django_db
YEAR = 2025
AFTER = date(2026, 7, 1)


@pytest.fixture
def listed(make_servant: Callable[..., Any]) -> Callable[..., Any]:
    position = Position.objects.create(name="Начальник отдела", declaration_required=True)

    def make(last: str, **fields: Any) -> Any:
        fields.setdefault("position", position)
        return make_servant(last, "Иван", "Иванович", **fields)

    return make


def _row(servant: Any, today: date = AFTER) -> Any:
    return next(r for r in build(YEAR, today).rows if r.servant == servant)


@pytest.mark.parametrize(("filed", "status"), [
    (date(2026, 4, 29), Status.ON_TIME), (date(2026, 4, 30), Status.ON_TIME), (date(2026, 5, 1), Status.LATE),
])
def test_status_around_30_april(listed: Callable[..., Any], filed: date, status: Status) -> None:
    servant = listed("Петров")
    store(servant, YEAR, income(1), signed_on=filed)
    assert _row(servant).status == status


def test_not_filed_is_pending_until_the_deadline_then_missing(listed: Callable[..., Any]) -> None:
    servant = listed("Сидоров")
    assert _row(servant, date(2026, 4, 30)).status == Status.PENDING
    assert _row(servant, date(2026, 5, 1)).status == Status.MISSING


@pytest.mark.parametrize(("corrected", "in_time"), [(date(2026, 5, 30), True), (date(2026, 5, 31), False)])
def test_correction_window_is_one_month(listed: Callable[..., Any], corrected: date, in_time: bool) -> None:
    servant = listed("Кузнецов")
    store(servant, YEAR, income(1), signed_on=date(2026, 4, 20))
    store(servant, YEAR, income(2), correction=True, signed_on=corrected)
    row = _row(servant)
    assert (row.status, row.corrected_on, row.correction_in_time) == (Status.ON_TIME, corrected, in_time)
    assert correction_deadline(YEAR) == date(2026, 5, 30)


def test_who_must_file_and_counts(listed: Callable[..., Any], make_servant: Callable[..., Any]) -> None:
    head = make_servant("Директоров", category=Servant.Category.INSTITUTION_HEAD)
    deputy = make_servant("Депутатов", category=Servant.Category.MUNICIPAL_OFFICE)
    clerk = make_servant("Писарев")  # no listed position, no category
    listed("Новиков", hired_on=date(2026, 2, 1))  # hired after the reporting year
    listed("Уволенный", status=Servant.Status.DISMISSED)
    store(head, YEAR, income(1), signed_on=date(2026, 3, 1))
    campaign = build(YEAR, AFTER)
    assert {r.servant for r in campaign.rows} == {head, deputy}
    assert clerk not in {r.servant for r in campaign.rows}
    assert (campaign.total.must, campaign.total.on_time, campaign.total.not_filed) == (2, 1, 1)
    (org_counts,) = campaign.by_organisation.values()
    assert org_counts.must == 2 and org_counts.on_time_percent == 50.0
    assert campaign.by_category["руководитель муниципального учреждения"].on_time == 1
    assert build(YEAR, AFTER, category=Servant.Category.MUNICIPAL_OFFICE).total.must == 1


def test_reminders_go_to_those_without_a_справка_by_the_date(listed: Callable[..., Any]) -> None:
    early, late, never = listed("Ранний"), listed("Поздний"), listed("Никогда")
    store(early, YEAR, income(1), signed_on=date(2026, 4, 1))
    store(late, YEAR, income(1), signed_on=date(2026, 4, 25))
    assert not_filed_by(YEAR, date(2026, 4, 15)) == sorted([late, never], key=lambda s: s.last_name)


def test_campaign_runs_from_january_to_the_end_of_the_correction_window() -> None:
    assert not running(YEAR, date(2025, 12, 31))
    assert running(YEAR, date(2026, 1, 1)) and running(YEAR, date(2026, 5, 30))
    assert not running(YEAR, date(2026, 5, 31))


def test_category_filter_separates_the_list_from_the_categories(listed: Callable[..., Any],
                                                                   make_servant: Callable[..., Any]) -> None:
    from zorko.declarations.campaign import LISTED

    by_position = listed("Позиционный")
    head = make_servant("Директоров", category=Servant.Category.INSTITUTION_HEAD)
    assert [r.servant for r in build(YEAR, AFTER, category=LISTED).rows] == [by_position]
    assert [r.servant for r in build(YEAR, AFTER, category=Servant.Category.INSTITUTION_HEAD).rows] == [head]
    assert build(YEAR, AFTER).total.must == 2
