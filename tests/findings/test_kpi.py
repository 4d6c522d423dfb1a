"""KPI: checked = screened with all relatives on fresh registries, every finding reviewed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from zorko.findings.kpi import kpi_by_organisation, monthly_kpi, plan_percent
from zorko.findings.models import Finding, ScreenedPerson, ScreeningRun
from zorko.findings.review import review_finding
from zorko.people.models import Relative


def at(y, m, d):
    return timezone.make_aware(datetime(y, m, d, 12))


def screened(servant, when, relatives=0, registry_age_days=5):
    run = ScreeningRun.objects.create(scope="all")
    sp = ScreenedPerson.objects.create(run=run, servant=servant, relatives_checked=relatives,
                                       registry_oldest=when.date() - timedelta(days=registry_age_days))
    ScreenedPerson.objects.filter(pk=sp.pk).update(screened_at=when)
    return run


def test_plan_rises_ten_points_a_month_from_february():
    assert [plan_percent(m) for m in (1, 2, 3, 10, 11, 12)] == [0, 10, 20, 90, 100, 100]


def test_checked_share_by_month(make_servant):
    a, b, c, _d = (make_servant(personnel_number=f"K{i}") for i in range(4))
    screened(a, at(2026, 2, 10))
    screened(b, at(2026, 3, 5), registry_age_days=45)  # registries too old: does not count
    Relative.objects.create(servant=c, kinship="son", last_name="Иванов", first_name="Илья", middle_name="Иванович")
    screened(c, at(2026, 3, 6), relatives=0)  # the son was not screened yet
    screened(c, at(2026, 4, 2), relatives=1)
    months = monthly_kpi(2026, today=date(2026, 4, 30))
    assert [(k.month, k.checked, k.total, k.plan) for k in months] == [
        (1, 0, 4, 0), (2, 1, 4, 10), (3, 1, 4, 20), (4, 2, 4, 30)]
    assert months[1].percent == 25.0 and months[1].on_plan


def test_unreviewed_finding_keeps_servant_unchecked_until_reviewed(make_servant, make_user):
    a = make_servant()
    run = screened(a, at(2026, 5, 3))
    finding = Finding.objects.create(key="k1", rule="own_director", severity="high", score=0.9, servant=a,
                                     subject_kind="company", subject_ogrn="1", explanation="x", evidence_hash="h",
                                     last_run=run)
    Finding.objects.filter(pk=finding.pk).update(first_found_at=at(2026, 5, 3))
    assert monthly_kpi(2026, today=date(2026, 5, 31))[-1].checked == 0
    review_finding(finding, "dismissed", make_user("inspector"), "Однофамилец")
    may = monthly_kpi(2026, today=date(2026, 12, 31))[4]
    assert may.checked == 0  # the decision came after May
    assert monthly_kpi(2026, today=date(2026, 12, 31))[-1].checked == 1


def test_kpi_per_organisation(make_servant, organisation):
    from zorko.people.models import Organisation

    other = Organisation.objects.create(name="Управление образования", inn="4205000010")
    a = make_servant()
    make_servant(organisation=other)
    screened(a, at(2026, 6, 1))
    rows = {r.organisation.inn: (r.kpi.checked, r.kpi.total) for r in kpi_by_organisation(2026, 6)}
    assert rows == {organisation.inn: (1, 1), "4205000010": (0, 1)}
