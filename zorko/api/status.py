"""What the HR system may read about one servant: screening status, active findings, open requests.

Plain dictionaries ready for the response schemas; codes come with their
Russian names so that the HR system can show them as they are.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from zorko.exceptions import NotFound
from zorko.findings import kpi
from zorko.findings.clarifications import status_label
from zorko.findings.models import ClarificationRequest, Finding, ScreenedPerson
from zorko.findings.rules_info import SEVERITY_ORDER, rule_name
from zorko.people.models import Servant
from zorko.reports.person_report import registry_name

OPEN_REQUESTS = (ClarificationRequest.Status.PREPARED, ClarificationRequest.Status.SENT)


def servant_by_number(personnel_number: str) -> Servant:
    servant = Servant.objects.filter(personnel_number=personnel_number.strip()).first()
    if servant is None:
        raise NotFound(f"Служащий с табельным номером «{personnel_number[:50]}» не найден.")
    return servant


def screening_status(servant: Servant) -> dict[str, Any]:
    last = (ScreenedPerson.objects.filter(servant=servant).select_related("run")
            .order_by("-screened_at", "-pk").first())
    findings = Finding.objects.filter(servant=servant, active=True)
    relatives = servant.relatives.count()
    now = timezone.localtime()
    checked = bool(kpi.checked_by(now.year, now.month, [servant.pk], {servant.pk: relatives}))
    registries = [{"code": code, "name": registry_name(code), "as_of": as_of}
                  for code, as_of in sorted((last.run.registry_as_of if last else {}).items())]
    by_severity = {s: findings.filter(severity=s).count() for s in SEVERITY_ORDER}
    return {
        "personnel_number": servant.personnel_number,
        "full_name": servant.full_name,
        "last_screened_at": last.screened_at if last else None,
        "relatives_checked": last.relatives_checked if last else 0,
        "relatives": relatives,
        "registries": registries,
        "checked_for_kpi": checked,
        "checked_for_kpi_text": ("проверен для показателя программы" if checked
                                 else "не проверен для показателя программы"),
        "findings_active": sum(by_severity.values()),
        "findings_high": by_severity["high"],
        "findings_medium": by_severity["medium"],
        "findings_low": by_severity["low"],
        "clarifications_open": open_requests(servant).count(),
    }


def active_findings(servant: Servant) -> list[dict[str, Any]]:
    rows = Finding.objects.filter(servant=servant, active=True).select_related("relative")
    ordered = sorted(rows, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), -f.score, f.pk))
    return [{
        "id": f.pk, "rule": f.rule, "rule_name": rule_name(f.rule),
        "severity": f.severity, "severity_name": f.get_severity_display(),
        "status": f.status, "status_name": f.get_status_display(),
        "subject_name": f.subject_name, "subject_inn": f.subject_inn, "subject_ogrn": f.subject_ogrn,
        "relative": f.relative.full_name if f.relative else None,
        "summary": f.explanation,
        "first_found_at": f.first_found_at, "last_found_at": f.last_found_at,
    } for f in ordered]


def open_requests(servant: Servant) -> Any:
    return ClarificationRequest.objects.filter(servant=servant, active=True, status__in=OPEN_REQUESTS)


def clarification_requests(servant: Servant) -> list[dict[str, Any]]:
    rows = open_requests(servant).select_related("relative").order_by("created_at", "pk")
    return [{
        "id": r.pk, "kind": r.kind, "kind_name": r.get_kind_display(),
        "status": r.status, "status_name": status_label(r),
        "person_name": r.person_name, "relative": r.relative.full_name if r.relative else None,
        "candidates": len(r.candidates) + r.more_candidates,
        "created_at": r.created_at, "sent_at": r.sent_at, "due_on": r.due_on,
    } for r in rows]
