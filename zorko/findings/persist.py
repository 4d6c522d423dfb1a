"""Write a run's finding candidates to the case store, keeping identity and decisions.

A finding is found by its key (rule + servant + relative + subject), so a
re-run never duplicates it. A dismissed finding stays dismissed while its
evidence hash is unchanged; when the evidence changes it returns to «новое»
with a decision record saying why. Findings of the screened servants that
the run no longer produces become inactive (their history is kept).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from zorko.affiliation.model import FindingCandidate
from zorko.findings.models import Finding, FindingDecision, ScreeningRun
from zorko.findings.snapshot import pk_of

S = Finding.Status


@dataclass(slots=True)
class SaveResult:
    total: int = 0
    new: int = 0
    reopened: int = 0
    resolved: int = 0


UPDATED_FIELDS = ["rule", "severity", "score", "servant", "relative", "subject_kind", "subject_ogrn",
                  "subject_inn", "subject_name", "explanation", "evidence", "evidence_hash", "active", "last_run",
                  "status", "last_found_at"]


def save_candidates(run: ScreeningRun, candidates: Iterable[FindingCandidate],
                    screened_servant_ids: Iterable[int]) -> SaveResult:
    result = SaveResult()
    screened = set(screened_servant_ids)
    found = {c.identity: c for c in candidates}
    now = timezone.now()
    with transaction.atomic():
        existing = {f.key: f for f in Finding.objects.filter(servant_id__in=screened)}
        missing = [k for k in found if k not in existing]
        for start in range(0, len(missing), 500):
            existing.update({f.key: f for f in Finding.objects.filter(key__in=missing[start:start + 500])})
        new: list[Finding] = []
        changed: list[Finding] = []
        reopened: list[FindingDecision] = []
        for key, cand in found.items():
            result.total += 1
            fields = dict(
                rule=cand.rule, severity=cand.severity, score=cand.score, servant_id=pk_of(cand.servant_key),
                relative_id=pk_of(cand.relative_key), subject_kind=cand.subject_kind,
                subject_ogrn=cand.subject_ogrn[:15], subject_inn=cand.subject_inn[:12],
                subject_name=cand.subject_name[:500], explanation=cand.explanation, evidence=cand.evidence,
                evidence_hash=cand.evidence_hash, active=True, last_run=run, last_found_at=now,
            )
            finding = existing.get(key)
            if finding is None:
                new.append(Finding(key=key, **fields))
                continue
            if finding.evidence_hash != cand.evidence_hash and finding.status == S.DISMISSED:
                reopened.append(FindingDecision(
                    finding=finding, from_status=S.DISMISSED, to_status=S.NEW, username="",
                    reason="Доказательства изменились при повторной проверке: "
                           "срабатывание возвращено на рассмотрение",
                ))
                finding.status = S.NEW
            for name, value in fields.items():
                setattr(finding, name, value)
            changed.append(finding)
        Finding.objects.bulk_create(new, batch_size=500)
        Finding.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=500)
        FindingDecision.objects.bulk_create(reopened)
        result.new, result.reopened = len(new), len(reopened)
        gone = [f.pk for k, f in existing.items() if k not in found and f.active and f.servant_id in screened]
        result.resolved = Finding.objects.filter(pk__in=gone).update(active=False)
    return result
