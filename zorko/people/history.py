"""Change history of servants and relatives: every field change is a ChangeRecord.

Every writer of person records goes through this module so that the card
can show who changed what, when, from which value to which, and from
where (a form, an import file). Public functions:

- ``save_servant(servant, changes, user=None, source="") -> list[FieldChange]``:
  create (``servant.pk is None``) or update a servant with ``changes``
  (field name -> new value, model instances for foreign keys) and record
  the history; returns the changes actually made (empty if none).
- ``save_relative(relative, changes, user=None, source="")``: the same for
  a relative (its ``servant`` must be set).
- ``delete_relative(relative, user=None, source="")``: delete and record it.
- ``diff(obj, changes) -> list[FieldChange]``: what would change, no writes
  (the import preview uses it).
- ``apply(obj, field_changes)``: set the new values on the object, no save.
- ``change_records(...)``: unsaved ChangeRecord rows, for bulk writers.
- ``display_value(obj, field, value)``: how a value is shown in the history.

A web form calls e.g. ``save_servant(servant, form.cleaned_data, request.user,
"форма редактирования")``; the import calls the bulk helpers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from zorko.people.models import ChangeRecord, PersonFields, Relative, Servant

SERVANT_FIELDS = (
    "personnel_number", "last_name", "first_name", "middle_name", "former_names", "birth_date",
    "birth_place", "inn", "snils", "organisation", "department", "position", "status", "hired_on",
    "dismissed_on", "address", "phones", "emails", "questionnaire_updated_on",
)
RELATIVE_FIELDS = (
    "kinship", "last_name", "first_name", "middle_name", "former_names", "birth_date",
    "birth_place", "workplace", "address", "inn", "snils",
)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field's old and new value, as stored (``value``) and as shown (``old``/``new``)."""

    field: str
    label: str
    old: str
    new: str
    value: Any


def tracked_fields(obj: PersonFields) -> tuple[str, ...]:
    return SERVANT_FIELDS if isinstance(obj, Servant) else RELATIVE_FIELDS


def format_former_names(former: Iterable[Mapping[str, Any]]) -> str:
    parts = []
    for item in former:
        name = " ".join(p for p in (item.get("last_name"), item.get("first_name"),
                                    item.get("middle_name")) if p)
        if item.get("changed_on"):
            name += f" (до {dt.date.fromisoformat(item['changed_on']):%d.%m.%Y})"
        parts.append(name)
    return "; ".join(parts)


def display_value(obj: models.Model, field: str, value: Any) -> str:
    """A value as the history shows it: dates ДД.ММ.ГГГГ, choices by label, names of objects."""
    if value is None or value == "":
        return ""
    if field == "former_names":
        return format_former_names(value)
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    choices = dict(obj._meta.get_field(field).flatchoices)
    if choices:
        return str(choices.get(value, value))
    return str(value)


def _current(obj: models.Model, field: str) -> Any:
    model_field = obj._meta.get_field(field)
    if isinstance(model_field, models.ForeignKey) and getattr(obj, model_field.attname) is None:
        return None  # an unset relation raises on access
    return getattr(obj, field)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, models.Model) or isinstance(new, models.Model):
        return getattr(old, "pk", None) == getattr(new, "pk", None)
    if isinstance(old, str) or isinstance(new, str):
        return (old or "") == (new or "")
    return bool(old == new)


def diff(obj: PersonFields, changes: Mapping[str, Any]) -> list[FieldChange]:
    """The tracked fields whose value in ``changes`` differs from ``obj``; nothing is written."""
    result = []
    for field in tracked_fields(obj):
        if field not in changes:
            continue
        new = changes[field]
        if isinstance(new, str):
            new = new.strip()
        old = _current(obj, field)
        if not _same(old, new):
            label = str(obj._meta.get_field(field).verbose_name)
            result.append(FieldChange(field, label, display_value(obj, field, old),
                                      display_value(obj, field, new), new))
    return result


def apply(obj: PersonFields, field_changes: Iterable[FieldChange]) -> None:
    for change in field_changes:
        setattr(obj, change.field, change.value)
    obj.refresh_name_norm()


def subject_of(obj: PersonFields) -> str:
    if isinstance(obj, Relative):
        return f"{obj.full_name} ({obj.get_kinship_display()})"
    return obj.full_name


def _username(user: Any) -> str:
    return getattr(user, "username", "") or ""


def change_records(servant: Servant, field_changes: Iterable[FieldChange], *,
                   relative: Relative | None = None, user: Any = None, source: str = "",
                   created: bool = False) -> list[ChangeRecord]:
    """Unsaved history rows: one «создан» row for a new record, else one row per field."""
    subject = subject_of(relative or servant)
    common = dict(servant=servant, relative_id=relative.pk if relative else None,
                  subject=subject[:320], source=source[:300],
                  user=user if getattr(user, "pk", None) else None, username=_username(user))
    if created:
        return [ChangeRecord(kind=ChangeRecord.Kind.CREATED, new_value=subject, **common)]
    return [ChangeRecord(kind=ChangeRecord.Kind.CHANGED, field=c.field, old_value=c.old,
                         new_value=c.new, **common) for c in field_changes]


def _save(obj: PersonFields, servant_of: Any, changes: Mapping[str, Any], user: Any,
          source: str) -> list[FieldChange]:
    created = obj.pk is None
    field_changes = diff(obj, changes)
    if not created and not field_changes:
        return []
    with transaction.atomic():
        apply(obj, field_changes)
        obj.full_clean(validate_unique=True, exclude=["name_norm"])
        obj.save()
        servant, relative = servant_of(obj)
        ChangeRecord.objects.bulk_create(change_records(
            servant, field_changes, relative=relative, user=user, source=source, created=created))
    return field_changes


def save_servant(servant: Servant, changes: Mapping[str, Any], user: Any = None,
                 source: str = "") -> list[FieldChange]:
    """Create or update a servant with ``changes`` and record every changed field."""
    return _save(servant, lambda s: (s, None), changes, user, source)


def save_relative(relative: Relative, changes: Mapping[str, Any], user: Any = None,
                  source: str = "") -> list[FieldChange]:
    """Create or update a relative of ``relative.servant`` and record every changed field."""
    return _save(relative, lambda r: (r.servant, r), changes, user, source)


def delete_relative(relative: Relative, user: Any = None, source: str = "") -> None:
    with transaction.atomic():
        ChangeRecord.objects.create(
            servant=relative.servant, relative_id=relative.pk, subject=subject_of(relative)[:320],
            kind=ChangeRecord.Kind.DELETED, old_value=relative.full_name, source=source[:300],
            user=user if getattr(user, "pk", None) else None, username=_username(user))
        relative.delete()
