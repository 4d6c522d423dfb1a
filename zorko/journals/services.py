"""One service per action on a journal entry; views, the CLI and the demo call these alike.

Every change leaves an :class:`EntryEvent` and an audit event.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction

from zorko.audit.log import record
from zorko.exceptions import PermissionDenied, ValidationError
from zorko.journals.access import can_use_kind
from zorko.journals.models import EntryEvent, JournalEntry, Kind, Status
from zorko.journals.numbering import create_numbered
from zorko.journals.rules import max_extension, timing
from zorko.people.models import Servant

# Fields a kind may carry besides the common ones (the form shows only these).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    Kind.PAID_WORK: ("employer_name", "employer_inn", "work_kind", "start_on"),
    Kind.INTEREST: ("event_on",),
    Kind.INDUCEMENT: ("event_on",),
    Kind.GIFT: ("event_on", "gift_value", "handover_act", "handover_on", "buyout_applied_on",
                 "buyout_outcome"),
    Kind.EMPLOYER_MESSAGE: ("employer_name", "employer_inn", "work_kind", "event_on", "supervised_employer"),
    Kind.APPLICATION: ("application_kind", "employer_name", "employer_inn"),
}
COMMON_FIELDS = ("received_on", "registered_on", "content", "responsible")


def _username(user: Any) -> str:
    return getattr(user, "username", "") or "cli"


def _event(entry: JournalEntry, user: Any, text: str) -> None:
    EntryEvent.objects.create(entry=entry, text=text[:500], username=_username(user))


def _check_kind(user: Any, kind: str) -> None:
    if user is not None and not can_use_kind(user, kind):
        raise PermissionDenied("Журнал уведомлений о склонении к коррупционным правонарушениям доступен "
                               "только администраторам и инспекторам")


def _validate(entry: JournalEntry, exclude: list[str]) -> None:
    """Model validation, reported as Zorko's own error with the Russian field names."""
    try:
        entry.full_clean(exclude=exclude)
    except DjangoValidationError as exc:
        problems = [f"{JournalEntry._meta.get_field(name).verbose_name if name != '__all__' else 'запись'}: "
                    f"{' '.join(messages)}" for name, messages in exc.message_dict.items()]
        raise ValidationError("; ".join(problems)) from exc


def _apply_timing(entry: JournalEntry) -> None:
    t = timing(entry)
    entry.deadline, entry.late_note = t.deadline, t.late_note


def register_entry(kind: str, servant: Servant, received_on: date, content: str, user: Any,
                   registered_on: date | None = None, **fields: Any) -> JournalEntry:
    """Register a notice under the next number of its journal for the year it was received."""
    if kind not in Kind.values:
        raise ValidationError(f"Неизвестный журнал: {kind}")
    _check_kind(user, kind)
    content = content.strip()
    if not content:
        raise ValidationError("Укажите содержание уведомления")
    unknown = set(fields) - set(KIND_FIELDS[kind]) - {"responsible"}
    if unknown:
        raise ValidationError(f"Поля {', '.join(sorted(unknown))} не относятся к журналу «{Kind(kind).label}»")
    registered_on = registered_on or date.today()
    if registered_on < received_on:
        raise ValidationError("Дата регистрации не может быть раньше даты поступления")
    def create(number: int) -> JournalEntry:
        entry = JournalEntry(kind=kind, year=received_on.year, number=number, received_on=received_on,
                             registered_on=registered_on, servant=servant, organisation=servant.organisation,
                             content=content, **fields)
        _apply_timing(entry)
        _validate(entry, ["responsible", "number"])
        entry.save()
        _event(entry, user, f"Зарегистрировано под № {entry.reg_number}")
        record(user, "journal.register", entry, kind=kind)
        return entry

    return create_numbered(JournalEntry, {"kind": kind, "year": received_on.year}, create)


