"""«Ближайшие сроки» of the home page, read from the control points and their statuses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zorko.deadlines import Deadline
from zorko.program.control_points import load_points
from zorko.program.status import DONE, OVERDUE, PointStatus, statuses

SHOWN = 6


@dataclass(slots=True)
class HomeDeadlines:
    items: list[Deadline] = field(default_factory=list)
    overdue: int = 0
    year: int = 0


def _item(row: PointStatus) -> Deadline:
    return Deadline(row.point.heading(row.occurrence), row.occurrence.due, row.days_left, row.status_name,
                    row.alarm)


def home_deadlines(today: date) -> HomeDeadlines:
    """For each point its next occurrence not yet done, soonest first; and how many are overdue this year."""
    points = load_points()
    rows = [r for year in (today.year - 1, today.year, today.year + 1) for r in statuses(year, today, points)]
    nearest: dict[str, PointStatus] = {}
    for row in sorted(rows, key=lambda r: r.occurrence.due):
        if row.occurrence.due >= today and row.status != DONE:
            title = row.point.heading(row.occurrence)
            nearest.setdefault(title, row)
    items = sorted(nearest.values(), key=lambda r: (r.occurrence.due, r.point.code))[:SHOWN]
    overdue = sum(r.status == OVERDUE and r.occurrence.year == today.year for r in rows)
    return HomeDeadlines([_item(r) for r in items], overdue, today.year)
