"""Write a run's result to the case store by difference, keeping identity and decisions.

A finding is found by its key (rule + servant + relative + subject), so a
re-run never duplicates it, and its ``content_hash`` says whether anything
stored about it changed: a re-check with nothing changed writes no finding
at all (on a large municipality the old «update every row» cost four fifths
of the run). A dismissed finding stays dismissed while its evidence hash is
unchanged; when the evidence changes it returns to «новое» with a decision
record saying why. Findings of the screened servants that the run no longer
produces become inactive (their history is kept). Clarification requests and
possible namesakes are written by ``clarifications.save_requests`` and
``namesakes.save_namesakes``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorko.affiliation.model import RULES, FindingCandidate
from zorko.affiliation.triage import ScreeningResult
from zorko.findings.clarifications import save_requests
from zorko.findings.models import Finding, FindingDecision, ScreeningRun
from zorko.findings.namesakes import save_namesakes
from zorko.findings.snapshot import pk_of

S = Finding.Status
CHUNK = 500


@dataclass(slots=True)
class SaveResult:
    total: int = 0
    new: int = 0
    changed: int = 0
    reopened: int = 0
    resolved: int = 0
    requests: int = 0
    requests_new: int = 0


UPDATED_FIELDS = ["rule", "severity", "score", "servant", "relative", "subject_kind", "subject_ogrn",
                  "subject_inn", "subject_name", "explanation", "evidence", "evidence_hash", "content_hash",
                  "active", "last_run", "status", "last_found_at"]


def _fields(cand: FindingCandidate) -> dict[str, Any]:
    return dict(rule=cand.rule, severity=str(cand.severity), score=cand.score, servant_id=pk_of(cand.servant_key),
                relative_id=pk_of(cand.relative_key), subject_kind=cand.subject_kind,
                subject_ogrn=cand.subject_ogrn[:15], subject_inn=cand.subject_inn[:12],
                subject_name=cand.subject_name[:500], explanation=cand.explanation,
                evidence=cand.evidence.to_dict(), evidence_hash=cand.evidence_hash)


def content_hash(fields: dict[str, Any]) -> str:
    raw = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def _existing(screened: set[int], keys: list[str]) -> dict[str, Finding]:
    """The stored findings the run may touch, without their (large) evidence and explanation.

    Only the screening's own rules: findings of other areas (declarations, journals) on the same
    servants are not the screening's to resolve.
    """
    light = ("pk", "key", "status", "evidence_hash", "content_hash", "active", "servant_id")
    rows = {f.key: f for f in Finding.objects.filter(servant_id__in=screened, rule__in=list(RULES)).only(*light)}
    missing = [k for k in keys if k not in rows]
    for start in range(0, len(missing), CHUNK):
        rows.update({f.key: f for f in Finding.objects.filter(key__in=missing[start:start + CHUNK]).only(*light)})
    return rows


def save_findings(run: ScreeningRun, candidates: Iterable[FindingCandidate],
                  screened_servant_ids: Iterable[int]) -> SaveResult:
    result = SaveResult()
    screened = set(screened_servant_ids)
    found = {c.identity: c for c in candidates}
    now = timezone.now()
    existing = _existing(screened, list(found))
    new: list[Finding] = []
    changed: list[Finding] = []
    reopened: list[FindingDecision] = []
    for key, cand in found.items():
        result.total += 1
        fields = _fields(cand)
        digest = content_hash(fields)
        finding = existing.get(key)
        if finding is None:
            new.append(Finding(key=key, content_hash=digest, active=True, last_run=run, last_found_at=now, **fields))
            continue
        if finding.content_hash == digest and finding.active:
            continue
        # Rows written before the typed evidence (no content hash) carry a hash of another shape:
        # a dismissal must not come back just because Zorko was upgraded.
        if finding.evidence_hash != cand.evidence_hash and finding.status == S.DISMISSED and finding.content_hash:
            reopened.append(FindingDecision(
                finding_id=finding.pk, from_status=S.DISMISSED, to_status=S.NEW, username="",
                reason="Доказательства изменились при повторной проверке: "
                       "срабатывание возвращено на рассмотрение",
            ))
            finding.status = S.NEW
        for name, value in fields.items():
            setattr(finding, name, value)
        finding.content_hash, finding.active, finding.last_run, finding.last_found_at = digest, True, run, now
        changed.append(finding)
    Finding.objects.bulk_create(new, batch_size=CHUNK)
    Finding.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=CHUNK)
    FindingDecision.objects.bulk_create(reopened)
    result.new, result.changed, result.reopened = len(new), len(changed), len(reopened)
    gone = [f.pk for k, f in existing.items() if k not in found and f.active and f.servant_id in screened]
    for start in range(0, len(gone), CHUNK):
        result.resolved += Finding.objects.filter(pk__in=gone[start:start + CHUNK]).update(active=False)
    return result


def save_result(run: ScreeningRun, screening: ScreeningResult, screened_servant_ids: Iterable[int]) -> SaveResult:
    """Findings, clarification requests and possible namesakes of one run, in one transaction."""
    screened = set(screened_servant_ids)
    with transaction.atomic():
        result = save_findings(run, screening.findings, screened)
        result.requests, result.requests_new = save_requests(run, screening.requests, screened)
        save_namesakes(screening.namesakes, screened)
    return result

