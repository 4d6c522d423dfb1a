"""Selecting audit events by user, action, date range and object; writing them as CSV."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from zorko import exports
from zorko.audit.log import ACTIONS
from zorko.audit.models import AuditEvent
from zorko.audit.wording import details_text, object_type_name, repr_text
from zorko.ru.formats import datetime_ru

CSV_HEADER = ["время", "логин", "действие", "код действия", "вид объекта", "идентификатор объекта",
              "объект", "IP-адрес", "подробности"]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None
    obj: str = ""

    def as_details(self) -> dict[str, str]:
        """The filter in the audit record of an export: what exactly was taken out."""
        values = {"username": self.username, "action": self.action, "object": self.obj,
                  "date_from": self.date_from.isoformat() if self.date_from else "",
                  "date_to": self.date_to.isoformat() if self.date_to else ""}
        return {k: v for k, v in values.items() if v}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def select(flt: AuditFilter) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if flt.username:
        events = events.filter(username__iexact=flt.username.strip())
    if flt.action:
        events = events.filter(action=flt.action)
    if flt.date_from:
        events = events.filter(at__gte=_start_of(flt.date_from))
    if flt.date_to:
        events = events.filter(at__lt=_start_of(flt.date_to + timedelta(days=1)))
    if flt.obj:
        text = flt.obj.strip()
        events = events.filter(Q(object_repr__icontains=text) | Q(object_id=text) | Q(object_type=text))
    return events


def csv_rows(events: Iterable[AuditEvent]) -> Iterator[list[str]]:
    yield CSV_HEADER
    for e in events:
        yield [
            datetime_ru(e.at, seconds=True), e.username, ACTIONS.get(e.action, e.action), e.action,
            object_type_name(e.object_type), e.object_id, repr_text(e.object_repr), e.ip or "", details_text(e.details),
        ]


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    """CSV for Russian Excel (see :mod:`zorko.exports`), streamed line by line."""
    return exports.csv_lines(csv_rows(events))
