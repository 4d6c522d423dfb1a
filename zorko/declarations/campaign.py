"""The 30 April campaign: who must file a справка for a year, who filed on time, late, or not at all.

Who must file: serving servants whose position is in the перечень
(``Position.declaration_required``) or whose category is «руководитель
муниципального учреждения» or «лицо, замещающее муниципальную должность»,
hired by the end of the reporting year. The deadline is 30 April of the
next year; a уточнённая справка counts as in time up to one month after it
(``CORRECTION_MONTHS``, a [check] of the law: kept as a constant to adjust).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.db.models import Q, QuerySet

from zorko.declarations.models import Declaration
from zorko.declarations.records import Member
from zorko.people.models import Servant

DEADLINE_MONTH, DEADLINE_DAY = 4, 30
CORRECTION_MONTHS = 1
LISTED = "listed"  # the category filter's value for servants in the перечень without a category
FILING_CATEGORIES = (Servant.Category.INSTITUTION_HEAD, Servant.Category.MUNICIPAL_OFFICE)


class Status(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # the deadline has passed
    PENDING = "pending"  # not filed yet, the deadline has not passed


STATUS_NAMES = {Status.ON_TIME: "представлена в срок", Status.LATE: "представлена с опозданием",
                Status.MISSING: "не представлена", Status.PENDING: "ещё не представлена (срок не истёк)"}


def deadline(year: int) -> date:
    return date(year + 1, DEADLINE_MONTH, DEADLINE_DAY)


def correction_deadline(year: int) -> date:
    """The deadline plus ``CORRECTION_MONTHS``: a term in months ends on the same day of the last month
    (ГК РФ ст. 192), or on that month's last day when it is shorter."""
    due = deadline(year)
    months = due.month - 1 + CORRECTION_MONTHS
    y, m = due.year + months // 12, months % 12 + 1
    last = (date(y + m // 12, m % 12 + 1, 1) - date.resolution).day
    return date(y, m, min(due.day, last))


def running(year: int, today: date) -> bool:
    """The campaign for ``year`` runs from 1 January until the window for уточнённые closes."""
    return date(year + 1, 1, 1) <= today <= correction_deadline(year)


def filing_status(filed_on: date | None, year: int, today: date) -> Status:
    if filed_on is None:
        return Status.MISSING if today > deadline(year) else Status.PENDING
    return Status.ON_TIME if filed_on <= deadline(year) else Status.LATE


def obliged(year: int) -> QuerySet[Servant]:
    """The servants who must file for ``year``."""
    return (Servant.objects.filter(status=Servant.Status.SERVANT)
            .filter(Q(position__declaration_required=True) | Q(category__in=FILING_CATEGORIES))
            .filter(Q(hired_on__isnull=True) | Q(hired_on__lte=date(year, 12, 31)))
            .select_related("organisation", "position", "department"))


@dataclass(slots=True)
class Row:
    servant: Servant
    status: Status
    filed_on: date | None
    corrected_on: date | None
    correction_in_time: bool | None
    declaration_id: int | None = None  # the servant's current справка, for a link

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


@dataclass(slots=True)
class Counts:
    must: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    corrected_in_time: int = 0
    corrected_late: int = 0

    def add(self, row: Row) -> None:
        self.must += 1
        self.statuses[row.status] += 1
        if row.correction_in_time is True:
            self.corrected_in_time += 1
        elif row.correction_in_time is False:
            self.corrected_late += 1

    @property
    def on_time(self) -> int:
        return self.statuses[Status.ON_TIME]

    @property
    def late(self) -> int:
        return self.statuses[Status.LATE]

    @property
    def not_filed(self) -> int:
        return self.statuses[Status.MISSING] + self.statuses[Status.PENDING]

    @property
    def on_time_percent(self) -> float | None:
        return round(100 * self.on_time / self.must, 1) if self.must else None


@dataclass(slots=True)
class Campaign:
    year: int
    today: date
    rows: list[Row]
    total: Counts
    by_organisation: dict[str, Counts]
    by_category: dict[str, Counts]

    @property
    def deadline(self) -> date:
        return deadline(self.year)

    @property
    def correction_deadline(self) -> date:
        return correction_deadline(self.year)

    @property
    def running(self) -> bool:
        return running(self.year, self.today)


def _dates(year: int, servant_ids: list[int]) -> dict[int, tuple[date | None, date | None]]:
    """Per servant: the first original справка and the first уточнённая of the declarant himself."""
    out: dict[int, tuple[date | None, date | None]] = {}
    rows = (Declaration.objects.filter(year=year, member=Member.DECLARANT.value, servant_id__in=servant_ids)
            .values_list("servant_id", "filed_on", "correction").order_by("filed_on", "pk"))
    for servant_id, filed_on, correction in rows:
        first, corrected = out.get(servant_id, (None, None))
        if correction:
            corrected = corrected or filed_on
            first = first or filed_on  # a уточнённая alone still is a справка filed
        else:
            first = min(first, filed_on) if first else filed_on
        out[servant_id] = (first, corrected)
    return out


def build(year: int, today: date, *, organisation_id: int | None = None, category: str | None = None,
          status: str | None = None) -> Campaign:
    servants = obliged(year)
    if organisation_id:
        servants = servants.filter(organisation_id=organisation_id)
    if category:
        servants = servants.filter(category="" if category == LISTED else category)
    people = list(servants.order_by("organisation__name", "last_name", "first_name", "middle_name", "pk"))
    dates = _dates(year, [s.pk for s in people])
    rows, total = [], Counts()
    by_org: dict[str, Counts] = {}
    by_category: dict[str, Counts] = {}
    for servant in people:
        filed_on, corrected_on = dates.get(servant.pk, (None, None))
        in_time = None if corrected_on is None else corrected_on <= correction_deadline(year)
        row = Row(servant, filing_status(filed_on, year, today), filed_on, corrected_on, in_time)
        total.add(row)
        by_org.setdefault(str(servant.organisation), Counts()).add(row)
        by_category.setdefault(servant.get_category_display() if servant.category else "по перечню должностей",
                               Counts()).add(row)
        if not status or row.status == status or (status == "corrected" and corrected_on):
            rows.append(row)
    return Campaign(year, today, rows, total, by_org, by_category)


def not_filed_by(year: int, day: date, organisation_id: int | None = None) -> list[Servant]:
    """Obliged servants with no справка of their own filed on or before ``day``: whom to remind."""
    servants = obliged(year)
    if organisation_id:
        servants = servants.filter(organisation_id=organisation_id)
    filed = set(Declaration.objects.filter(year=year, member=Member.DECLARANT.value, filed_on__lte=day)
                .values_list("servant_id", flat=True))
    return [s for s in servants.order_by("last_name", "first_name", "middle_name", "pk") if s.pk not in filed]


def last_reporting_year(today: date) -> int:
    return today.year - 1


def home_campaign(today: date) -> Campaign | None:
    """The campaign the home page shows: the last reporting year's, while it runs."""
    year = last_reporting_year(today)
    return build(year, today) if running(year, today) else None


def set_listed_positions(names: list[str], listed: bool) -> list[str]:
    """Flag positions as in the перечень (or not); with no names, the current перечень. Unknown names are errors."""
    from zorko.exceptions import ValidationError
    from zorko.people.models import Position

    found = {p.name: p for p in Position.objects.filter(name__in=names)}
    unknown = [n for n in names if n not in found]
    if unknown:
        raise ValidationError("Нет таких должностей: " + ", ".join(f"«{n}»" for n in unknown))
    Position.objects.filter(name__in=names).update(declaration_required=listed)
    current = list(Position.objects.filter(declaration_required=True).values_list("name", flat=True))
    return [f"В перечне должностей: {len(current)}", *(f"  {n}" for n in current)]


def program_evidence(year: int, due: date) -> tuple[int, int] | None:
    """Evidence of the programme's control point on the справки filed by 30 April of ``year``.

    In ``year`` the servants file for ``year - 1``; returns (filed by ``due``, obliged), or None when
    nobody must file (then the point has no evidence here and an inspector marks it).
    """
    reporting = year - 1
    people = obliged(reporting)
    expected = people.count()
    if not expected:
        return None
    # A servant has filed by the limit when any справка of his own (original or уточнённая) is dated by then.
    limit = min(due, deadline(reporting))
    filed = (Declaration.objects.filter(year=reporting, member=Member.DECLARANT.value, servant__in=people,
                                        filed_on__lte=limit).values("servant_id").distinct().count())
    return filed, expected
