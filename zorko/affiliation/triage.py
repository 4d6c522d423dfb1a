"""What deserves a decision: findings, clarification requests, possible namesakes.

The rules produce every link they can see; on a real registry most name-only
links of a relative with a common ФИО are namesakes. An inspector cannot
decide thousands of pairs, so a run's candidates are sorted into:

- **findings** — evidence worth a decision: an ИНН, an inspector's judgement,
  a strong match, or a name-only match whose probability reaches the floor of
  its consequence (``ScreeningPolicy.floor``); hidden-relative hints strong
  on their own;
- **clarification requests** — one per person without ИНН whose namesakes,
  below the floor, touch a supplier of the organisation (a relative) or any
  business (the servant himself), and one per servant for the weaker
  hidden-relative hints: the servant is asked, not the inspector;
- **possible namesakes** — the rest, counted per person with their regions,
  shown on the card and in the report, never in the queue.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from zorko.affiliation import model as m
from zorko.affiliation.evidence import Confidence
from zorko.affiliation.model import FindingCandidate, ServantRecord, Snapshot
from zorko.affiliation.policy import POLICY, ScreeningPolicy

NAME_RULES = frozenset({m.OWN_ENTREPRENEUR, m.OWN_DIRECTOR, m.OWN_FOUNDER, m.RELATIVE_SUPPLIER,
                        m.RELATIVE_BUSINESS, m.FORMER_SERVANT})
NAMESAKES, HIDDEN, LOSS_OF_TRUST = "namesakes", "hidden_relative", "loss_of_trust"
MAX_LISTED_SUBJECTS = 10


@dataclass(slots=True)
class RegistryPersonOption:
    """One registry person a request asks about, with the businesses that made him worth asking."""

    key: str
    full_name: str
    inn: str
    region: str
    probability: float
    subjects: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "full_name": self.full_name, "inn": self.inn, "region": self.region,
                "probability": round(self.probability, 4), "subjects": self.subjects}


@dataclass(slots=True)
class RequestCandidate:
    servant_key: str
    relative_key: str | None
    kind: str  # namesakes | hidden_relative
    person_name: str
    options: list[RegistryPersonOption] = field(default_factory=list)
    more: int = 0  # registry persons left off the list

    @property
    def identity(self) -> str:
        raw = "|".join((self.kind, self.servant_key, self.relative_key or ""))
        return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(slots=True)
class NamesakeGroup:
    servant_key: str
    relative_key: str | None
    person_name: str
    persons: int = 0
    regions: Counter[str] = field(default_factory=Counter)
    subjects: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class ScreeningResult:
    findings: list[FindingCandidate] = field(default_factory=list)
    requests: list[RequestCandidate] = field(default_factory=list)
    namesakes: list[NamesakeGroup] = field(default_factory=list)


def is_name_only(cand: FindingCandidate) -> bool:
    match = cand.evidence.match
    return cand.rule in NAME_RULES and match is not None and match.confidence == Confidence.WEAK


def deserves_finding(cand: FindingCandidate, policy: ScreeningPolicy = POLICY) -> bool:
    if cand.rule == LOSS_OF_TRUST:
        # The register gives a name; only a birth date or ИНН that agrees makes it our person.
        match = cand.evidence.match
        return match is not None and match.confidence != Confidence.NAME
    if cand.rule == m.HIDDEN_RELATIVE:
        match = cand.evidence.match
        return (match is not None and match.confidence == Confidence.JUDGED) or \
            cand.score >= policy.hidden_finding_score
    if not is_name_only(cand):
        return True
    return (cand.probability or 0.0) >= policy.floor(cand.linked_to_supplier)


def _subject_entry(cand: FindingCandidate) -> dict[str, Any]:
    role = cand.evidence.registry[0] if cand.evidence.registry else {}
    if cand.rule == LOSS_OF_TRUST:
        # The «company» of a register entry is the body that dismissed the person, in his position.
        return {"ogrn": "", "inn": "", "name": role.get("organisation") or "", "kind": "body",
                "role": role.get("position") or "", "region": "", "supplier": False,
                "dismissed_on": role.get("dismissed_on"), "ground": role.get("ground")}
    return {"ogrn": cand.subject_ogrn, "inn": cand.subject_inn, "name": cand.subject_name,
            "kind": cand.subject_kind, "role": role.get("role") or "", "region": cand.evidence.subject.get("region")
            or "", "supplier": cand.linked_to_supplier}


def _person(cand: FindingCandidate) -> tuple[str, str]:
    ref = cand.evidence.extra.get("registry_person") or {}
    return str(ref.get("key") or cand.subject_ogrn), str(ref.get("full_name") or "")


class _Triage:
    def __init__(self, snapshot: Snapshot, policy: ScreeningPolicy) -> None:
        self.policy = policy
        self.people: dict[str, tuple[ServantRecord, str, str, bool]] = {}
        for s in snapshot.servants:
            self.people[s.key] = (s, "", s.full_name, bool(s.inn))
            for r in s.relatives:
                self.people[r.key] = (s, r.key, r.full_name, bool(r.inn))
        self.requests: dict[tuple[str, str, str], RequestCandidate] = {}
        self.options: dict[tuple[str, str, str], dict[str, RegistryPersonOption]] = {}
        self.namesakes: dict[tuple[str, str], NamesakeGroup] = {}
        self.namesake_persons: dict[tuple[str, str], set[str]] = {}

    def ask(self, kind: str, cand: FindingCandidate, person_key: str) -> None:
        servant, relative_key, name, _ = self.people[person_key]
        if kind == HIDDEN:
            relative_key, name = "", servant.full_name
        key = (kind, servant.key, relative_key)
        self.requests.setdefault(key, RequestCandidate(servant.key, relative_key or None, kind, name))
        who, full_name = _person(cand)
        options = self.options.setdefault(key, {})
        role = cand.evidence.registry[0] if cand.evidence.registry else {}
        option = options.setdefault(who, RegistryPersonOption(
            who, full_name, str(role.get("inn") or ""), str(role.get("region") or ""), 0.0))
        option.probability = max(option.probability, cand.probability or cand.score)
        if len(option.subjects) < MAX_LISTED_SUBJECTS and \
                all(s["ogrn"] != cand.subject_ogrn for s in option.subjects):
            option.subjects.append(_subject_entry(cand))

    def namesake(self, cand: FindingCandidate, person_key: str) -> None:
        servant, relative_key, name, _ = self.people[person_key]
        key = (servant.key, relative_key)
        group = self.namesakes.setdefault(key, NamesakeGroup(servant.key, relative_key or None, name))
        who, _full = _person(cand)
        seen = self.namesake_persons.setdefault(key, set())
        if who not in seen:
            seen.add(who)
            group.persons += 1
            group.regions[str(cand.evidence.subject.get("region") or "")] += 1
        if len(group.subjects) < MAX_LISTED_SUBJECTS:
            group.subjects.append(_subject_entry(cand) | {"person": _full})

    def route(self, cand: FindingCandidate) -> bool:
        """True when the candidate stays a finding."""
        if deserves_finding(cand, self.policy):
            return True
        if cand.rule == m.HIDDEN_RELATIVE:
            self.ask(HIDDEN, cand, cand.servant_key)
            return False
        if cand.rule == LOSS_OF_TRUST:
            self.ask(LOSS_OF_TRUST, cand, cand.servant_key)
            return False
        person_key = cand.relative_key or cand.servant_key
        servant, _rel, _name, has_inn = self.people[person_key]
        is_servant = cand.relative_key is None
        worth_asking = cand.linked_to_supplier or (is_servant and servant.status != "dismissed")
        if not has_inn and worth_asking and (cand.probability or 0.0) >= self.policy.request_min_probability:
            self.ask(NAMESAKES, cand, person_key)
        else:
            self.namesake(cand, person_key)
        return False

    def finish(self) -> tuple[list[RequestCandidate], list[NamesakeGroup]]:
        requests = []
        for key, request in self.requests.items():
            ranked = sorted(self.options[key].values(), key=lambda o: (-o.probability, o.full_name, o.key))
            request.options = ranked[:self.policy.request_max_candidates]
            request.more = len(ranked) - len(request.options)
            requests.append(request)
        requests.sort(key=lambda r: (r.servant_key, r.kind, r.relative_key or ""))
        return requests, sorted(self.namesakes.values(), key=lambda g: (g.servant_key, g.relative_key or ""))


def triage(candidates: list[FindingCandidate], snapshot: Snapshot,
           policy: ScreeningPolicy = POLICY) -> ScreeningResult:
    sorter = _Triage(snapshot, policy)
    findings = [c for c in candidates if sorter.route(c)]
    requests, namesakes = sorter.finish()
    return ScreeningResult(findings, requests, namesakes)
