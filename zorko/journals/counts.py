"""Counts of the journals for «Мониторинг-К» (read by ``zorko.program.formulas``)."""

from __future__ import annotations

from datetime import date


def notices(start: date, end: date, kind: str = "") -> int:
    """Entries received in [start, end], of one journal (``kind``) or of all."""
    from zorko.journals.models import JournalEntry

    entries = JournalEntry.objects.filter(received_on__range=(start, end))
    return (entries.filter(kind=kind) if kind else entries).count()
