"""Program indicator 1: servants trained in anti-corruption, month by month, and who is still due.

A servant counts as trained in the month of their certificate (удостоверение
with a number and a date) of the year. The plan is the program's: 25 by the
end of May, 50 by the end of October, held until the next step.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from zorko.findings.kpi import MONTHS
from zorko.people.models import Organisation, Servant
from zorko.program.models import Participant, PlanEntry, PreventiveTalk

# Cumulative plan by the end of a month, from the program's indicator table.
PLAN_STEPS = {5: 25, 10: 50}
NEW_HIRE_DAYS = 365


def plan_for(month: int) -> int:
    return max((n for m, n in PLAN_STEPS.items() if m <= month), default=0)


def annual_target() -> int:
    return max(PLAN_STEPS.values())


@dataclass(slots=True)
class MonthTrained:
    month: int
    plan: int
    trained: int | None  # None for months not yet begun

    @property
    def name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def met(self) -> bool | None:
        return None if self.trained is None or not self.plan else self.trained >= self.plan


def _certificates(year: int, organisation: Organisation | None = None) -> QuerySet[Participant]:
    qs = Participant.objects.filter(certificate_date__year=year).exclude(certificate_number="")
    return qs.filter(servant__organisation=organisation) if organisation else qs


def first_certificates(year: int, organisation: Organisation | None = None) -> dict[int, date]:
    """{servant id: the date of their first certificate in the year}: one servant counts once."""
    out: dict[int, date] = {}
    for servant, day in _certificates(year, organisation).values_list("servant_id", "certificate_date"):
        if servant not in out or day < out[servant]:
            out[servant] = day
    return out


def monthly(year: int, today: date, organisation: Organisation | None = None) -> list[MonthTrained]:
    firsts = sorted(first_certificates(year, organisation).values())
    out = []
    for month in range(1, 13):
        end = date(year, month, calendar.monthrange(year, month)[1])
        begun = date(year, month, 1) <= today
        out.append(MonthTrained(month, plan_for(month), sum(d <= end for d in firsts) if begun else None))
    return out


def by_organisation(year: int, month: int) -> list[dict[str, Any]]:
    """Per organisation: in the year's plan, trained by the end of ``month``, still due."""
    end = date(year, month, calendar.monthrange(year, month)[1])
    planned: dict[int, int] = defaultdict(int)
    for org in PlanEntry.objects.filter(year=year).values_list("servant__organisation_id", flat=True):
        planned[org] += 1
    trained: dict[int, int] = defaultdict(int)
    firsts = first_certificates(year)
    orgs_of = dict(Servant.objects.filter(pk__in=list(firsts)).values_list("pk", "organisation_id"))
    for servant, day in firsts.items():
        if day <= end:
            trained[orgs_of[servant]] += 1
    rows = []
    for org in Organisation.objects.filter(pk__in=set(planned) | set(trained)):
        plan, done = planned[org.pk], trained[org.pk]
        rows.append({"organisation": org, "planned": plan, "trained": done,
                     "percent": round(100 * done / plan, 1) if plan else None,
                     "due": due_list(year, organisation=org).count(), "met": done >= plan if plan else None})
    return sorted(rows, key=lambda r: (r["percent"] if r["percent"] is not None else 999, str(r["organisation"])))


def due_list(year: int, organisation: Organisation | None = None, category: str = "") -> QuerySet[PlanEntry]:
    """The year's plan entries whose servant has no certificate yet in that year."""
    certified = _certificates(year).filter(servant_id=OuterRef("servant_id"))
    qs = PlanEntry.objects.filter(year=year).exclude(Exists(certified)).select_related(
        "servant", "servant__organisation", "servant__position")
    if organisation is not None:
        qs = qs.filter(servant__organisation=organisation)
    if category:
        qs = qs.filter(category=category)
    return qs


def new_hires_untrained(today: date) -> QuerySet[Servant]:
    """Servants hired within the last year to a position on the перечень, with no certificate since hiring."""
    since = today - timedelta(days=NEW_HIRE_DAYS)
    trained = Participant.objects.filter(servant_id=OuterRef("pk"), certificate_date__gte=OuterRef("hired_on")) \
        .exclude(certificate_number="")
    return Servant.objects.filter(status=Servant.Status.SERVANT, hired_on__gte=since,
                                  position__declaration_required=True).exclude(Exists(trained)) \
        .select_related("organisation", "position")


def hired_in(year: int, until: date) -> QuerySet[Servant]:
    return Servant.objects.filter(hired_on__gte=date(year, 1, 1), hired_on__lte=until) \
        .exclude(status=Servant.Status.CANDIDATE)


def hired_without_talk(year: int, until: date) -> QuerySet[Servant]:
    """Hired in the year up to ``until`` and not yet given the preventive talk since hiring."""
    talked = PreventiveTalk.objects.filter(servant_id=OuterRef("pk"), held_on__gte=OuterRef("hired_on"))
    return hired_in(year, until).filter(~Q(Exists(talked))).select_related("organisation", "position") \
        .order_by("hired_on", "last_name")
