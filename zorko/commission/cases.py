"""Opening a case from its ground: a finding (screening or declaration) or a journal entry."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from zorko.audit.log import record
from zorko.commission.decisions import ground_of_entry, ground_of_finding
from zorko.commission.models import Case
from zorko.exceptions import ValidationError
from zorko.findings.models import Finding
from zorko.findings.review import review_finding
from zorko.journals import services as journal_services
from zorko.journals.models import JournalEntry, Kind
from zorko.journals.numbering import create_numbered


def _open(user: Any, opened_on: date | None, **fields: Any) -> Case:
    day = opened_on or date.today()

    def create(number: int) -> Case:
        return Case.objects.create(year=day.year, number=number, opened_on=day,
                                   opened_by=getattr(user, "username", "") or "cli", **fields)

    case = create_numbered(Case, {"year": day.year}, create)
    record(user, "commission.case", case, ground=case.ground)
    return case


def open_from_finding(finding: Finding, user: Any, summary: str = "", opened_on: date | None = None) -> Case:
    """A confirmed finding goes to the commission and becomes «передано в комиссию».

    A finding already referred on the findings page, with no case yet, gets its case here.
    """
    referred_without_case = (finding.status == Finding.Status.REFERRED
                             and not finding.commission_cases.exists())
    if finding.status != Finding.Status.CONFIRMED and not referred_without_case:
        raise ValidationError("В комиссию передаётся только подтверждённое срабатывание "
                              f"(сейчас: «{Finding.Status(finding.status).label}»)")
    with transaction.atomic():
        case = _open(user, opened_on, servant=finding.servant, finding=finding,
                     ground=ground_of_finding(finding.rule), summary=summary.strip() or finding.explanation)
        if not referred_without_case:
            review_finding(finding, Finding.Status.REFERRED, user, reason=f"Открыто дело комиссии {case.label}")
    return case


def findings_to_refer() -> QuerySet[Finding]:
    """Confirmed findings, and referred ones still waiting for their case."""
    return (Finding.objects.filter(Q(status=Finding.Status.CONFIRMED)
                                   | Q(status=Finding.Status.REFERRED, commission_cases__isnull=True))
            .select_related("servant").order_by("servant__last_name", "pk"))


def open_from_entry(entry: JournalEntry, user: Any, summary: str = "", opened_on: date | None = None) -> Case:
    if entry.kind == Kind.INDUCEMENT:
        # Its content is for administrators and inspectors only; the commission's readers are wider.
        raise ValidationError("Уведомление о склонении к коррупционному правонарушению проверяется отделом и "
                              "направляется в органы прокуратуры, а не в комиссию")
    with transaction.atomic():
        case = _open(user, opened_on, servant=entry.servant, journal_entry=entry, ground=ground_of_entry(entry),
                     summary=summary.strip() or entry.content)
        journal_services.mark_referred(entry, user, f"дело {case.label}")
    return case


def ground_label(case: Case) -> str:
    if case.finding_id:
        return f"срабатывание № {case.finding_id}"
    entry = case.journal_entry
    assert entry is not None
    return f"{entry.get_kind_display().lower()}, № {entry.reg_number} от {entry.received_on:%d.%m.%Y}"
