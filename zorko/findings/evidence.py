"""Read a finding's evidence for display: matched records, signals, contracts, path.

The screening stores the typed evidence of ``zorko.affiliation.evidence`` as
JSON; ``read_evidence`` reads it back through ``Evidence.from_dict`` (which
also reads the untyped version 1) and gives pages and reports one shape with
Russian captions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zorko.affiliation.evidence import Evidence as TypedEvidence
from zorko.affiliation.graph import finding_path
from zorko.affiliation.wording import probability_words
from zorko.matching.features import format_weight
from zorko.ru.formats import number_ru

# Russian captions of the record fields an inspector sees in the evidence table.
FIELD_LABELS = {
    "source": "источник", "role": "роль", "last_name": "фамилия", "first_name": "имя",
    "middle_name": "отчество", "full_name": "ФИО", "inn": "ИНН", "ogrn": "ОГРН/ОГРНИП",
    "subject_ogrn": "ОГРН/ОГРНИП", "name": "наименование", "region": "регион", "address": "адрес",
    "share_percent": "доля, %", "title": "должность", "since": "с даты", "birth_date": "дата рождения",
    "status": "статус", "terminated_on": "прекращено", "kind": "вид", "unreliable": "недостоверность",
    "npd": "плательщик НПД", "status_on": "статус на дату", "organisation": "организация",
    "position": "должность", "dismissed_on": "дата увольнения", "included_on": "дата включения в реестр",
    "ground": "основание",
}
HIDDEN_FIELDS = {"explanation", "score", "confidence", "load_id", "subject_kind", "key"}
ROLE_NAMES = {"director": "руководитель", "manager": "управляющая организация", "founder": "учредитель (участник)",
              "entrepreneur": "индивидуальный предприниматель", "other": "иная роль"}


DATE_FIELDS = {"since", "birth_date", "terminated_on", "status_on", "dismissed_on", "included_on"}


def _ru_date(value: Any) -> Any:
    """ISO «2020-06-18» as «18.06.2020»; anything else unchanged."""
    text = str(value)
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return f"{text[8:10]}.{text[5:7]}.{text[:4]}"
    return value


CONFIDENCE = {"inn": "подтверждено ИНН", "strong": "сильное совпадение", "weak": "только по имени",
              "name": "только по имени", "birth_date": "подтверждено датой рождения",
              "address": "совпадение адреса", "kinship": "по фамилии и отчеству: вероятное родство",
              "judged": "решение инспектора о тождестве", "conflict": "ИНН совпадает при других ФИО"}


@dataclass
class Match:
    """One matched registry record with the signals that tied it to the person."""

    fields: list[tuple[str, str]]
    signals: list[str]
    score: float | None = None
    confidence: str = ""
    reasons: list[str] = field(default_factory=list)
    probability: str = ""  # in words and figures: «высокая (0,97)»
    # (detail, weight) of each engine signal, for the collapsed «подробнее».
    weights: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Evidence:
    matches: list[Match] = field(default_factory=list)
    contracts: list[dict[str, Any]] = field(default_factory=list)
    subject: dict[str, Any] = field(default_factory=dict)
    path: list[str] = field(default_factory=list)
    summary: str = ""
    hint: bool = False  # a hidden-relative hint: a guess from names, not a match
    conflict: dict[str, Any] = field(default_factory=dict)
    registry_person: dict[str, Any] = field(default_factory=dict)

    @property
    def contracts_total(self) -> float:
        return sum(float(c.get("price") or 0) for c in self.contracts)


def _fields(record: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for key, value in record.items():
        if key in HIDDEN_FIELDS or value in (None, "", [], {}) or isinstance(value, dict | list):
            continue
        if key == "unreliable":
            value = "есть отметка о недостоверности" if value else "нет"
        elif isinstance(value, bool):
            value = "да" if value else "нет"
        elif key == "role":
            value = ROLE_NAMES.get(str(value), value)
        elif key in DATE_FIELDS:
            value = _ru_date(value)
        elif isinstance(value, float):
            value = number_ru(value, 2)
        out.append((FIELD_LABELS.get(key, key), str(value)))
    return out


def _customer(contract: dict[str, Any], org_inn: str, org_name: str) -> str:
    """The contract's customer; the rules only keep contracts with the servant's organisation,
    so without a name of its own the customer is that organisation (unless its ИНН says otherwise)."""
    if contract.get("customer_name"):
        return str(contract["customer_name"])
    inn = str(contract.get("customer_inn") or "")
    return org_name if not inn or not org_inn or inn == org_inn else ""


def read_evidence(evidence: dict[str, Any], organisation: Any = None) -> Evidence:
    """``organisation``: the servant's organisation (``inn``, ``name``), for evidence that lacks its own."""
    own = evidence.get("organisation") or {}
    org_inn = str(own.get("inn") or getattr(organisation, "inn", "") or "")
    org_name = str(own.get("name") or getattr(organisation, "name", "") or "")
    contracts = [dict(c, customer_name=_customer(c, org_inn, org_name)) for c in evidence.get("contracts") or []]
    ev = Evidence(contracts=contracts,
                  subject=dict(evidence.get("subject") or {}), path=finding_path(evidence))
    typed = TypedEvidence.from_dict(evidence)
    ev.summary, ev.conflict = typed.summary, dict(typed.extra.get("conflict") or {})
    ev.registry_person = dict(typed.extra.get("registry_person") or {})
    ev.hint = bool(typed.match and typed.match.confidence == "kinship")
    if typed.match is not None:
        # The engine's shape: the registry role records that matched, and who they matched in the case data.
        m = typed.match
        fields = [("лицо по анкете", typed.person.full_name)] if typed.person and typed.person.full_name else []
        for role in typed.registry:
            fields += _fields(role)
        confidence = str(m.confidence)
        ev.matches.append(Match(
            fields, [s.detail for s in m.signals if s.detail] if m.signals else list(m.reasons), m.score,
            CONFIDENCE.get(confidence, confidence), reasons=list(m.reasons),
            probability=probability_words(m.probability) if m.probability is not None else "",
            weights=[(s.detail, format_weight(s.weight) if s.feature else "") for s in m.signals if s.detail]))
    return ev
