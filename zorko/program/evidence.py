"""Named computations that decide a control point's status from Zorko's own data.

Each takes the year and the occurrence (start, due) and returns what Zorko
holds, or ``None`` when it holds nothing to judge by (then an inspector's
mark decides). ``complete`` means the point is met; ``partial`` that work
has begun.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from zorko.program.control_points import Occurrence

NONE, PARTIAL, COMPLETE = "none", "partial", "complete"
# The declaration campaign (``zorko.declarations``) gives ``program_evidence(year, due) ->
# (filed_on_time, expected) | None``; imported lazily so the programme runs without that area.
DECLARATION_HOOK = "zorko.declarations.campaign"


@dataclass(frozen=True, slots=True)
class Evidence:
    state: str
    summary: str
    link: str = ""


def _counted(done: int, expected: int, summary: str, link: str = "") -> Evidence:
    state = COMPLETE if expected and done >= expected else PARTIAL if done else NONE
    return Evidence(state, summary, link)


def preventive_talks(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.program.training import hired_in, hired_without_talk

    hired = hired_in(occ.year, min(occ.due, today)).count()
    if not hired:
        return None
    missing = hired_without_talk(occ.year, min(occ.due, today)).count()
    return _counted(hired - missing, hired, f"беседы проведены с {hired - missing} из {hired} принятых на службу",
                    f"/program/talks/?year={occ.year}")


def events(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.program.models import Event

    held = Event.objects.filter(held_on__gte=occ.start, held_on__lte=occ.due).exclude(kind="anticorruption_day")
    n = held.count()
    return Evidence(COMPLETE if n else NONE, f"проведено мероприятий: {n}", f"/program/events/?year={occ.year}")


def declarations(occ: Occurrence, today: date) -> Evidence | None:
    try:
        module = importlib.import_module(DECLARATION_HOOK)
    except ImportError:
        return None
    result = module.program_evidence(occ.year, occ.due)
    if result is None:
        return None
    filed, expected = result
    return _counted(filed, expected, f"справки представлены в срок: {filed} из {expected}")


def training_plan(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.program.models import PlanEntry

    n = PlanEntry.objects.filter(year=occ.year).count()
    return Evidence(COMPLETE if n else NONE, f"в плане обучения {n} чел.", f"/program/training/plan/?year={occ.year}")


def training_contract(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.program.models import TrainingCourse

    courses = TrainingCourse.objects.filter(year=occ.year)
    signed = courses.exclude(contract_number="").exclude(contract_date=None)
    if signed.exists():
        c = signed.order_by("contract_date").first()
        assert c is not None and c.contract_date is not None
        return Evidence(COMPLETE, f"контракт № {c.contract_number} от {c.contract_date:%d.%m.%Y}",
                        f"/program/training/?year={occ.year}")
    return Evidence(PARTIAL if courses.exists() else NONE, "контракт не заключён", f"/program/training/?year={occ.year}")


def _certified(year: int, category: str | None = None) -> tuple[int, int]:
    from zorko.program.models import Participant, PlanEntry

    plan = PlanEntry.objects.filter(year=year)
    done = Participant.objects.filter(certificate_date__year=year).exclude(certificate_number="")
    if category:
        plan, done = plan.filter(category=category), done.filter(category=category)
    certified = set(done.values_list("servant_id", flat=True))
    return len(certified), plan.count()


def certificates(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.program.training import annual_target

    done, planned = _certified(occ.year)
    expected = max(planned, annual_target())
    return _counted(done, expected, f"удостоверения получили {done} из {expected} чел.",
                    f"/program/training/kpi/?year={occ.year}")


def commission_certificates(occ: Occurrence, today: date) -> Evidence | None:
    done, planned = _certified(occ.year, "commission")
    if not planned and not done:
        return None
    return _counted(done, planned or done, f"удостоверения получили {done} из {planned} членов комиссии",
                    f"/program/training/due/?year={occ.year}&category=commission")


def candidate_checks(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.findings.models import ScreenedPerson
    from zorko.people.models import Servant

    candidates = Servant.objects.filter(status=Servant.Status.CANDIDATE)
    total = candidates.count()
    if not total:
        return None
    screened = ScreenedPerson.objects.filter(servant__in=candidates, screened_at__year=occ.year) \
        .values("servant_id").distinct().count()
    return _counted(screened, total, f"проверено кандидатов: {screened} из {total}", "/candidates/")


def questionnaires(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.people.models import Servant

    servants = Servant.objects.filter(status=Servant.Status.SERVANT).filter(
        Q(hired_on__lt=date(occ.year, 1, 1)) | Q(hired_on=None))
    total = servants.count()
    if not total:
        return None
    updated = servants.filter(questionnaire_updated_on__gte=date(occ.year, 1, 1),
                              questionnaire_updated_on__lte=occ.due).count()
    return _counted(updated, total, f"анкеты актуализированы к сроку: {updated} из {total}", "/people/?stale=on")


def monitoring_k(occ: Occurrence, today: date) -> Evidence | None:
    from zorko.program.models import MonitoringReport

    report = MonitoringReport.objects.filter(year=occ.year, quarter=occ.quarter).first()
    if report is None:
        return Evidence(NONE, "форма не заполнена", "/program/monitoring/")
    if report.status == MonitoringReport.Status.SUBMITTED and report.submitted_at:
        return Evidence(COMPLETE, f"форма представлена {report.submitted_at:%d.%m.%Y}",
                        f"/program/monitoring/{report.year}/{report.quarter}/")
    return Evidence(PARTIAL, "форма заполняется", f"/program/monitoring/{report.year}/{report.quarter}/")


EVIDENCE: dict[str, Callable[[Occurrence, date], Evidence | None]] = {
    "preventive_talks": preventive_talks,
    "events": events,
    "declarations": declarations,
    "training_plan": training_plan,
    "training_contract": training_contract,
    "certificates": certificates,
    "commission_certificates": commission_certificates,
    "candidate_checks": candidate_checks,
    "questionnaires": questionnaires,
    "monitoring_k": monitoring_k,
}
