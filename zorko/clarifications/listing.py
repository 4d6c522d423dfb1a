"""Reading clarification requests: filters, overdue first, the registry persons in display form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from zorko.affiliation.wording import kinship_words
from zorko.findings.clarifications import is_overdue, status_label
from zorko.findings.evidence import ROLE_NAMES
from zorko.findings.models import ClarificationRequest
from zorko.regions import REGION_NAMES

R = ClarificationRequest.Status
# The statuses a user filters by; «просрочен» covers sent requests past their term.
STATUS_CHOICES = [(R.PREPARED, "подготовлен"), (R.SENT, "направлен"), (R.ANSWERED, "получен ответ"),
                  (R.OVERDUE, "просрочен"), (R.WITHDRAWN, "не требуется")]


def region_name(code: str) -> str:
    return REGION_NAMES.get(code, f"регион {code}") if code else "регион не указан"


@dataclass(slots=True)
class SubjectRow:
    ogrn: str
    inn: str
    name: str
    role: str
    supplier: bool


@dataclass(slots=True)
class PersonRow:
    """One registry person a request asks about."""

    key: str
    full_name: str
    inn: str
    region: str
    subjects: list[SubjectRow] = field(default_factory=list)

    @property
    def supplier(self) -> bool:
        return any(s.supplier for s in self.subjects)


def persons(request: ClarificationRequest) -> list[PersonRow]:
    out = []
    for c in request.candidates or []:
        subjects = [SubjectRow(str(s.get("ogrn") or ""), str(s.get("inn") or ""), str(s.get("name") or ""),
                               ROLE_NAMES.get(str(s.get("role") or ""), str(s.get("role") or "")),
                               bool(s.get("supplier"))) for s in c.get("subjects") or []]
        out.append(PersonRow(str(c.get("key") or ""), str(c.get("full_name") or ""), str(c.get("inn") or ""),
                             region_name(str(c.get("region") or "")), subjects))
    return out


def kinship_of(request: ClarificationRequest) -> str:
    """«мать», «сестра супруги» …; empty when the request is about the servant himself."""
    rel = request.relative
    if rel is None:
        return ""
    return kinship_words(rel.kinship, request.servant.full_name, rel.full_name, rel.get_kinship_display())[0]


def effective_status(request: ClarificationRequest, today: date | None = None) -> str:
    """The status code a user sees: a sent request past its term is «overdue»."""
    return str(R.OVERDUE) if is_overdue(request, today) else str(request.status)


def _overdue_q(today: date) -> Q:
    return Q(status=R.OVERDUE) | Q(status=R.SENT, due_on__lt=today)


def filtered(status: str = "", organisation: int | None = None, kind: str = "",
             today: date | None = None) -> QuerySet[ClarificationRequest]:
    today = today or timezone.localdate()
    qs = ClarificationRequest.objects.select_related("servant", "servant__organisation", "relative")
    if status == R.OVERDUE:
        qs = qs.filter(_overdue_q(today))
    elif status == R.SENT:
        qs = qs.filter(status=R.SENT).exclude(due_on__lt=today)
    elif status:
        qs = qs.filter(status=status)
    else:  # the ones a re-check no longer needs are shown when asked for, not by default
        qs = qs.exclude(status=R.WITHDRAWN)
    if organisation:
        qs = qs.filter(servant__organisation_id=organisation)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def overdue_first(qs: QuerySet[ClarificationRequest], today: date | None = None) -> list[ClarificationRequest]:
    """Open overdue requests first (oldest term first), then open ones, then the settled."""
    today = today or timezone.localdate()

    def rank(r: ClarificationRequest) -> tuple[int, date, int]:
        group = 0 if is_overdue(r, today) else 1 if r.status in (R.PREPARED, R.SENT) else 2
        return group, r.due_on or date.max, -r.pk

    return sorted(qs, key=rank)


def open_counts(today: date | None = None) -> dict[str, int]:
    """What the home page shows: open requests (prepared or sent) and, of them, overdue."""
    today = today or timezone.localdate()
    open_qs = ClarificationRequest.objects.filter(status__in=[R.PREPARED, R.SENT])
    return {"open": open_qs.count(), "overdue": open_qs.filter(status=R.SENT, due_on__lt=today).count()}


def request_dict(r: ClarificationRequest, today: date | None = None) -> dict[str, Any]:
    """The documented export item (see ``docs/clarifications.md``)."""
    return {
        "servant": {"personnel_number": r.servant.personnel_number, "full_name": r.servant.full_name},
        "relative": {"full_name": r.relative.full_name, "kinship": kinship_of(r)} if r.relative else None,
        "kind": r.kind,
        "status": effective_status(r, today),
        "status_label": status_label(r, today),
        "due_on": r.due_on.isoformat() if r.due_on else None,
        "candidates": [{"full_name": c.get("full_name") or "", "inn": c.get("inn") or "",
                        "region": c.get("region") or "",
                        "subjects": [{"ogrn": s.get("ogrn") or "", "name": s.get("name") or "",
                                      "role": s.get("role") or ""} for s in c.get("subjects") or []]}
                       for c in r.candidates or []],
    }
