"""Plain dataclasses: the snapshot of people the rules read, and what they produce.

The screening service (Django side) builds a :class:`Snapshot` from the case
database; the rule engine reads it together with the registry store and
returns :class:`FindingCandidate` objects. Nothing here imports Django.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from zorko.affiliation.evidence import Evidence, Severity

# Stable rule codes (they are stored in findings and exported).
OWN_ENTREPRENEUR = "own_entrepreneur"
OWN_DIRECTOR = "own_director"
OWN_FOUNDER = "own_founder"
RELATIVE_SUPPLIER = "relative_supplier"
RELATIVE_BUSINESS = "relative_business"
HIDDEN_RELATIVE = "hidden_relative"
SHARED_ADDRESS = "shared_address"
FORMER_SERVANT = "former_servant"
DISQUALIFIED = "disqualified"
MASS_PERSON = "mass_person"
INN_CONFLICT = "inn_conflict"

RULES: dict[str, str] = {
    OWN_ENTREPRENEUR: "служащий — действующий индивидуальный предприниматель",
    OWN_DIRECTOR: "служащий — руководитель коммерческой организации",
    OWN_FOUNDER: "служащий — участник (учредитель) коммерческой организации",
    RELATIVE_SUPPLIER: "родственник связан с поставщиком своей организации (конфликт интересов)",
    RELATIVE_BUSINESS: "родственник — предприниматель, руководитель или учредитель",
    HIDDEN_RELATIVE: "вероятный родственник, не указанный в анкете, связан с поставщиком",
    SHARED_ADDRESS: "поставщик зарегистрирован по адресу служащего или родственника",
    FORMER_SERVANT: "бывший служащий в течение 2 лет руководит поставщиком или учредил его",
    DISQUALIFIED: "кандидат в реестре дисквалифицированных лиц",
    MASS_PERSON: "кандидат — массовый руководитель или учредитель",
    INN_CONFLICT: "ИНН из анкеты совпадает с ИНН лица в реестре с другими ФИО: расхождение данных",
}

HIGH, MEDIUM, LOW = Severity.HIGH, Severity.MEDIUM, Severity.LOW


@dataclass(slots=True)
class PersonRecord:
    """A servant, candidate or relative as the rules see them."""

    key: str  # stable id in the case store, e.g. "s:12" or "r:40"
    last_name: str
    first_name: str
    middle_name: str = ""
    inn: str = ""
    address: str = ""
    birth_date: date | None = None
    former_last_names: list[str] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(slots=True)
class RelativeRecord(PersonRecord):
    kinship: str = ""  # code from zorko.people.kinship
    kinship_label: str = ""  # Russian, for explanations


@dataclass(slots=True)
class ServantRecord(PersonRecord):
    personnel_number: str = ""
    status: str = "servant"  # candidate | servant | dismissed
    organisation_inn: str = ""
    organisation_name: str = ""
    dismissed_on: date | None = None
    relatives: list[RelativeRecord] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Judgement:
    """An inspector's decision that a questionnaire person is (or is not) a registry person."""

    same: bool
    note: str  # «решение инспектора Петровой А. В. от 01.12.2026: …», cited as evidence


@dataclass(slots=True)
class Snapshot:
    servants: list[ServantRecord]
    as_of: date
    # Inspectors' judgements: person key → registry person key → True (the same human) / False.
    # Hidden-relative judgements use the person key «kin:<servant key>».
    judgements: dict[str, dict[str, Judgement]] = field(default_factory=dict)


@dataclass(slots=True)
class FindingCandidate:
    rule: str
    severity: Severity
    score: float
    servant_key: str
    relative_key: str | None
    subject_kind: str  # company | entrepreneur | person (disqualified / mass lists)
    subject_ogrn: str
    subject_inn: str
    subject_name: str
    explanation: str
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def identity(self) -> str:
        """Stable hash of rule + servant + relative + subject: the finding's key across runs."""
        subject = self.subject_ogrn or self.subject_inn or self.subject_name
        raw = "|".join((self.rule, self.servant_key, self.relative_key or "", self.subject_kind, subject))
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def evidence_hash(self) -> str:
        """Hash of what the finding rests on; volatile parts (the wording, the path) excluded."""
        # The match wording (namesake counts, probability) moves as registries grow; only its tier counts.
        core = {k: v for k, v in self.evidence.to_dict().items() if k not in {"graph_path", "match", "summary"}}
        core["confidence"] = str(self.evidence.match.confidence) if self.evidence.match else None
        raw = json.dumps(core, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def probability(self) -> float | None:
        return self.evidence.probability

    @property
    def linked_to_supplier(self) -> bool:
        return bool(self.evidence.contracts)
