"""The servant card's «Журналы и комиссия» section: notices, commission cases and measures of one servant."""

from __future__ import annotations

from typing import Any

from django import template

from zorko.audit.log import record
from zorko.journals.access import visible_kinds
from zorko.journals.models import Kind

register = template.Library()


@register.inclusion_tag("commission/_servant_history.html", takes_context=True)
def servant_commission_history(context: Any, servant: Any) -> dict[str, Any]:
    caps = context.get("caps", frozenset())
    user = context.get("user")
    entries = list(servant.journal_entries.filter(kind__in=visible_kinds(user))) if user else []
    inducement = [e.pk for e in entries if e.kind == Kind.INDUCEMENT]
    if inducement:  # every read of the inducement journal is audited, the card's summary too
        record(user, "journal.list", servant, ids=inducement)
    return {
        "entries": entries,
        "cases": list(servant.commission_cases.all()) if "commission.view" in caps else [],
        "measures": list(servant.measures.select_related("case")) if "commission.view" in caps else [],
        "show": "commission.view" in caps or "journals.view" in caps,
    }
