"""The demo shows every journal, two meetings with cases from findings and notices, and one measure."""

from __future__ import annotations

from datetime import date

import pytest

from zorko.commission.models import Case, Measure, Meeting
from zorko.demo.journals import build_journals_demo
from zorko.demo.people_build import build_demo
from zorko.findings.models import Finding
from zorko.journals.models import JournalEntry, Kind

pytestmark = pytest.mark.django_db


def test_demo_covers_every_journal_and_the_commission(make_servant) -> None:
    build_demo(3, 40)
    servant = make_servant()
    for n in range(2):  # the screening's findings the demo refers to the commission
        Finding.objects.create(key=f"{n}" * 64, rule="relative_supplier", severity="high", score=0.9,
                               servant=servant, subject_kind="company", subject_ogrn=f"10242000000{n}6",
                               explanation="Родственник — учредитель поставщика", evidence={}, evidence_hash="h")
    summary = build_journals_demo(3, date(2026, 12, 5))
    assert {e.kind for e in JournalEntry.objects.all()} == set(Kind.values)
    received = JournalEntry.objects.values_list("received_on", flat=True)
    assert date(2025, 12, 5) <= min(received) and max(received) <= date(2026, 12, 5)
    assert Meeting.objects.filter(status="held").count() == 2
    assert Case.objects.filter(finding__isnull=False).count() == 2
    assert Case.objects.filter(journal_entry__isnull=False).count() == 4
    assert Measure.objects.count() == 1 and summary.measures == 1
    assert set(Finding.objects.values_list("status", flat=True)) == {"confirmed", "dismissed"}
    assert build_journals_demo(3, date(2026, 12, 5)).skipped
