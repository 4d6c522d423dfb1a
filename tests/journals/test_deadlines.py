"""Each journal's legal deadline at its edges, on the Russian production calendar (holidays library)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zorko.exceptions import ValidationError
from zorko.journals.models import Kind
from zorko.journals.rules import former_servant_check, needs_handover
from zorko.journals.services import extend_review
from zorko.journals.workdays import add_working_days, is_working_day, next_working_day

pytestmark = pytest.mark.django_db


def test_calendar_knows_transfers_and_working_saturdays() -> None:
    assert not is_working_day(date(2026, 12, 31))  # day off moved from 4 January 2026
    assert not is_working_day(date(2026, 3, 9))  # 8 March fell on a Sunday
    assert is_working_day(date(2027, 2, 20))  # a Saturday made a working day
    assert not is_working_day(date(2027, 2, 22))  # the day off it was swapped for
    assert next_working_day(date(2027, 2, 19)) == date(2027, 2, 20)


def test_interest_review_is_seven_working_days_across_new_year(make_entry) -> None:
    entry = make_entry(Kind.INTEREST, date(2026, 12, 25))
    # 28, 29, 30 December; 31 December and 1–10 January are days off; then 11–14 January.
    assert entry.deadline == date(2027, 1, 14) == add_working_days(date(2026, 12, 25), 7)


def test_interest_review_extension_is_capped(make_entry) -> None:
    entry = make_entry(Kind.INTEREST, date(2026, 12, 25))
    with pytest.raises(ValidationError, match="не дальше 13.02.2027"):
        extend_review(entry, date(2027, 2, 14), "запрос в налоговый орган", None)
    with pytest.raises(ValidationError, match="основание"):
        extend_review(entry, date(2027, 2, 13), " ", None)
    extend_review(entry, date(2027, 2, 13), "запрос в налоговый орган", None)
    assert entry.due == date(2027, 2, 13)


def test_inducement_is_registered_by_the_next_working_day(make_entry) -> None:
    on_time = make_entry(Kind.INDUCEMENT, date(2026, 12, 30), registered_on=date(2027, 1, 11))
    assert on_time.deadline == date(2027, 1, 11) and on_time.late_note == ""
    late = make_entry(Kind.INDUCEMENT, date(2026, 12, 30), registered_on=date(2027, 1, 12))
    assert "зарегистрировано позже следующего рабочего дня (11.01.2027)" in late.late_note


def test_inducement_notice_due_the_next_working_day_even_a_working_saturday(make_entry) -> None:
    assert make_entry(Kind.INDUCEMENT, date(2027, 2, 20), event_on=date(2027, 2, 19)).late_note == ""
    late = make_entry(Kind.INDUCEMENT, date(2027, 2, 24), event_on=date(2027, 2, 19))
    assert "уведомление подано позже следующего рабочего дня (20.02.2027)" in late.late_note


def test_gift_notice_three_working_days_skipping_the_observed_holiday(make_entry) -> None:
    # 5 March 2026 is a Thursday: 6 March, (9 March off), 10 and 11 March.
    assert make_entry(Kind.GIFT, date(2026, 3, 11), event_on=date(2026, 3, 5)).late_note == ""
    late = make_entry(Kind.GIFT, date(2026, 3, 12), event_on=date(2026, 3, 5))
    assert "срок 11.03.2026" in late.late_note


def test_gift_over_the_threshold_is_handed_over_in_five_working_days(make_entry, monkeypatch) -> None:
    at_threshold = make_entry(Kind.GIFT, date(2026, 4, 30), event_on=date(2026, 4, 29), gift_value=Decimal("3000"))
    assert not needs_handover(at_threshold) and at_threshold.deadline is None
    over = make_entry(Kind.GIFT, date(2026, 4, 30), event_on=date(2026, 4, 29), gift_value=Decimal("3000.01"))
    # 1 May is a holiday: 4, 5, 6, 7, 8 May.
    assert needs_handover(over) and over.deadline == date(2026, 5, 8)
    monkeypatch.setenv("ZORKO_GIFT_THRESHOLD", "5 000")
    assert not needs_handover(over)


def test_employer_message_ten_days_and_two_year_window(make_entry, make_servant) -> None:
    former = make_servant(dismissed_on=date(2024, 6, 1), status="dismissed")
    on_time = make_entry(Kind.EMPLOYER_MESSAGE, date(2026, 6, 11), servant=former, event_on=date(2026, 6, 1),
                         employer_name="ООО «Ромашка»", supervised_employer=True)
    assert on_time.late_note == ""
    check = former_servant_check(on_time)
    assert check.in_window and check.consent_needed and check.window_end == date(2026, 6, 1)
    outside = make_entry(Kind.EMPLOYER_MESSAGE, date(2026, 6, 12), servant=former, event_on=date(2026, 6, 2),
                      employer_name="ООО «Ромашка»", supervised_employer=True)
    assert outside.late_note == "" and not former_servant_check(outside).in_window
    assert not former_servant_check(outside).consent_needed
    later = make_entry(Kind.EMPLOYER_MESSAGE, date(2026, 6, 13), servant=former, event_on=date(2026, 6, 2))
    assert "позже 10 дней" in later.late_note


def test_paid_work_notice_must_precede_the_work(make_entry) -> None:
    before = make_entry(Kind.PAID_WORK, date(2026, 9, 30), start_on=date(2026, 10, 1), employer_name="МБОУ СОШ № 1")
    assert before.late_note == "" and before.deadline == date(2026, 10, 1)
    same_day = make_entry(Kind.PAID_WORK, date(2026, 10, 1), start_on=date(2026, 10, 1), employer_name="МБОУ СОШ № 1")
    assert "не до начала работы" in same_day.late_note
