"""Finding servants and candidates: by any part of the ФИО, and by the list filters.

A query matches when every word of it occurs in the person's normalised
name (current ФИО and former surnames), so «федор иван» finds «Иванов
Фёдор Петрович», and Latin look-alikes typed by mistake still match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from zorko.matching.normalize import normalize_name
from zorko.people.models import Servant

# Status filter values beyond the model's own: everyone on the staff list (current and former).
ALL = "all"


@dataclass(frozen=True, slots=True)
class ServantFilter:
    query: str = ""
    organisation_id: int | None = None
    department_id: int | None = None
    status: str = ""
    questionnaire_stale: bool = False
    category: str = ""


def year_ago(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def name_matches(query: str) -> Q:
    condition = Q()
    for word in normalize_name(query).split(" "):
        if not word:
            continue
        word_q = Q(name_norm__contains=word)
        if word.isdigit():
            word_q |= Q(personnel_number=word) | Q(inn__startswith=word)
        condition &= word_q
    return condition


def select_servants(flt: ServantFilter, today: date | None = None) -> QuerySet[Servant]:
    servants = Servant.objects.select_related("organisation", "department", "position")
    if flt.query.strip():
        servants = servants.filter(name_matches(flt.query))
    if flt.organisation_id:
        servants = servants.filter(organisation_id=flt.organisation_id)
    if flt.department_id:
        servants = servants.filter(department_id=flt.department_id)
    if flt.status and flt.status != ALL:
        servants = servants.filter(status=flt.status)
    if flt.category:
        servants = servants.filter(category=flt.category)
    if flt.questionnaire_stale:
        cutoff = year_ago(today or date.today())
        servants = servants.filter(Q(questionnaire_updated_on__isnull=True)
                                   | Q(questionnaire_updated_on__lt=cutoff))
    return servants


def questionnaire_is_stale(servant: Servant, today: date | None = None) -> bool:
    updated = servant.questionnaire_updated_on
    return updated is None or updated < year_ago(today or date.today())
