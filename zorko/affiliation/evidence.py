"""The typed evidence every rule produces and findings, reports and pages only read.

A finding must be defensible before the commission, so what it rests on is
kept as structure, not prose: the questionnaire person, the registry records,
the subject, the contracts, the match with its signals (``feature``,
``level``, ``weight``, ``detail``) and the one-sentence summary a lawyer can
sign. ``Evidence.to_dict`` is what the case store keeps (JSON) and
``Evidence.from_dict`` reads it back, including the untyped dictionaries of
version 1 that earlier releases wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

EVIDENCE_VERSION = 2


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


class Confidence(StrEnum):
    """How the registry record was tied to the person."""

    INN = "inn"  # the same ИНН on both sides
    STRONG = "strong"  # a rare full name in the same region, the engine sure
    WEAK = "weak"  # the name only
    JUDGED = "judged"  # an inspector decided it is the same person
    CONFLICT = "conflict"  # the same ИНН under a wholly different name: a data error somewhere
    KINSHIP = "kinship"  # not a match at all: surname and patronymic suggest a relative
    ADDRESS = "address"
    BIRTH_DATE = "birth_date"
    NAME = "name"


class Role(StrEnum):
    DIRECTOR = "director"
    MANAGER = "manager"
    FOUNDER = "founder"
    ENTREPRENEUR = "entrepreneur"
    OTHER = "other"


@dataclass(slots=True, frozen=True)
class Signal:
    """One feature's verdict: the Fellegi–Sunter level, its weight (log2 odds) and the Russian detail."""

    feature: str
    level: str
    weight: float
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "level": self.level, "weight": round(self.weight, 3),
                "detail": self.detail}

    @classmethod
    def from_dict(cls, raw: Any) -> Signal:
        if isinstance(raw, str):  # version 1 kept only the wording
            return cls("", "", 0.0, raw)
        return cls(str(raw.get("feature") or ""), str(raw.get("level") or ""),
                   float(raw.get("weight") or 0.0), str(raw.get("detail") or raw.get("text") or ""))


@dataclass(slots=True)
class MatchEvidence:
    """Why the registry person is (probably) ours: one probability, the screening's reasons, the signals."""

    score: float
    confidence: Confidence
    probability: float | None = None
    reasons: list[str] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    namesakes: int | None = None
    same_region: bool | None = None
    exact_name: bool | None = None
    via_former_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": self.score, "confidence": str(self.confidence),
                               "probability": self.probability, "reasons": list(self.reasons),
                               "signals": [s.to_dict() for s in self.signals], "namesakes": self.namesakes,
                               "same_region": self.same_region, "exact_name": self.exact_name,
                               "via_former_name": self.via_former_name}
        return out | self.extra

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> MatchEvidence:
        known = {"score", "confidence", "probability", "reasons", "signals", "namesakes", "same_region",
                 "exact_name", "via_former_name", "explanation"}
        confidence = str(raw.get("confidence") or "weak")
        reasons = [str(r) for r in raw.get("reasons") or []]
        signals = [Signal.from_dict(s) for s in raw.get("signals") or []]
        if "reasons" not in raw:
            # Version 1: one list of strings, the screening's reasons then the engine's prefixed lines.
            for line in raw.get("explanation") or []:
                text = str(line)
                if text.startswith("сопоставление: "):
                    signals.append(Signal("", "", 0.0, text.removeprefix("сопоставление: ")))
                else:
                    reasons.append(text)
        return cls(score=float(raw.get("score") or 0.0),
                   confidence=Confidence(confidence) if confidence in Confidence.__members__.values()
                   else Confidence.WEAK,
                   probability=raw.get("probability"), reasons=reasons, signals=signals,
                   namesakes=raw.get("namesakes"), same_region=raw.get("same_region"),
                   exact_name=raw.get("exact_name"), via_former_name=str(raw.get("via_former_name") or ""),
                   extra={k: v for k, v in raw.items() if k not in known})


@dataclass(slots=True)
class PersonRef:
    """The questionnaire person the finding is about (the servant or a relative)."""

    key: str
    full_name: str
    inn: str | None = None
    kinship: str = ""  # code from zorko.people.kinship; empty for the servant

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "full_name": self.full_name, "inn": self.inn, "kinship": self.kinship}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PersonRef:
        return cls(str(raw.get("key") or ""), str(raw.get("full_name") or ""), raw.get("inn") or None,
                   str(raw.get("kinship") or ""))


SUBJECT_FIELDS = ("kind", "ogrn", "inn", "name", "status", "terminated_on", "region", "address")


@dataclass(slots=True)
class ContractRef:
    reg_num: str
    sign_date: str | None
    price: str | None
    subject: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"reg_num": self.reg_num, "sign_date": self.sign_date, "price": self.price, "subject": self.subject}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ContractRef:
        return cls(str(raw.get("reg_num") or ""), raw.get("sign_date"),
                   None if raw.get("price") in (None, "") else str(raw.get("price")), str(raw.get("subject") or ""))

    @property
    def amount(self) -> float:
        return float(self.price or 0)


@dataclass(slots=True)
class Evidence:
    """What one finding rests on. ``summary`` is the sentence a lawyer would sign."""

    summary: str = ""
    person: PersonRef | None = None
    registry: list[dict[str, Any]] = field(default_factory=list)
    subject: dict[str, Any] = field(default_factory=dict)
    match: MatchEvidence | None = None
    contracts: list[ContractRef] = field(default_factory=list)
    organisation: dict[str, str] = field(default_factory=dict)
    graph_path: list[str] = field(default_factory=list)
    # Rule-specific facts (kinship guess, dismissal window, address pair, the judgement cited …).
    extra: dict[str, Any] = field(default_factory=dict)
    version: int = EVIDENCE_VERSION

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": self.version, "summary": self.summary,
            "person": self.person.to_dict() if self.person else None,
            "registry": [dict(r) for r in self.registry], "subject": dict(self.subject),
            "match": self.match.to_dict() if self.match else None,
            "contracts": [c.to_dict() for c in self.contracts], "organisation": dict(self.organisation),
            "graph_path": list(self.graph_path),
        }
        return out | self.extra

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> Evidence:
        raw = raw or {}
        known = {"version", "summary", "person", "registry", "subject", "match", "contracts", "organisation",
                 "graph_path"}
        match = raw.get("match")
        return cls(
            summary=str(raw.get("summary") or ""),
            person=PersonRef.from_dict(raw["person"]) if isinstance(raw.get("person"), dict) else None,
            registry=[dict(r) for r in raw.get("registry") or [] if isinstance(r, dict)],
            subject=dict(raw.get("subject") or {}),
            match=MatchEvidence.from_dict(match) if isinstance(match, dict) else None,
            contracts=[ContractRef.from_dict(c) for c in raw.get("contracts") or [] if isinstance(c, dict)],
            organisation={k: str(v) for k, v in (raw.get("organisation") or {}).items() if v is not None},
            graph_path=[str(p) for p in raw.get("graph_path") or []],
            extra={k: v for k, v in raw.items() if k not in known},
            version=int(raw.get("version") or 1),
        )

    @property
    def contracts_total(self) -> float:
        return sum(c.amount for c in self.contracts)

    @property
    def probability(self) -> float | None:
        return self.match.probability if self.match else None


def subject_ref(subject: dict[str, Any]) -> dict[str, Any]:
    return {k: subject.get(k) for k in SUBJECT_FIELDS}


def contract_refs(contracts: list[dict[str, Any]]) -> list[ContractRef]:
    return [ContractRef.from_dict(c) for c in contracts]
