"""Judgements about people: this relative is, or is not, the registry person with ИНН X.

Recorded once, audited, and applied to every present and future finding with
that registry person: present findings get a review decision citing it; the
screening reads the active judgements (``snapshot_judgements``) so a namesake
judged to be someone else stays silent whatever he founds later, and one
judged to be ours brings his new businesses as ``high`` with the judgement as
evidence. A revocation is recorded too; the findings decided meanwhile keep
their decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorko.accounts.users import display_name
from zorko.affiliation.model import Judgement
from zorko.audit.log import record
from zorko.exceptions import ValidationError
from zorko.findings.models import Finding, FindingDecision, IdentityJudgement
from zorko.findings.snapshot import relative_key, servant_key
from zorko.people.models import Relative, Servant
from zorko.ru.formats import date_ru

S = Finding.Status


def _who(user: Any) -> str:
    name = display_name(user)
    return f"инспектора {name}" if name else "инспектора"


def note_of(j: IdentityJudgement) -> str:
    """How a judgement is cited in a finding: «Решение инспектора Петровой от 01.12.2026: …»."""
    verdict = "это то же лицо" if j.same else "это другое лицо"
    if j.kinship_hint:
        verdict = "это родственник служащего" if j.same else "это не родственник служащего"
    when = date_ru(j.at)
    return f"Решение {_who(j.user)} от {when}: {verdict} (основание: {j.reason})"


def person_key(j: IdentityJudgement) -> str:
    if j.kinship_hint:
        return f"kin:{servant_key(j.servant_id)}"
    return relative_key(j.relative_id) if j.relative_id else servant_key(j.servant_id)


def record_judgement(servant: Servant, relative: Relative | None, registry_person: Mapping[str, Any], same: bool,
                     reason: str, user: Any, kinship_hint: bool = False) -> IdentityJudgement:
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите основание решения")
    key = str(registry_person.get("key") or "")
    if not key:
        raise ValidationError("Не указано лицо в реестре")
    with transaction.atomic():
        active = IdentityJudgement.objects.filter(servant=servant, relative=relative, registry_person=key,
                                                  kinship_hint=kinship_hint, revoked_at__isnull=True)
        for old in active:
            _revoke(old, user, "заменено новым решением")
        j = IdentityJudgement.objects.create(
            servant=servant, relative=relative, kinship_hint=kinship_hint, registry_person=key[:300],
            registry_name=str(registry_person.get("full_name") or "")[:300],
            registry_inn=str(registry_person.get("inn") or "")[:12], same=same, reason=reason,
            user=user if getattr(user, "pk", None) else None, username=getattr(user, "username", "") or "")
        decided = _apply_to_findings(j, user)
        record(user, "judgement.record", j, registry_person=j.registry_name, registry_inn=j.registry_inn,
               same=same, reason=reason, findings_decided=decided,
               person=(relative or servant).full_name)
    return j


def _apply_to_findings(j: IdentityJudgement, user: Any) -> int:
    """Decide the open findings with that registry person, citing the judgement."""
    findings = Finding.objects.filter(servant_id=j.servant_id, active=True,
                                      status__in=[S.NEW, S.IN_REVIEW])
    findings = findings.filter(relative_id=j.relative_id) if not j.kinship_hint else findings.filter(
        rule="hidden_relative")
    to_status = S.CONFIRMED if j.same else S.DISMISSED
    decided = 0
    for finding in findings:
        ref = (finding.evidence or {}).get("registry_person") or {}
        if ref.get("key") != j.registry_person:
            continue
        before = finding.status
        FindingDecision.objects.create(finding=finding, from_status=before, to_status=to_status,
                                       reason=note_of(j), user=j.user, username=j.username)
        finding.status = to_status
        finding.save(update_fields=["status"])
        record(user, "finding.review", finding, from_status=before, to_status=to_status, reason=note_of(j))
        decided += 1
    return decided


def _revoke(j: IdentityJudgement, user: Any, reason: str) -> None:
    j.revoked_at, j.revoke_reason = timezone.now(), reason
    j.revoked_by = user if getattr(user, "pk", None) else None
    j.save(update_fields=["revoked_at", "revoke_reason", "revoked_by"])


def revoke_judgement(j: IdentityJudgement, user: Any, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise ValidationError("Укажите причину отмены решения")
    if j.revoked_at is not None:
        raise ValidationError("Решение уже отменено")
    with transaction.atomic():
        _revoke(j, user, reason)
        record(user, "judgement.revoke", j, registry_person=j.registry_name, reason=reason)


def snapshot_judgements(servant_ids: Iterable[int]) -> dict[str, dict[str, Judgement]]:
    """The active judgements of these servants and their relatives, as the screening reads them."""
    out: dict[str, dict[str, Judgement]] = {}
    rows = IdentityJudgement.objects.filter(servant_id__in=list(servant_ids), revoked_at__isnull=True)
    for j in rows.select_related("user").order_by("at", "pk"):
        out.setdefault(person_key(j), {})[j.registry_person] = Judgement(j.same, note_of(j))
    return out


def active_judgements(servant: Servant) -> list[IdentityJudgement]:
    return list(IdentityJudgement.objects.filter(servant=servant).select_related("relative", "user"))
