"""Legal and program deadlines the anti-corruption department works to, computed from a day.

- declarations (Указ № 460 form) for the past year: by 30 April;
- questionnaire updates (program plan, section 6): by 1 April;
- the quarterly «Мониторинг-К» summary: by ``ZORKO_MONITORING_K_DAY`` of the
  month after the quarter. The program names the summary but not its day,
  so the day is a setting, not a fact of law.

The home page lists the program's control points instead (:mod:`zorko.program.deadlines`),
with the same :class:`Deadline` items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True, slots=True)
class Deadline:
    title: str
    due: date
    days_left: int
    status: str = ""  # the control point's status name, when the item is one
    alarm: bool = False  # overdue, or due soon and not started

    @property
    def when(self) -> str:
        """«сегодня», «завтра», «через 3 дня», «через 25 дней»."""
        if self.days_left == 0:
            return "сегодня"
        if self.days_left == 1:
            return "завтра"
        return f"через {self.days_left} {days_word(self.days_left)}"


def days_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "день"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "дня"
    return "дней"


def _next_yearly(today: date, month: int, day: int) -> date:
    this_year = date(today.year, month, day)
    return this_year if this_year >= today else date(today.year + 1, month, day)


def _monitoring_k(today: date) -> tuple[date, str]:
    """The next summary due, in January, April, July or October, for the quarter just ended."""
    from zorko.config import monitoring_k_day

    day = monitoring_k_day()
    due = min(d for y in (today.year, today.year + 1) for m in (1, 4, 7, 10)
              if (d := date(y, m, day)) >= today)
    quarter = (due.month - 1) // 3 - 1  # the previous quarter, -1 = IV of the year before
    return due, f"«Мониторинг-К» за {_QUARTERS[quarter]} квартал {due.year - (quarter < 0)} г."


def upcoming(today: date) -> list[Deadline]:
    """The next occurrence of each deadline, soonest first."""
    declarations = _next_yearly(today, 4, 30)
    questionnaires = _next_yearly(today, 4, 1)
    monitoring, monitoring_title = _monitoring_k(today)
    items = [
        Deadline(f"Справки о доходах за {declarations.year - 1} год", declarations, 0),
        Deadline("Актуализация анкет служащих", questionnaires, 0),
        Deadline(monitoring_title, monitoring, 0),
    ]
    return sorted((Deadline(d.title, d.due, (d.due - today).days) for d in items), key=lambda d: d.due)
