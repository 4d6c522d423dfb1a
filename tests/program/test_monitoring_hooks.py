"""«Мониторинг-К» cells read the journals, the commission and the declaration campaign."""

from __future__ import annotations

from datetime import date

import pytest

from zorko.program.formulas import (
    Period,
    commission_decisions,
    commission_meetings,
    declarations_on_time,
    notices,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 5)


def _year(formula, **params):
    values = [formula(Period(2026, q), params) for q in (1, 2, 3, 4)]
    assert None not in values  # the area answers: «нет данных» only where it has none
    return sum(values)


def test_cells_count_what_the_journals_and_the_commission_hold():
    from zorko.commission.models import AgendaItem, Meeting
    from zorko.demo.journals import build_journals_demo
    from zorko.demo.people_build import build_demo
    from zorko.journals.models import JournalEntry

    build_demo(seed=1, servants=40)
    build_journals_demo(1, TODAY)
    entries = JournalEntry.objects.filter(received_on__year=2026)
    assert _year(notices) == entries.count() > 0
    gifts = entries.filter(kind="gift").count()
    assert _year(notices, kind="gift") == gifts
    held = Meeting.objects.filter(status="held", date__year=2026)
    assert _year(commission_meetings) == held.count() > 0
    decided = AgendaItem.objects.filter(meeting__in=held).exclude(decision="").count()
    assert _year(commission_decisions) == decided > 0


def test_declarations_cell_has_no_data_when_nobody_must_file():
    assert declarations_on_time(Period(2026, 2), {}) is None
