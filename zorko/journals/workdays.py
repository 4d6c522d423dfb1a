"""Russian working days: weekends, public holidays and the government's day-off transfers.

The calendar comes from the maintained ``holidays`` library (its Russian
calendar carries each year's transfer decree: substituted days off and the
Saturdays that become working days), never from a hand-kept list.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("RU", years=[year - 1, year, year + 1], language="ru")


def is_working_day(day: date) -> bool:
    return bool(_calendar(day.year).is_working_day(day))


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself does not count)."""
    day = start
    left = count
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def next_working_day(day: date) -> date:
    """The first working day after ``day``: «не позднее рабочего дня, следующего за …»."""
    return add_working_days(day, 1)


def holiday_name(day: date) -> str:
    return str(_calendar(day.year).get(day) or "")
