"""Field-level change history written by the create and edit forms."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models

from zorko.people.models import ChangeRecord, Relative, Servant

SOURCE = "веб-форма"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list):
        return "; ".join(v.get("last_name", "") if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def snapshot(obj: Servant | Relative) -> dict[str, str]:
    """Each editable field as display text (choices by their Russian label, links by name)."""
    values: dict[str, str] = {}
    for field in obj._meta.concrete_fields:
        if not field.editable or field.primary_key or field.name in {"servant", "created_at", "updated_at"}:
            continue
        if isinstance(field, models.ForeignKey):
            values[field.name] = _text(getattr(obj, field.name))
        elif field.choices:
            values[field.name] = _text(getattr(obj, f"get_{field.name}_display")())
        else:
            values[field.name] = _text(getattr(obj, field.name))
    return values


def label(obj: Servant | Relative, name: str) -> str:
    return str(obj._meta.get_field(name).verbose_name)


def write_changes(obj: Servant | Relative, before: dict[str, str] | None, user: Any,
                  source: str = SOURCE) -> int:
    """One ChangeRecord per changed field (or one «created» record); returns how many were written."""
    servant = obj if isinstance(obj, Servant) else obj.servant
    relative_id = obj.pk if isinstance(obj, Relative) else None
    common = {"servant": servant, "relative_id": relative_id, "subject": obj.full_name, "source": source,
              "user": user if getattr(user, "pk", None) else None,
              "username": getattr(user, "username", "")}
    if before is None:
        ChangeRecord.objects.create(kind=ChangeRecord.Kind.CREATED, **common)
        return 1
    after = snapshot(obj)
    rows = [ChangeRecord(kind=ChangeRecord.Kind.CHANGED, field=name, old_value=before.get(name, ""),
                         new_value=value, **common)
            for name, value in after.items() if before.get(name, "") != value]
    ChangeRecord.objects.bulk_create(rows)
    return len(rows)
