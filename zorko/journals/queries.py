"""The journal list: what a user may see, filtered, overdue entries first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce

from zorko.journals.access import visible_kinds
from zorko.journals.models import OPEN_STATUSES, JournalEntry


@dataclass(frozen=True, slots=True)
class EntryFilter:
    kind: str = ""
    status: str = ""
    organisation_id: int | None = None
    overdue_only: bool = False


def select_entries(user: Any, f: EntryFilter, today: date | None = None) -> QuerySet[JournalEntry]:
    today = today or date.today()
    qs = JournalEntry.objects.filter(kind__in=visible_kinds(user)).select_related(
        "servant", "servant__position", "organisation", "responsible")
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.organisation_id:
        qs = qs.filter(organisation_id=f.organisation_id)
    qs = qs.annotate(due_on=Coalesce(F("extended_until"), F("deadline")))
    qs = qs.annotate(overdue=Case(When(status__in=OPEN_STATUSES, due_on__lt=today, then=Value(1)),
                                  default=Value(0), output_field=IntegerField()))
    if f.overdue_only:
        qs = qs.filter(overdue=1)
    return qs.order_by("-overdue", F("due_on").asc(nulls_last=True), "-year", "-number")


def overdue_count(user: Any, today: date | None = None) -> int:
    return select_entries(user, EntryFilter(overdue_only=True), today).count()
