"""Program indicator 2: the share of servants checked for affiliation, month by month.

A servant counts as checked by the end of a month when his review queue is
decided (``DEFINITION``): in that year and by that moment a screening covered
him and all his questionnaire relatives against registry extracts loaded no
more than 30 days before the screening, every finding on him found by then
has been reviewed (confirmed, dismissed or referred) by then, and every
clarification request to him raised by then has been answered, or closed as
overdue with a recorded reason, by then. Possible namesakes never count. The
plan is 10 % in February, +10 points a month, 100 % from November.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from zorko.findings.clarifications import open_requests
from zorko.findings.models import Finding, FindingDecision, ScreenedPerson
from zorko.findings.review import REVIEWED
from zorko.people.models import Organisation, Servant

MAX_REGISTRY_AGE = timedelta(days=30)
DEFINITION = ("Служащий считается проверенным, когда его очередь решена: проверка охватила его и всех "
              "родственников из анкеты по реестрам не старше 30 дней, все срабатывания рассмотрены, а все "
              "запросы уточнения получили ответ или закрыты как просроченные с указанной причиной.")
MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь"]


def plan_percent(month: int) -> int:
    """Program plan: 0 in January, 10 % in February … 100 % in November and December."""
    return min(max(month - 1, 0) * 10, 100)


@dataclass(slots=True)
class MonthKpi:
    month: int
    plan: int
    checked: int | None  # None for months that have not started yet
    total: int

    @property
    def name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def percent(self) -> float | None:
        if self.checked is None:
            return None
        return round(100 * self.checked / self.total, 1) if self.total else 0.0

    @property
    def met(self) -> bool | None:
        """No verdict for a month that has not started or has no plan (January)."""
        return None if self.percent is None or not self.plan else self.percent >= self.plan


def month_end(year: int, month: int) -> datetime:
    last = calendar.monthrange(year, month)[1]
    return timezone.make_aware(datetime(year, month, last, 23, 59, 59, 999999))


def _screenings(year: int, servant_ids: list[int], relatives: dict[int, int]) -> dict[int, list[datetime]]:
    """Moments in ``year`` when each servant had a valid (complete and fresh) screening."""
    out: dict[int, list[datetime]] = defaultdict(list)
    rows = ScreenedPerson.objects.filter(servant_id__in=servant_ids, screened_at__year=year)
    for row in rows.values("servant_id", "screened_at", "relatives_checked", "registry_oldest"):
        local_day = timezone.localtime(row["screened_at"]).date()
        fresh = row["registry_oldest"] is not None and local_day - row["registry_oldest"] <= MAX_REGISTRY_AGE
        if fresh and row["relatives_checked"] >= relatives.get(row["servant_id"], 0):
            out[row["servant_id"]].append(row["screened_at"])
    return out


def _open_findings(servant_ids: list[int], moment: datetime) -> set[int]:
    """Servants with a finding found by ``moment`` and not reviewed by then."""
    found = Finding.objects.filter(servant_id__in=servant_ids, active=True, first_found_at__lte=moment)
    status: dict[int, tuple[int, str]] = {f: (s, str(Finding.Status.NEW)) for f, s in found.values_list("pk", "servant_id")}
    decisions = FindingDecision.objects.filter(finding_id__in=list(status), at__lte=moment).order_by("at", "pk")
    for finding_id, to_status in decisions.values_list("finding_id", "to_status"):
        status[finding_id] = (status[finding_id][0], to_status)
    return {servant for servant, st in status.values() if st not in REVIEWED}


def _servants(organisation: Organisation | None) -> tuple[dict[int, int], dict[int, int]]:
    """{servant id: organisation id}, {servant id: number of relatives} for current servants."""
    qs = Servant.objects.filter(status=Servant.Status.SERVANT)
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    rows = qs.annotate(n_rel=Count("relatives")).values_list("pk", "organisation_id", "n_rel")
    return {pk: org for pk, org, _ in rows}, {pk: n for pk, _, n in rows}


def checked_by(year: int, month: int, servant_ids: list[int], relatives: dict[int, int],
               screenings: dict[int, list[datetime]] | None = None) -> set[int]:
    moment = month_end(year, month)
    screenings = screenings if screenings is not None else _screenings(year, servant_ids, relatives)
    screened = {s for s, moments in screenings.items() if any(m <= moment for m in moments)}
    return screened - _open_findings(list(screened), moment) - open_requests(list(screened), moment)


def current_month(now: datetime | None = None) -> MonthKpi:
    """This month only (the home page): one month's check instead of twelve."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    orgs, relatives = _servants(None)
    ids = list(orgs)
    checked = checked_by(local.year, local.month, ids, relatives)
    return MonthKpi(local.month, plan_percent(local.month), len(checked), len(ids))


def monthly(year: int, organisation: Organisation | None = None, now: datetime | None = None) -> list[MonthKpi]:
    now = now or timezone.now()
    orgs, relatives = _servants(organisation)
    ids = list(orgs)
    screenings = _screenings(year, ids, relatives)
    out = []
    for month in range(1, 13):
        started = month_end(year, month) - timedelta(days=calendar.monthrange(year, month)[1]) < now
        checked = len(checked_by(year, month, ids, relatives, screenings)) if started else None
        out.append(MonthKpi(month, plan_percent(month), checked, len(ids)))
    return out


def by_organisation(year: int, month: int) -> list[dict[str, Any]]:
    """One row per organisation for the given month: total, checked, percent, plan."""
    orgs, relatives = _servants(None)
    checked = checked_by(year, month, list(orgs), relatives)
    totals: dict[int, int] = defaultdict(int)
    done: dict[int, int] = defaultdict(int)
    for servant, org in orgs.items():
        totals[org] += 1
        done[org] += servant in checked
    rows = []
    for org in Organisation.objects.filter(pk__in=list(totals)):
        pct = round(100 * done[org.pk] / totals[org.pk], 1)
        rows.append({"organisation": org, "total": totals[org.pk], "checked": done[org.pk], "percent": pct,
                     "plan": plan_percent(month),
                     "met": pct >= plan_percent(month) if plan_percent(month) else None})
    return sorted(rows, key=lambda r: (r["percent"], str(r["organisation"])))
