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

from zorko.findings.clarifications import is_open_at
from zorko.findings.models import ClarificationRequest, Finding, FindingDecision, ScreenedPerson
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


class QueueHistory:
    """A year of the servants' queues read once (screenings, findings with their decisions,
    clarification requests), so that any month's end is judged without another query: the KPI
    page judges thirteen moments, and a query per moment made it the slowest page."""

    def __init__(self, year: int, servants: dict[int, int], relatives: dict[int, int],
                 organisation: Organisation | None = None) -> None:
        self.servants = servants
        ids = list(servants)
        # Few servants (one card): by id; all of them: by the same filter, not a list of thousands of ids.
        scope: dict[str, Any] = {"servant_id__in": ids} if len(ids) <= 100 else \
            {"servant__status": Servant.Status.SERVANT} | ({"servant__organisation": organisation} if organisation else {})
        self.screenings = self._screenings(year, scope, relatives)
        end = month_end(year, 12)
        found = Finding.objects.filter(active=True, first_found_at__lte=end, **scope)
        self.findings: dict[int, tuple[int, datetime, list[tuple[datetime, str]]]] = {
            pk: (servant, at, []) for pk, servant, at in found.values_list("pk", "servant_id", "first_found_at")}
        decisions = FindingDecision.objects.filter(finding__in=found, at__lte=end).order_by("at", "pk")
        for finding_id, at, to_status in decisions.values_list("finding_id", "at", "to_status"):
            if finding_id in self.findings:
                self.findings[finding_id][2].append((at, to_status))
        self.requests = list(ClarificationRequest.objects.filter(created_at__lte=end, **scope).values_list(
            "servant_id", "created_at", "answered_at", "closed_at", "status"))

    @staticmethod
    def _screenings(year: int, scope: dict[str, Any], relatives: dict[int, int]) -> dict[int, list[datetime]]:
        """Moments in ``year`` when each servant had a valid (complete and fresh) screening."""
        out: dict[int, list[datetime]] = defaultdict(list)
        rows = ScreenedPerson.objects.filter(screened_at__year=year, **scope)
        for row in rows.values("servant_id", "screened_at", "relatives_checked", "registry_oldest"):
            if row["servant_id"] not in relatives:
                continue
            local_day = timezone.localtime(row["screened_at"]).date()
            fresh = row["registry_oldest"] is not None and local_day - row["registry_oldest"] <= MAX_REGISTRY_AGE
            if fresh and row["relatives_checked"] >= relatives[row["servant_id"]]:
                out[row["servant_id"]].append(row["screened_at"])
        return out

    def _open_findings(self, moment: datetime) -> set[int]:
        """Servants with a finding found by ``moment`` and not reviewed by then."""
        out = set()
        for servant, found_at, decisions in self.findings.values():
            if found_at > moment:
                continue
            status = str(Finding.Status.NEW)
            for at, to_status in decisions:
                if at > moment:
                    break
                status = to_status
            if status not in REVIEWED:
                out.add(servant)
        return out

    def checked_by(self, moment: datetime) -> set[int]:
        screened = {s for s, moments in self.screenings.items() if any(m <= moment for m in moments)}
        undecided = {servant for servant, created, answered, closed, status in self.requests
                     if is_open_at(created, answered, closed, status, moment)}
        return screened - self._open_findings(moment) - undecided


def _servants(organisation: Organisation | None) -> tuple[dict[int, int], dict[int, int]]:
    """{servant id: organisation id}, {servant id: number of relatives} for current servants."""
    qs = Servant.objects.filter(status=Servant.Status.SERVANT)
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    rows = qs.annotate(n_rel=Count("relatives")).values_list("pk", "organisation_id", "n_rel")
    return {pk: org for pk, org, _ in rows}, {pk: n for pk, _, n in rows}


def checked_by(year: int, month: int, servant_ids: list[int], relatives: dict[int, int]) -> set[int]:
    """The given servants checked by the end of ``month``."""
    wanted = {pk: relatives.get(pk, 0) for pk in servant_ids}
    return QueueHistory(year, dict.fromkeys(servant_ids, 0), wanted).checked_by(month_end(year, month))


def current_month(now: datetime | None = None) -> MonthKpi:
    """This month only (the home page)."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    orgs, relatives = _servants(None)
    checked = QueueHistory(local.year, orgs, relatives).checked_by(month_end(local.year, local.month))
    return MonthKpi(local.month, plan_percent(local.month), len(checked), len(orgs))


def year_history(year: int, organisation: Organisation | None = None) -> QueueHistory:
    orgs, relatives = _servants(organisation)
    return QueueHistory(year, orgs, relatives, organisation)


def monthly(year: int, organisation: Organisation | None = None, now: datetime | None = None,
            history: QueueHistory | None = None) -> list[MonthKpi]:
    now = now or timezone.now()
    history = history or year_history(year, organisation)
    out = []
    for month in range(1, 13):
        started = month_end(year, month) - timedelta(days=calendar.monthrange(year, month)[1]) < now
        checked = len(history.checked_by(month_end(year, month))) if started else None
        out.append(MonthKpi(month, plan_percent(month), checked, len(history.servants)))
    return out


def by_organisation(year: int, month: int, history: QueueHistory | None = None) -> list[dict[str, Any]]:
    """One row per organisation for the given month: total, checked, percent, plan."""
    history = history or year_history(year)
    orgs = history.servants
    checked = history.checked_by(month_end(year, month))
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
