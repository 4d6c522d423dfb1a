"""Review of a finding: new → in review → confirmed / dismissed → referred.

Every transition is a :class:`FindingDecision` record and an audit event;
dismissal needs a reason.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zorko.audit.log import record
from zorko.exceptions import ValidationError
from zorko.findings.models import Finding, FindingDecision

S = Finding.Status
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.IN_REVIEW, S.CONFIRMED, S.DISMISSED}),
    S.IN_REVIEW: frozenset({S.CONFIRMED, S.DISMISSED}),
    S.CONFIRMED: frozenset({S.REFERRED, S.IN_REVIEW}),
    S.DISMISSED: frozenset({S.IN_REVIEW}),
    S.REFERRED: frozenset(),
}
REVIEWED = frozenset({S.CONFIRMED, S.DISMISSED, S.REFERRED})
# Only the commission's decision (zorko.commission) settles a referred finding: a breach stands or not.
COMMISSION_OUTCOMES: frozenset[str] = frozenset({"confirmed", "dismissed"})


def review_finding(finding: Finding, to_status: str, user: Any, reason: str = "",
                   by_commission: bool = False) -> FindingDecision:
    reason = reason.strip()
    allowed = TRANSITIONS.get(finding.status, frozenset())
    if by_commission and finding.status == S.REFERRED:
        allowed = COMMISSION_OUTCOMES
    if to_status not in allowed:
        raise ValidationError(
            f"Нельзя перевести срабатывание из статуса «{S(finding.status).label}» "
            f"в «{S(to_status).label if to_status in S.values else to_status}»"
        )
    if to_status == S.DISMISSED and not reason:
        raise ValidationError("Чтобы отклонить срабатывание, укажите основание")
    with transaction.atomic():
        decision = FindingDecision.objects.create(
            finding=finding, from_status=finding.status, to_status=to_status, reason=reason,
            user=user if getattr(user, "pk", None) else None, username=getattr(user, "username", ""),
        )
        finding.status = to_status
        finding.save(update_fields=["status"])
        record(user, "finding.review", finding, from_status=decision.from_status,
               to_status=to_status, reason=reason)
    return decision
