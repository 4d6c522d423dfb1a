"""Counts of the commission for «Мониторинг-К» (read by ``zorko.program.formulas``)."""

from __future__ import annotations

from datetime import date


def meetings(start: date, end: date) -> int:
    """Meetings held in [start, end]."""
    from zorko.commission.models import Meeting

    return Meeting.objects.filter(status=Meeting.Status.HELD, date__range=(start, end)).count()


def decisions(start: date, end: date, kind: str = "") -> int:
    """Decisions taken at meetings held in [start, end], of one kind (the decision's code) or all."""
    from zorko.commission.models import AgendaItem

    items = AgendaItem.objects.filter(meeting__status="held", meeting__date__range=(start, end)).exclude(decision="")
    return (items.filter(decision=kind) if kind else items).count()
