"""The year's figures for monitoring: meetings, cases by ground, breaches, measures, notices."""

from __future__ import annotations

from datetime import date

import pytest

from tests.commission.conftest import MEETING_DAY
from zorko.commission import meetings
from zorko.commission.cases import open_from_entry, open_from_finding
from zorko.commission.measures import apply_measure
from zorko.commission.summary import year_summary

pytestmark = pytest.mark.django_db


def test_year_summary_counts_what_was_decided(members, interest_entry, confirmed_finding) -> None:
    cases = [open_from_entry(interest_entry, None), open_from_finding(confirmed_finding, None)]
    meeting = meetings.schedule(MEETING_DAY, cases, None)
    meetings.hold(meeting, None)
    first, second = meeting.items.all()
    meetings.decide(first, "no_conflict", None, votes_for=6)
    meetings.decide(second, "not_complied", None, votes_for=6)
    second.case.refresh_from_db()
    apply_measure(second.case, "reprimand", "12-к", date(2026, 11, 25), None)
    s = year_summary(2026, today=date(2026, 12, 5))
    assert s.meetings == 1 and s.breaches == 1
    assert s.cases == [("несоблюдение требований к служебному поведению, конфликт интересов", 1),
                       ("уведомление о личной заинтересованности", 1)]
    assert s.measures == [("выговор", 1)]
    assert ("Уведомления о личной заинтересованности", 1, 0) in s.notices
    assert year_summary(2025).meetings == 0
