"""Codes in Russian words: the one place pages, exports, documents, the audit log and the CLI ask.

Stored data keeps its codes (``relative_supplier``, ``high``, ``in_review``,
``spouse_mother``, ``company``); whatever a person reads shows these words.
Each area's own choices stay the source of its words; this module finds them.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

SEVERITY = {"high": "высокая", "medium": "средняя", "low": "низкая"}
SUBJECT_KIND = {"company": "юридическое лицо", "entrepreneur": "индивидуальный предприниматель",
                "person": "физическое лицо", "declaration": "справка о доходах", "servant": "служащий",
                "relative": "родственник", "organisation": "организация", "journal": "журнал"}
ROLE = {"director": "руководитель", "manager": "управляющая организация", "founder": "учредитель (участник)",
        "entrepreneur": "индивидуальный предприниматель"}
# (male, female) words of a person's status.
SERVANT_STATUS = {"servant": ("служащий", "служащая"), "dismissed": ("уволен", "уволена"),
                  "candidate": ("кандидат", "кандидат")}


def rule(code: str) -> str:
    from zorko.findings.rules_info import rule_name

    return rule_name(code)


def severity(code: str) -> str:
    return SEVERITY.get(code, code)


def finding_status(code: str) -> str:
    from zorko.findings.models import Finding

    return str(Finding.Status(code).label) if code in Finding.Status.values else code


def subject_kind(code: str) -> str:
    return SUBJECT_KIND.get(code, code)


def role(code: str) -> str:
    return ROLE.get(code, code)


def kinship(code: str, servant_name: str = "", relative_name: str = "") -> str:
    """In-laws by the genders the names show («тёща», «свёкор», «зять»); close relatives keep the
    questionnaire's word (супруг, супруга, мать); the generic word where a gender is unknown."""
    from zorko.people.kinship import Kinship

    if not code:
        return ""
    gendered = code.startswith("spouse_") or code in ("child_spouse", "former_spouse")
    if gendered and (servant_name or relative_name):
        from zorko.affiliation.wording import kinship_words

        generic = str(Kinship(code).label) if code in Kinship.values else code
        return kinship_words(code, servant_name, relative_name, generic)[0]
    return str(Kinship(code).label) if code in Kinship.values else code


def servant_status(code: str, female: bool = False) -> str:
    words = SERVANT_STATUS.get(code)
    return (words[1] if female else words[0]) if words else code


def status_of(person: Any) -> str:
    """A servant's status agreed with their gender: «уволена» for a woman."""
    from zorko.reports.names import gender_of

    female = gender_of(person.first_name, person.middle_name) == "female"
    return servant_status(person.status, female)


def audit_action(code: str) -> str:
    from zorko.audit.log import ACTIONS

    return ACTIONS.get(code, code)


@cache
def _statuses() -> dict[str, str]:
    """Every status code of every area with its word (finding statuses win a clash)."""
    words: dict[str, str] = {}
    for module, cls in (("zorko.journals.models", "Status"), ("zorko.commission.models", "Meeting.Status"),
                        ("zorko.findings.models", "ClarificationRequest.Status"),
                        ("zorko.findings.models", "Finding.Status")):
        try:
            obj: Any = importlib.import_module(module)
            for part in cls.split("."):
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            continue
        words.update({str(c.value): str(c.label) for c in obj})
    return words


def status(code: str) -> str:
    """A status of any area (finding, journal entry, clarification request, meeting)."""
    return _statuses().get(code, code)


@cache
def _decisions() -> dict[str, str]:
    from zorko.commission import decisions

    found: dict[str, str] = {}
    for value in vars(decisions).values():
        if isinstance(value, tuple):
            found.update({d.code: d.text for d in value if isinstance(d, decisions.Decision)})
    return found


def commission_decision(code: str) -> str:
    return _decisions().get(code, code)


def journal_kind(code: str) -> str:
    from zorko.journals.models import Kind

    return str(Kind(code).label) if code in Kind.values else code


def any_code(code: str) -> str:
    """A code of unknown vocabulary (an audit detail's value): the first vocabulary that knows it."""
    for words in (status, severity, subject_kind, rule, journal_kind, commission_decision, role):
        word = words(code)
        if word != code:
            return word
    return code
