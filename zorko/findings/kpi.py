"""Program indicator 2: the share of servants checked for affiliation, month by month.

A servant counts as checked in a month when, by the end of that month (and
since the start of the year), a screening covered them and all their
questionnaire relatives against registries loaded no more than 30 days
before the screening, and every finding on them found by then is reviewed
(confirmed, dismissed or referred). Plan: 10 % in February, +10 points a
month, 100 % from November.

``monthly_kpi(year, organisation=None, today=None)`` → one :class:`MonthKpi`
per month; ``kpi_by_organisation(year, month)`` → one per organisation.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from zorko.findings.models import Finding, FindingDecision, ScreenedPerson
from zorko.findings.review import REVIEWED
from zorko.people.models import Organisation, Servant

FRESHNESS = timedelta(days=30)


def plan_percent(month: int) -> int:
    """10 % in February rising by 10 points a month, 100 % in November and December."""
    return max(0, min(100, (month - 1) * 10))


@dataclass(slots=True)
class MonthKpi:
    year: int
    month: int
    plan: int  # percent
    checked: int
    total: int

    @property
    def percent(self) -> float:
        return round(100 * self.checked / self.total, 1) if self.total else 0.0

    @property
    def on_plan(self) -> bool:
        return self.percent >= self.plan


@dataclass(slots=True)
class OrganisationKpi:
    organisation: Organisation
    kpi: MonthKpi


def _month_end(year: int, month: int) -> datetime:
    last = calendar.monthrange(year, month)[1]
    return timezone.make_aware(datetime.combine(date(year, month, last), time.max))


def _servants(organisation: Organisation | None) -> Any:
    qs = Servant.objects.filter(status=Servant.Status.SERVANT)
    return qs.filter(organisation=organisation) if organisation is not None else qs


def _checked(servant_ids: set[int], relatives: dict[int, int], year: int, end: datetime) -> set[int]:
    start = timezone.make_aware(datetime(year, 1, 1))
    covered: set[int] = set()
    rows = ScreenedPerson.objects.filter(servant_id__in=servant_ids, screened_at__gte=start, screened_at__lte=end)
    for sid, at, rel_count, oldest in rows.values_list("servant_id", "screened_at", "relatives_checked",
                                                        "registry_oldest"):
        fresh = oldest is not None and oldest >= timezone.localtime(at).date() - FRESHNESS
        if fresh and rel_count >= relatives.get(sid, 0):
            covered.add(sid)
    if not covered:
        return covered
    # Findings found by the month's end must each have a reviewing decision by then.
    open_by_servant: dict[int, set[int]] = defaultdict(set)
    findings = Finding.objects.filter(servant_id__in=covered, first_found_at__lte=end, active=True)
    for fid, sid in findings.values_list("pk", "servant_id"):
        open_by_servant[sid].add(fid)
    last_status: dict[int, str] = {}
    decisions = FindingDecision.objects.filter(finding__servant_id__in=covered, at__lte=end).order_by("at", "pk")
    for fid, to_status in decisions.values_list("finding_id", "to_status"):
        last_status[fid] = to_status
    return {sid for sid in covered if all(last_status.get(f) in REVIEWED for f in open_by_servant[sid])}


def monthly_kpi(year: int, organisation: Organisation | None = None, today: date | None = None) -> list[MonthKpi]:
    """Months of ``year`` up to ``today``'s month (all 12 for a past year)."""
    today = today or timezone.localdate()
    last_month = 12 if year < today.year else (today.month if year == today.year else 0)
    servants = _servants(organisation)
    ids = set(servants.values_list("pk", flat=True))
    relatives = dict(servants.annotate(n=Count("relatives")).values_list("pk", "n"))
    return [MonthKpi(year, m, plan_percent(m), len(_checked(ids, relatives, year, _month_end(year, m))), len(ids))
            for m in range(1, last_month + 1)]


def kpi_by_organisation(year: int, month: int) -> list[OrganisationKpi]:
    end = _month_end(year, month)
    out = []
    orgs = Organisation.objects.filter(Q(servants__status=Servant.Status.SERVANT)).distinct()
    for org in orgs:
        servants = _servants(org)
        ids = set(servants.values_list("pk", flat=True))
        relatives = dict(servants.annotate(n=Count("relatives")).values_list("pk", "n"))
        checked = len(_checked(ids, relatives, year, end))
        out.append(OrganisationKpi(org, MonthKpi(year, month, plan_percent(month), checked, len(ids))))
    return out
