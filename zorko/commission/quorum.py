"""Whether a meeting may be held: members present against the quorum and the independent share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.db.models import Q, QuerySet

from zorko.commission.models import Meeting, Member, Rules


def rules() -> Rules:
    found, _ = Rules.objects.get_or_create(pk=1)
    return found


def members_on(day: date) -> QuerySet[Member]:
    return Member.objects.filter(since__lte=day).filter(Q(until__isnull=True) | Q(until__gt=day))


@dataclass(frozen=True, slots=True)
class QuorumCheck:
    members: int
    present: int
    independent_present: int
    quorum_needed: int
    independent_needed: int

    @property
    def problems(self) -> list[str]:
        found = []
        if self.members == 0:
            return ["в составе комиссии на дату заседания нет ни одного члена"]
        if self.present < self.quorum_needed:
            found.append(f"нет кворума: присутствуют {self.present} из {self.members} членов комиссии, "
                         f"нужно не менее {self.quorum_needed}")
        if self.independent_present < self.independent_needed:
            found.append(f"присутствуют независимых экспертов: {self.independent_present}, нужно не менее "
                         f"{self.independent_needed} (доля от числа присутствующих)")
        return found

    @property
    def ok(self) -> bool:
        return not self.problems


def _at_least(share: Fraction, total: int) -> int:
    whole = share * total
    return int(whole) if whole.denominator == 1 else int(whole) + 1


def check(meeting: Meeting) -> QuorumCheck:
    r = rules()
    roster = list(members_on(meeting.date))
    present_ids = set(meeting.attendance.filter(present=True).values_list("member_id", flat=True))
    present = [m for m in roster if m.pk in present_ids]
    quorum = _at_least(Fraction(r.quorum_num, r.quorum_den), len(roster))
    independent = _at_least(Fraction(r.independent_num, r.independent_den), len(present))
    return QuorumCheck(len(roster), len(present), sum(m.independent for m in present), quorum, independent)
