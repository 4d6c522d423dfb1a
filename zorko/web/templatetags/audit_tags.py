"""Template filters of the audit page: object types and detail keys in Russian.

The log stores codes (``people.servant``, ``scope``) so that it stays stable and searchable;
the page shows an administrator what they mean.
"""

from __future__ import annotations

from typing import Any

from django import template

from zorko.audit.log import bounded
from zorko.audit.wording import _DEFAULT_REPR, DETAIL_LABELS, SHOWN_VALUE, _value, repr_text
from zorko.audit.wording import object_type_name as _object_type_name

register = template.Library()

@register.filter
def object_type_name(code: str) -> str:
    return _object_type_name(code)


@register.filter
def object_name(event: Any) -> str:
    match = _DEFAULT_REPR.match(event.object_repr or "")
    if match:
        return f"{object_type_name(event.object_type).capitalize()} № {match.group(1)}"
    return repr_text(event.object_repr or "")


@register.filter
def detail_items(details: Any) -> list[tuple[str, str]]:
    """``(label, value)`` pairs of an event's details, in Russian where the code is known."""
    if not isinstance(details, dict):
        return []
    # Each value is cut for the page (the CSV keeps it whole): 50 rows never make megabytes.
    return [(DETAIL_LABELS.get(k, k), bounded(_value(k, v), SHOWN_VALUE)) for k, v in details.items()]
