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


def save_candidates(run: ScreeningRun, candidates: Iterable[FindingCandidate],
                    screened_servant_ids: Iterable[int]) -> SaveResult:
    result = SaveResult()
    screened = set(screened_servant_ids)
    with transaction.atomic():
        existing = {f.key: f for f in Finding.objects.filter(servant_id__in=screened)}
        seen: set[str] = set()
        for cand in candidates:
            key = cand.identity
            seen.add(key)
            result.total += 1
            finding = existing.get(key) or Finding.objects.filter(key=key).first()
            fields = dict(
                rule=cand.rule, severity=cand.severity, score=cand.score, servant_id=pk_of(cand.servant_key),
                relative_id=pk_of(cand.relative_key), subject_kind=cand.subject_kind,
                subject_ogrn=cand.subject_ogrn[:15], subject_inn=cand.subject_inn[:12],
                subject_name=cand.subject_name[:500], explanation=cand.explanation, evidence=cand.evidence,
                active=True, last_run=run,
            )
            new_hash = cand.evidence_hash
            if finding is None:
                Finding.objects.create(key=key, evidence_hash=new_hash, **fields)
                result.new += 1
                continue
            if finding.evidence_hash != new_hash and finding.status == S.DISMISSED:
                FindingDecision.objects.create(
                    finding=finding, from_status=S.DISMISSED, to_status=S.NEW, username="",
                    reason="Доказательства изменились при повторной проверке: "
                           "срабатывание возвращено на рассмотрение",
                )
                finding.status = S.NEW
                result.reopened += 1
            for name, value in fields.items():
                setattr(finding, name, value)
            finding.evidence_hash = new_hash
            finding.save()
        gone = [f.pk for k, f in existing.items() if k not in seen and f.active]
        result.resolved = Finding.objects.filter(pk__in=gone).update(active=False)
    return result
