"""Who may read which journal: the inducement journal is for administrators and inspectors only."""

from __future__ import annotations

from typing import Any

from zorko.accounts.roles import can
from zorko.journals.models import Kind


def can_use_kind(user: Any, kind: str) -> bool:
    if not can(user, "journals.view"):
        return False
    return kind != Kind.INDUCEMENT or can(user, "journals.inducement")


def visible_kinds(user: Any) -> list[str]:
    return [k for k in Kind.values if can_use_kind(user, k)]
