"""The one place where declaration checks become ``Finding`` rows of the review workflow.

Each finding has a stable key (sha256 of rule, servant, year and subject),
so a re-run updates it in place: the status and decisions stay. A finding
the analysis of the same servants and year no longer produces becomes
inactive. Evidence carries ``"kind": "declarations"``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorko.declarations.rule_names import PREFIX
from zorko.findings.models import Finding, FindingDecision

EVIDENCE_KIND = "declarations"


@dataclass(slots=True)
class Draft:
    rule: str
    severity: str  # high | medium | low
    score: float
    servant_id: int
    year: int
    subject: str  # what the finding is about, part of its identity
    explanation: str
    evidence: dict[str, Any]
    subject_kind: str = "declaration"
    subject_ogrn: str = ""
    subject_inn: str = ""
    subject_name: str = ""
    relative_id: int | None = None

    @property
    def key(self) -> str:
        return hashlib.sha256(f"{self.rule}|{self.servant_id}|{self.year}|{self.subject}".encode()).hexdigest()


def _hash(evidence: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(evidence, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


@dataclass(slots=True)
class Saved:
    total: int = 0
    new: int = 0
    resolved: int = 0


def save_findings(drafts: Iterable[Draft], year: int, servant_ids: Iterable[int]) -> Saved:
    drafts = list(drafts)
    servants = set(servant_ids)
    result = Saved(total=len(drafts))
    now = timezone.now()
    with transaction.atomic():
        existing = {f.key: f for f in Finding.objects.filter(rule__startswith=PREFIX, servant_id__in=servants,
                                                              evidence__year=year)}
        new, changed, reopened = [], [], []
        for d in drafts:
            evidence = {**d.evidence, "kind": EVIDENCE_KIND, "rule": d.rule, "year": year}
            fields = dict(rule=d.rule, severity=d.severity, score=d.score, servant_id=d.servant_id,
                          relative_id=d.relative_id, subject_kind=d.subject_kind, subject_ogrn=d.subject_ogrn[:15],
                          subject_inn=d.subject_inn[:12], subject_name=(d.subject_name or d.subject)[:500],
                          explanation=d.explanation, evidence=evidence, evidence_hash=_hash(evidence), active=True)
            finding = existing.pop(d.key, None) or Finding.objects.filter(key=d.key).first()
            if finding is None:
                new.append(Finding(key=d.key, **fields))
                continue
            if finding.status == Finding.Status.DISMISSED and finding.evidence_hash != fields["evidence_hash"]:
                finding.status = Finding.Status.NEW  # new evidence deserves a new look, as a recorded decision
                reopened.append(FindingDecision(finding=finding, from_status=Finding.Status.DISMISSED,
                                                to_status=Finding.Status.NEW, username="",
                                                reason="Справки изменились: срабатывание возвращено на рассмотрение"))
            if any(getattr(finding, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(finding, k, v)
                finding.last_found_at = now
                changed.append(finding)
        Finding.objects.bulk_create(new, batch_size=500)
        Finding.objects.bulk_update(changed, ["rule", "severity", "score", "servant", "relative", "subject_kind",
                                              "subject_ogrn", "subject_inn", "subject_name", "explanation", "evidence",
                                              "evidence_hash", "active", "status", "last_found_at"], batch_size=500)
        FindingDecision.objects.bulk_create(reopened)
        result.new = len(new)
        gone = [f.pk for f in existing.values() if f.active]
        result.resolved = Finding.objects.filter(pk__in=gone).update(active=False)
    return result
