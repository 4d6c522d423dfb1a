"""Russian names of every rule that raises findings, and the severity order.

The screening's rules come from the engine's ``RULES``; other areas raise
findings of their own (declarations, journals) and name them in their own
package. Those are read lazily, so the findings package imports none of them
at load time.
"""

from __future__ import annotations

import importlib
from functools import cache

from zorko.affiliation.model import RULES

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# (module, dictionary) of each area's rule names.
AREA_RULES = (("zorko.affiliation.lists_rules", "LIST_RULES"), ("zorko.declarations.rule_names", "RULE_NAMES"),
              ("zorko.journals.findings", "RULES"))


@cache
def _area_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for module, attribute in AREA_RULES:
        try:
            names.update(getattr(importlib.import_module(module), attribute))
        except ImportError:
            continue
    return names


def rule_names() -> dict[str, str]:
    """Every rule code with its Russian name: the screening's, then the other areas'."""
    return {**_area_names(), **RULES}


def rule_name(code: str) -> str:
    return RULES.get(code) or _area_names().get(code, code)
