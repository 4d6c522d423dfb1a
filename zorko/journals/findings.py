"""The one place the journals raise findings: an employer in a notice supplies the servant's organisation.

Findings go into the common review workflow (``zorko.findings``), keyed by a
stable hash so a re-check changes nothing.
"""

from __future__ import annotations

import hashlib
import json

from zorko.findings.models import Finding
from zorko.journals.employer_check import EmployerCheck
from zorko.journals.models import JournalEntry, Kind
from zorko.reports.names import agreed

RULES = {
    "paid_work_supplier": "Иная оплачиваемая работа у поставщика своей организации",
    "former_servant_supplier": "Бывший служащий принят поставщиком своей прежней организации",
}


def _quoted(name: str) -> str:
    return name if "«" in name else f"«{name}»"


def rule_for(entry: JournalEntry) -> str:
    return "former_servant_supplier" if entry.kind == Kind.EMPLOYER_MESSAGE else "paid_work_supplier"


def raise_employer_finding(entry: JournalEntry, check: EmployerCheck) -> Finding | None:
    if not check.is_supplier or check.subject is None:
        return None
    subject = check.subject
    rule = rule_for(entry)
    key = hashlib.sha256(f"{rule}|{entry.servant_id}|{subject['ogrn']}".encode()).hexdigest()
    name = entry.servant.full_name if entry.servant_id else ""
    if entry.kind == Kind.PAID_WORK:
        head = (f"{agreed('Служащий', 'Служащая', name)} по уведомлению № {entry.reg_number} от "
                f"{entry.received_on:%d.%m.%Y} выполняет работу у")
    else:
        head = (f"{agreed('Бывший служащий', 'Бывшая служащая', name)} по сообщению работодателя "
                f"№ {entry.reg_number} от {entry.received_on:%d.%m.%Y} {agreed('принят', 'принята', name)} "
                "на работу в")
    explanation = (f"{head} {_quoted(subject['name'])}, поставщика организации {_quoted(str(entry.organisation))}: "
                   f"контрактов — {len(check.contracts)}")
    evidence = {"kind": "journals", "entry_id": entry.pk, "entry": entry.reg_number,
                "journal": entry.kind, "contracts": check.contracts}
    evidence_hash = hashlib.sha256(json.dumps(evidence, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    finding, _ = Finding.objects.update_or_create(key=key, defaults={
        "rule": rule, "severity": Finding.Severity.HIGH, "score": 1.0, "servant": entry.servant,
        "subject_kind": subject["kind"], "subject_ogrn": subject["ogrn"], "subject_inn": subject["inn"] or "",
        "subject_name": subject["name"], "explanation": explanation, "evidence": evidence,
        "evidence_hash": evidence_hash, "active": True,
    })
    return finding
