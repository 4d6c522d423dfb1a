"""The stored side of an import: existing records as plain rows, compared without models.

Building tens of thousands of model instances only to find most of them
unchanged dominated a re-import; rows from ``values()`` are compared
first, and instances are loaded only for the records that did change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from zorko.people.history import RELATIVE_FIELDS, SERVANT_FIELDS
from zorko.people.models import Relative, Servant

SERVANT_RELATIONS = ("organisation", "department", "position")
_SERVANT_COLUMNS = tuple(f"{f}_id" if f in SERVANT_RELATIONS else f for f in SERVANT_FIELDS)


def stored_servants() -> dict[str, dict[str, Any]]:
    """Every servant as ``{personnel_number: row}``; relations as ``<name>_id``."""
    return {row["personnel_number"]: row for row in Servant.objects.values("id", *_SERVANT_COLUMNS)}


def stored_relatives(servant_ids: Iterable[int]) -> Iterable[dict[str, Any]]:
    wanted = set(servant_ids)
    for row in Relative.objects.values("id", "servant_id", *RELATIVE_FIELDS).iterator(chunk_size=5000):
        if row["servant_id"] in wanted:
            yield row


def same_values(stored: Mapping[str, Any], values: Mapping[str, Any]) -> bool:
    """True when every value of the file equals the stored one (as ``history.diff`` sees it)."""
    for field, new in values.items():
        if isinstance(new, models.Model) or (new is None and field in SERVANT_RELATIONS):
            if stored[f"{field}_id"] != getattr(new, "pk", None):
                return False
            continue
        old = stored[field]
        if isinstance(new, str) or isinstance(old, str):
            if (old or "") != (new or "").strip():
                return False
        elif old != new:
            return False
    return True


def load_servants(ids: list[int]) -> dict[int, Servant]:
    return Servant.objects.select_related(*SERVANT_RELATIONS).in_bulk(ids)


def load_relatives(ids: list[int]) -> dict[int, Relative]:
    return Relative.objects.select_related("servant").in_bulk(ids)
