"""The audit log as a hash chain: an edit, a deletion or an insertion shows.

The triggers refuse changes through Zorko's connection, but whoever can
write the database file can drop them, edit the log and put them back.
So each event keeps the SHA-256 of its own content together with the hash
of the event before it (``prev_hash``), and the chain's head (last hash
and count) is kept in :class:`AuditChainHead`. :func:`verify` recomputes
the chain in order of id: a changed event no longer matches its hash; a
deleted or inserted one breaks the link to its neighbour; a cut tail no
longer matches the head. (Someone who rewrites the whole chain and the
head is not detected by the chain alone: ``zorko audit verify`` prints the
head's hash so that an administrator can keep it elsewhere.)

Appending takes the head row first (an UPDATE): that orders concurrent
writers on PostgreSQL and takes SQLite's write lock before anything is
read, so two events never claim the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.db.models import F

GENESIS = "0" * 64


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# The stored fields an event's hash covers (its id apart), in the order verify() reads them.
FIELDS = ("at", "user_id", "username", "action", "object_type", "object_id", "object_repr", "details", "ip")


def _digest(prev_hash: str, values: tuple[Any, ...]) -> str:
    at, *rest = values
    text = json.dumps([prev_hash, _utc(at), *rest], ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(prev_hash: str, event: Any) -> str:
    """SHA-256 of the previous hash and every stored field of the event."""
    return _digest(prev_hash, tuple(getattr(event, name) for name in FIELDS))


def append(event: Any) -> Any:
    """Save a new event as the chain's next link (inside a transaction of its own or the caller's)."""
    from zorko.audit.models import AuditChainHead

    with transaction.atomic():
        if not AuditChainHead.objects.filter(pk=1).update(count=F("count") + 1):
            # Two first writers may both find no head: the second insert is skipped, not an error.
            AuditChainHead.objects.bulk_create([AuditChainHead(pk=1, hash=GENESIS, count=0)],
                                               ignore_conflicts=True)
            AuditChainHead.objects.filter(pk=1).update(count=F("count") + 1)
        head = AuditChainHead.objects.get(pk=1)
        event.prev_hash = head.hash
        event.hash = content_hash(head.hash, event)
        event.save()
        AuditChainHead.objects.filter(pk=1).update(hash=event.hash)
    return event


@dataclass(frozen=True, slots=True)
class ChainReport:
    checked: int
    head_hash: str
    broken_at: int | None = None  # id of the first event that does not fit, 0 for the head
    reason: str = ""
    skipped: int = 0  # oldest events taken on trust by a quick check

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    def __str__(self) -> str:
        if self.intact and self.skipped:
            return (f"Журнал аудита цел: проверены последние {self.checked - self.skipped} записей из "
                    f"{self.checked} (полная проверка — zorko audit verify).")
        if self.intact:
            return f"Журнал аудита цел: проверено записей — {self.checked}, последний хеш {self.head_hash}."
        where = "в конце журнала" if self.broken_at == 0 else f"в записи № {self.broken_at}"
        return f"Журнал аудита изменён в обход Зорко: {where} — {self.reason}."


def check(rows: Iterable[tuple[Any, ...]], head: Any, start: str = GENESIS, skipped: int = 0) -> ChainReport:
    """Walk ``(id, prev_hash, hash, *FIELDS)`` rows in order of id, from the link ``start``."""
    prev, count = start, skipped
    for pk, prev_hash, stored_hash, *values in rows:
        count += 1
        if prev_hash != prev:
            return ChainReport(count, prev, pk, "нарушена связь с предыдущей записью "
                                                "(запись удалена, вставлена или изменена)")
        if _digest(prev, tuple(values)) != stored_hash:
            return ChainReport(count, prev, pk, "содержимое записи не совпадает с её хешем")
        prev = stored_hash
    head_hash, head_count = (head.hash, head.count) if head else (GENESIS, 0)
    if (head_hash, head_count) != (prev, count):
        return ChainReport(count, prev, 0, f"последние записи удалены (в цепочке {count}, "
                                           f"должно быть {head_count})")
    return ChainReport(count, prev, skipped=skipped)


def verify(newest: int | None = None) -> ChainReport:
    """Check the whole chain, or only its ``newest`` events and the head (the home page's quick check)."""
    from zorko.audit.models import AuditChainHead, AuditEvent

    head = AuditChainHead.objects.filter(pk=1).first()
    rows = AuditEvent.objects.order_by("pk").values_list("pk", "prev_hash", "hash", *FIELDS)
    start, skipped = GENESIS, 0
    if newest is not None and head is not None and head.count > newest:
        first = AuditEvent.objects.order_by("-pk").values_list("pk", "prev_hash")[newest - 1:newest].first()
        if first is not None:
            rows = rows.filter(pk__gte=first[0])
            start, skipped = first[1], head.count - newest
    return check(rows.iterator(chunk_size=5000), head, start, skipped)
