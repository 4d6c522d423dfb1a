"""The status of each control point in a year: computed from evidence, else from an inspector's mark.

Order of precedence: met (by evidence or by a «выполнено» mark with its
document) → выполнено; past the due day → просрочено; before the start →
не начато; begun (partial evidence or a «в работе» mark) → в работе. A
point is *alarming* when overdue, or due within 14 days and not started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zorko.config import monitoring_k_day
from zorko.program.control_points import ControlPoint, Occurrence, load_points
from zorko.program.evidence import COMPLETE, EVIDENCE, PARTIAL, Evidence
from zorko.program.models import ControlPointMark

NOT_STARTED, IN_PROGRESS, DONE, OVERDUE = "not_started", "in_progress", "done", "overdue"
STATUS_NAMES = {NOT_STARTED: "не начато", IN_PROGRESS: "в работе", DONE: "выполнено", OVERDUE: "просрочено"}
ALARM_DAYS = 14


def monitoring_day() -> int:
    return monitoring_k_day()


@dataclass(slots=True)
class PointStatus:
    point: ControlPoint
    occurrence: Occurrence
    status: str
    evidence: Evidence | None
    mark: ControlPointMark | None
    days_left: int

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def alarm(self) -> bool:
        return self.status == OVERDUE or (self.status == NOT_STARTED and 0 <= self.days_left <= ALARM_DAYS)

    @property
    def computed(self) -> bool:
        return self.evidence is not None


def decide(occ: Occurrence, today: date, evidence: Evidence | None, mark: ControlPointMark | None) -> str:
    marked = mark.status if mark else ""
    if (evidence and evidence.state == COMPLETE) or marked == ControlPointMark.Status.DONE:
        return DONE
    if today > occ.due:
        return OVERDUE
    if today < occ.start:
        return NOT_STARTED
    if (evidence and evidence.state == PARTIAL) or marked == ControlPointMark.Status.IN_PROGRESS:
        return IN_PROGRESS
    return NOT_STARTED


def _marks(years: set[int]) -> dict[tuple[str, int, int], ControlPointMark]:
    rows = ControlPointMark.objects.filter(year__in=years).defer("document_content")
    return {(m.code, m.year, m.quarter): m for m in rows}


# Several points may share one computation for one occurrence (the quarterly «Мониторинг-К» points),
# so a caller judging many occurrences keeps the evidence already computed.
EvidenceMemo = dict[tuple[str, Occurrence], "Evidence | None"]


class Judge:
    """Decides occurrences one by one, reading the marks once and each piece of evidence once."""

    def __init__(self, years: set[int], today: date) -> None:
        self.today = today
        self.marks = _marks(years)
        self.memo: EvidenceMemo = {}

    def __call__(self, point: ControlPoint, occ: Occurrence) -> PointStatus:
        evidence = None
        if point.evidence:
            key = (point.evidence, occ)
            if key not in self.memo:
                self.memo[key] = EVIDENCE[point.evidence](occ, self.today)
            evidence = self.memo[key]
        mark = self.marks.get((point.code, occ.year, occ.quarter))
        return PointStatus(point, occ, decide(occ, self.today, evidence, mark), evidence, mark,
                           (occ.due - self.today).days)


def statuses(year: int, today: date, points: list[ControlPoint] | None = None) -> list[PointStatus]:
    """Every occurrence of every point in ``year`` (a quarterly point has four)."""
    points = points if points is not None else load_points()
    judge = Judge({year}, today)
    return [judge(point, occ) for point in points for occ in point.occurrences(year, monitoring_day())]


def year_summary(rows: list[PointStatus]) -> dict[str, int]:
    counts = {s: 0 for s in STATUS_NAMES}
    for row in rows:
        counts[row.status] += 1
    return counts
