"""Russian names of the screening rules (from the engine's ``RULES``) and the severity order."""

from __future__ import annotations

from zorko.affiliation.model import RULES

RULE_NAMES = RULES
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def rule_name(code: str) -> str:
    return RULE_NAMES.get(code, code)