def update_entry(entry: JournalEntry, user: Any, **fields: Any) -> JournalEntry:
    _check_kind(user, entry.kind)
    allowed = set(KIND_FIELDS[entry.kind]) | set(COMMON_FIELDS)
    changed = []
    for name, value in fields.items():
        if name not in allowed:
            raise ValidationError(f"Поле {name} не относится к журналу «{Kind(entry.kind).label}»")
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed.append(str(JournalEntry._meta.get_field(name).verbose_name))
    if not changed:
        return entry
    with transaction.atomic():
        _apply_timing(entry)
        _validate(entry, ["responsible"])
        entry.save()
        _event(entry, user, "Изменено: " + ", ".join(changed))
        record(user, "journal.update", entry, fields=changed)
    return entry


def start_review(entry: JournalEntry, user: Any) -> None:
    if entry.status != Status.REGISTERED:
        raise ValidationError("Рассмотрение уже начато")
    _set_status(entry, user, Status.IN_REVIEW, "Начато предварительное рассмотрение")


def extend_review(entry: JournalEntry, until: date, reason: str, user: Any) -> None:
    """Extend the preliminary review of a personal-interest notice, within the legal maximum."""
    limit = max_extension(entry)
    if limit is None:
        raise ValidationError("Продлить можно только предварительное рассмотрение уведомления "
                              "о личной заинтересованности")
    if not reason.strip():
        raise ValidationError("Укажите основание продления срока")
    if entry.deadline and until <= entry.deadline:
        raise ValidationError(f"Новый срок должен быть позже {entry.deadline:%d.%m.%Y}")
    if until > limit:
        raise ValidationError(f"Срок можно продлить не дальше {limit:%d.%m.%Y}")
    entry.extended_until = until
    entry.save(update_fields=["extended_until", "updated_at"])
    _event(entry, user, f"Срок продлён до {until:%d.%m.%Y}: {reason.strip()}")
    record(user, "journal.update", entry, extended_until=until.isoformat(), reason=reason.strip())


def conclude(entry: JournalEntry, conclusion: str, user: Any) -> None:
    """The motivated conclusion of the preliminary review."""
    if not conclusion.strip():
        raise ValidationError("Мотивированное заключение не может быть пустым")
    if not entry.is_open:
        raise ValidationError("Запись уже рассмотрена")
    entry.conclusion = conclusion.strip()
    if entry.status == Status.REGISTERED:
        entry.status = Status.IN_REVIEW
    entry.save(update_fields=["conclusion", "status", "updated_at"])
    _event(entry, user, "Подготовлено мотивированное заключение")
    record(user, "journal.update", entry, conclusion=True)


def mark_referred(entry: JournalEntry, user: Any, case_label: str) -> None:
    if not entry.is_open or entry.status == Status.REFERRED:
        raise ValidationError("Запись уже передана в комиссию или рассмотрена")
    _set_status(entry, user, Status.REFERRED, f"Передано в комиссию: {case_label}")


def close_entry(entry: JournalEntry, decision: str, decided_on: date, user: Any) -> None:
    """Settle an entry: by the inspector for a notice needing no commission, or by its decision."""
    if not decision.strip():
        raise ValidationError("Укажите решение")
    if not entry.is_open:
        raise ValidationError("Запись уже рассмотрена")
    entry.decision, entry.decided_on = decision.strip(), decided_on
    _set_status(entry, user, Status.CLOSED, f"Решение: {decision.strip()}")


def _set_status(entry: JournalEntry, user: Any, status: str, text: str) -> None:
    with transaction.atomic():
        before = entry.status
        entry.status = status
        entry.save()
        _event(entry, user, text)
        record(user, "journal.status", entry, from_status=before, to_status=status)


def check_entry_employer(entry: JournalEntry, user: Any) -> str:
    """Look the employer up in the registries; a supplier of the servant's organisation raises a finding."""
    from zorko.journals.employer_check import check_employer
    from zorko.journals.findings import raise_employer_finding

    check = check_employer(entry)
    text = check.summary()
    finding = raise_employer_finding(entry, check)
    if finding is not None:
        text += f"; создано срабатывание № {finding.pk}"
    _event(entry, user, f"Проверка работодателя: {text}")
    return text
