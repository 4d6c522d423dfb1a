"""Figures for the year that monitoring reports ask of the commission and the journals.

Meetings held, cases considered by ground, decisions that found a breach,
measures applied by kind, notices registered per journal and how many of
them were settled late or are overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from zorko.commission import decisions
from zorko.commission.models import Case, Measure, Meeting
from zorko.journals.models import OPEN_STATUSES, JournalEntry, Kind

BREACH = {"not_complied", "unreliable", "conflict_breach", "refuse", "breach", "evasion"}


@dataclass(slots=True)
class YearSummary:
    year: int
    meetings: int = 0
    cases: list[tuple[str, int]] = field(default_factory=list)
    breaches: int = 0
    measures: list[tuple[str, int]] = field(default_factory=list)
    notices: list[tuple[str, int, int]] = field(default_factory=list)  # journal, registered, overdue now

    def lines(self) -> list[str]:
        out = [f"Итоги за {self.year} год", f"Заседаний комиссии проведено: {self.meetings}"]
        out += [f"Рассмотрено дел — {name}: {n}" for name, n in self.cases]
        out.append(f"Решений о нарушении требований: {self.breaches}")
        out += [f"Применено мер — {name}: {n}" for name, n in self.measures]
        out += [f"{name}: зарегистрировано {n}, просрочено {late}" for name, n, late in self.notices]
        return out


def year_summary(year: int, today: date | None = None) -> YearSummary:
    today = today or date.today()
    s = YearSummary(year)
    s.meetings = Meeting.objects.filter(year=year, status=Meeting.Status.HELD).count()
    decided = Case.objects.filter(status=Case.Status.DECIDED, decided_on__year=year)
    s.cases = [(decisions.ground_name(r["ground"]), r["n"])
               for r in decided.values("ground").annotate(n=Count("pk")).order_by("ground")]
    s.breaches = decided.filter(decision__in=BREACH).count()
    s.measures = [(Measure.Kind(r["kind"]).label, r["n"]) for r in
                  Measure.objects.filter(order_date__year=year).values("kind").annotate(n=Count("pk")).order_by("kind")]
    for kind in Kind.values:
        entries = list(JournalEntry.objects.filter(kind=kind, year=year))
        overdue = sum(1 for e in entries if e.status in OPEN_STATUSES and e.due and e.due < today)
        s.notices.append((Kind(kind).label, len(entries), overdue))
    return s
