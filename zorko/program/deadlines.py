"""«Ближайшие сроки» of the home page, read from the control points and their statuses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zorko.deadlines import Deadline
from zorko.program.control_points import load_points
from zorko.program.status import DONE, OVERDUE, Judge, PointStatus, monitoring_day

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
    """For each point its next occurrence not yet done, soonest first; and how many are overdue this year.

    Occurrences are judged lazily, soonest first, until the page has its six: the home page is the
    busiest page, and judging every occurrence of three years took a hundred queries.
    """
    points = load_points()
    years = (today.year - 1, today.year, today.year + 1)
    judge = Judge(set(years), today)
    occurrences = sorted(((occ, point) for year in years for point in points
                          for occ in point.occurrences(year, monitoring_day())),
                         key=lambda pair: (pair[0].due, pair[1].code))
    nearest: dict[str, PointStatus] = {}
    for occ, point in occurrences:
        if len(nearest) == SHOWN:
            break
        title = point.heading(occ)
        if occ.due >= today and title not in nearest:
            row = judge(point, occ)
            if row.status != DONE:
                nearest[title] = row
    overdue = sum(judge(point, occ).status == OVERDUE for occ, point in occurrences
                  if occ.year == today.year and occ.due < today)
    return HomeDeadlines([_item(r) for r in nearest.values()], overdue, today.year)
