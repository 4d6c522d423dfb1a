"""A small screened municipality with findings whose evidence looks like the engine's."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from zorko.findings.models import Finding, ScreenedPerson, ScreeningRun
from zorko.people.kinship import Kinship
from zorko.people.models import Relative, Servant

SUPPLIER_OGRN = "1154205000123"
SUPPLIER_INN = "4205300111"
CONTRACT = "3420500000126000017"
REGISTRY_AS_OF = {"egrul": "2026-11-02", "egrip": "2026-11-02", "contracts": "2026-11-05"}


def make_run(servants: list[Servant], registry_oldest: date | None = date(2026, 11, 2),
             as_of: dict[str, str] | None = None) -> ScreeningRun:
    run = ScreeningRun.objects.create(scope=ScreeningRun.Scope.ALL, registry_as_of=as_of or REGISTRY_AS_OF,
                                      people_checked=len(servants))
    for servant in servants:
        ScreenedPerson.objects.create(run=run, servant=servant, relatives_checked=servant.relatives.count(),
                                      registry_oldest=registry_oldest)
    return run


def supplier_evidence(servant: Servant, relative: Relative) -> dict[str, Any]:
    """Evidence in the shape :mod:`zorko.affiliation.rules` writes it."""
    org = servant.organisation
    return {
        "person": {"key": f"r:{relative.pk}", "full_name": relative.full_name, "inn": relative.inn},
        "registry": [{"subject_kind": "company", "subject_ogrn": SUPPLIER_OGRN, "role": "founder",
                      "last_name": "ИВАНОВА", "first_name": "МАРИЯ", "middle_name": "ПЕТРОВНА",
                      "inn": relative.inn, "share_percent": 50.0, "title": None, "since": "2019-04-02",
                      "unreliable": False, "region": "42"}],
        "subject": {"kind": "company", "ogrn": SUPPLIER_OGRN, "inn": SUPPLIER_INN,
                    "name": "ООО «СТРОЙРЕСУРС»", "status": None, "terminated_on": None, "region": "42",
                    "address": "650000, Кемеровская обл., г. Кемерово, ул. Весенняя, д. 5"},
        "match": {"score": 0.97, "confidence": "inn",
                  "explanation": ["ИНН совпадает: 420512345678", "фамилия совпадает (Иванова = ИВАНОВА)",
                                  "имя и отчество совпадают", "регион совпадает: 42"]},
        "contracts": [{"reg_num": CONTRACT, "sign_date": "2026-03-14", "price": "1250000.00",
                       "subject": "Ремонт кровли"}],
        "organisation": {"inn": org.inn, "name": org.name},
        "graph_path": [f"servant:s:{servant.pk}", f"relative:r:{relative.pk}", f"company:{SUPPLIER_OGRN}",
                       f"contract:{CONTRACT}", f"organisation:{org.inn}"],
    }


def make_finding(servant: Servant, rule: str = "relative_supplier", relative: Relative | None = None,
                 severity: str = "high", score: float = 0.95, evidence: dict[str, Any] | None = None,
                 **fields: Any) -> Finding:
    evidence = evidence if evidence is not None else (supplier_evidence(servant, relative) if relative else {})
    subject = evidence.get("subject", {})
    key = hashlib.sha256(f"{rule}|{servant.pk}|{relative.pk if relative else ''}|{subject.get('ogrn')}|"
                         f"{score}".encode()).hexdigest()
    fields.setdefault("explanation", "Супруга служащего — учредитель ООО «СТРОЙРЕСУРС», поставщика "
                                     "организации служащего: 1 контракт на сумму 1 250 000,00 руб.")
    return Finding.objects.create(
        key=key, rule=rule, severity=severity, score=score, servant=servant, relative=relative,
        subject_kind=subject.get("kind", "company"), subject_ogrn=subject.get("ogrn", SUPPLIER_OGRN),
        subject_inn=subject.get("inn", ""), subject_name=subject.get("name", ""),
        evidence=evidence, evidence_hash=key, **fields)


def make_family(make_servant: Any, **fields: Any) -> tuple[Servant, Relative]:
    servant = make_servant("Иванов", "Иван", "Иванович", inn="420598765432", **fields)
    wife = Relative.objects.create(servant=servant, kinship=Kinship.WIFE, last_name="Иванова",
                                   first_name="Мария", middle_name="Петровна", inn="420512345678")
    return servant, wife
