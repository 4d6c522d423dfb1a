"""The fixed registry of named computations a «Мониторинг-К» indicator may use.

Each takes the quarter's period and the indicator's parameters and returns a
number, or ``None`` when Zorko holds no such data (an area not installed yet:
the journals, the commission and the declaration campaign are built in their
own packages and are read through :func:`_hook`). ``percent`` and ``sum``
combine other indicators of the same form.
"""

from __future__ import annotations

import calendar
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    quarter: int

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        month = 3 * self.quarter
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def moments(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (timezone.make_aware(datetime.combine(self.start, time.min), tz),
                timezone.make_aware(datetime.combine(self.end, time.max), tz))


Formula = Callable[[Period, dict[str, Any]], float | int | None]
FORMULAS: dict[str, tuple[str, Formula]] = {}


def formula(name: str, title: str) -> Callable[[Formula], Formula]:
    def register(fn: Formula) -> Formula:
        FORMULAS[name] = (title, fn)
        return fn

    return register


def _hook(module: str, function: str, *args: Any) -> int | None:
    """A count from an area that may not be installed yet; ``None`` when it is not."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, function, None)
    return None if fn is None else fn(*args)


@formula("servants_total", "служащих на конец квартала")
def servants_total(p: Period, params: dict[str, Any]) -> int:
    from zorko.people.models import Servant

    return Servant.objects.filter(status=Servant.Status.SERVANT).count()


@formula("servants_checked", "служащих, проверенных на аффилированность (показатель 2)")
def servants_checked(p: Period, params: dict[str, Any]) -> int:
    from zorko.findings import kpi

    month = min(3 * p.quarter, 12)
    months = kpi.monthly(p.year)
    reached = [m.checked for m in months[:month] if m.checked is not None]
    return reached[-1] if reached else 0


@formula("candidates_checked", "кандидатов, проверенных за квартал")
def candidates_checked(p: Period, params: dict[str, Any]) -> int:
    from zorko.findings.models import ScreenedPerson

    start, end = p.moments()
    return ScreenedPerson.objects.filter(servant__status="candidate", screened_at__range=(start, end)) \
        .values("servant_id").distinct().count()


@formula("findings_found", "срабатываний выявлено за квартал (параметры: rule, severity)")
def findings_found(p: Period, params: dict[str, Any]) -> int:
    from zorko.findings.models import Finding

    start, end = p.moments()
    qs = Finding.objects.filter(first_found_at__range=(start, end))
    if params.get("rule"):
        qs = qs.filter(rule=params["rule"])
    if params.get("severity"):
        qs = qs.filter(severity=params["severity"])
    return qs.count()


@formula("findings_decided", "решений по срабатываниям за квартал (параметр outcome: confirmed, dismissed, referred)")
def findings_decided(p: Period, params: dict[str, Any]) -> int:
    from zorko.findings.models import FindingDecision

    start, end = p.moments()
    qs = FindingDecision.objects.filter(at__range=(start, end))
    if params.get("outcome"):
        qs = qs.filter(to_status=params["outcome"])
    if params.get("rule"):
        qs = qs.filter(finding__rule=params["rule"])
    return qs.values("finding_id").distinct().count()


@formula("trained", "служащих, получивших удостоверение за квартал (параметры: category, cumulative)")
def trained(p: Period, params: dict[str, Any]) -> int:
    from zorko.program.models import Participant

    start = date(p.year, 1, 1) if params.get("cumulative") else p.start
    qs = Participant.objects.filter(certificate_date__range=(start, p.end)).exclude(certificate_number="")
    if params.get("category"):
        qs = qs.filter(category=params["category"])
    return qs.values("servant_id").distinct().count()


@formula("training_plan", "служащих в плане обучения на год")
def training_plan(p: Period, params: dict[str, Any]) -> int:
    from zorko.program.models import PlanEntry

    return PlanEntry.objects.filter(year=p.year).count()


@formula("events_held", "семинаров, совещаний и мероприятий за квартал")
def events_held(p: Period, params: dict[str, Any]) -> int:
    from zorko.program.models import Event

    return Event.objects.filter(held_on__range=(p.start, p.end)).count()


@formula("event_attendance", "участников мероприятий за квартал")
def event_attendance(p: Period, params: dict[str, Any]) -> int:
    from zorko.program.models import Event

    return Event.attendees.through.objects.filter(event__held_on__range=(p.start, p.end)).count()


@formula("preventive_talks", "профилактических бесед с принятыми на службу за квартал")
def preventive_talks(p: Period, params: dict[str, Any]) -> int:
    from zorko.program.models import PreventiveTalk

    return PreventiveTalk.objects.filter(held_on__range=(p.start, p.end)).count()


@formula("hired", "принятых на службу за квартал")
def hired(p: Period, params: dict[str, Any]) -> int:
    from zorko.people.models import Servant

    return Servant.objects.filter(hired_on__range=(p.start, p.end)).exclude(status="candidate").count()


@formula("control_points", "контрольных точек года на конец квартала (параметр status: done, overdue…)")
def control_points(p: Period, params: dict[str, Any]) -> int:
    from zorko.program.status import statuses

    rows = statuses(p.year, min(p.end, timezone.localdate()))
    return sum(r.status == params.get("status", "done") for r in rows)


@formula("notices", "уведомлений за квартал (журналы; параметр kind)")
def notices(p: Period, params: dict[str, Any]) -> int | None:
    return _hook("zorko.journals.counts", "notices", p.start, p.end, params.get("kind", ""))


@formula("commission_meetings", "заседаний комиссии за квартал")
def commission_meetings(p: Period, params: dict[str, Any]) -> int | None:
    return _hook("zorko.commission.counts", "meetings", p.start, p.end)


@formula("commission_decisions", "решений комиссии за квартал (параметр kind)")
def commission_decisions(p: Period, params: dict[str, Any]) -> int | None:
    return _hook("zorko.commission.counts", "decisions", p.start, p.end, params.get("kind", ""))


@formula("declarations_on_time", "справок о доходах, представленных в срок")
def declarations_on_time(p: Period, params: dict[str, Any]) -> int | None:
    return _hook("zorko.declarations.counts", "filed_on_time", p.year)


# Combinations of indicators already computed on the same form.
COMBINERS = {"percent": "доля одного показателя в другом, % (параметры: part, whole)",
             "sum": "сумма показателей (параметр codes)"}


def combine(name: str, params: dict[str, Any], values: dict[str, Any]) -> float | int | None:
    def num(code: str) -> float | None:
        v = values.get(code)
        return float(v) if isinstance(v, int | float) else None

    if name == "percent":
        part, whole = num(str(params.get("part"))), num(str(params.get("whole")))
        if part is None or not whole:
            return None
        return round(100 * part / whole, 1)
    parts = [num(str(c)) for c in params.get("codes", [])]
    return None if any(x is None for x in parts) else int(sum(x for x in parts if x is not None))
