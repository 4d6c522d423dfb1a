"""Meetings: schedule with an agenda, mark attendance, hold (quorum checked), decide each case.

A decision flows back to the case's ground: the finding is closed through
the review workflow, the journal entry gets the decision and is closed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction

from zorko.audit.log import record
from zorko.commission import decisions
from zorko.commission.models import AgendaItem, Attendance, Case, Meeting, Member
from zorko.commission.quorum import check, members_on, rules
from zorko.exceptions import ValidationError
from zorko.findings.review import review_finding
from zorko.journals import services as journal_services
from zorko.journals.numbering import create_numbered


def schedule(day: date, cases: list[Case], user: Any, place: str = "", time: str = "10:00") -> Meeting:
    if not cases:
        raise ValidationError("В повестке заседания должно быть хотя бы одно дело")
    closed = [c.label for c in cases if c.status == Case.Status.DECIDED]
    if closed:
        raise ValidationError(f"Дела уже рассмотрены: {', '.join(closed)}")
    with transaction.atomic():
        meeting = create_numbered(Meeting, {"year": day.year}, lambda number: Meeting.objects.create(
            year=day.year, number=number, date=day, place=place, time=time))
        for order, case in enumerate(cases, 1):
            AgendaItem.objects.create(meeting=meeting, case=case, order=order)
            case.status = Case.Status.SCHEDULED
            case.save(update_fields=["status"])
        for member in members_on(day):
            Attendance.objects.create(meeting=meeting, member=member, present=True)
        record(user, "commission.meeting", meeting, step="schedule", cases=[c.label for c in cases])
    return meeting


def set_attendance(meeting: Meeting, present_ids: set[int], user: Any) -> None:
    if meeting.status == Meeting.Status.HELD:
        raise ValidationError("Заседание уже проведено: состав присутствующих не меняется")
    roster = {m.pk for m in members_on(meeting.date)}
    for member_id in roster:
        Attendance.objects.update_or_create(meeting=meeting, member_id=member_id,
                                            defaults={"present": member_id in present_ids})
    record(user, "commission.meeting", meeting, step="attendance", present=len(present_ids & roster))


def hold(meeting: Meeting, user: Any) -> None:
    """Open the meeting; refused, with the reason, without the quorum or the independent members."""
    if meeting.status == Meeting.Status.HELD:
        raise ValidationError("Заседание уже проведено")
    result = check(meeting)
    if not result.ok:
        record(user, "commission.meeting", meeting, step="refused", reasons=result.problems)
        raise ValidationError("Заседание не может быть проведено: " + "; ".join(result.problems))
    meeting.status, meeting.held_on = Meeting.Status.HELD, meeting.date
    meeting.save(update_fields=["status", "held_on"])
    record(user, "commission.meeting", meeting, step="held", present=result.present)


def decide(item: AgendaItem, code: str, user: Any, *, votes_for: int, votes_against: int = 0,
           votes_abstained: int = 0, statements: str = "") -> None:
    meeting, case = item.meeting, item.case
    if meeting.status != Meeting.Status.HELD:
        raise ValidationError("Решение принимается только на проведённом заседании (проверьте кворум)")
    if case.status == Case.Status.DECIDED:
        raise ValidationError(f"По делу {case.label} решение уже принято")
    choice = decisions.find(case.ground, code)
    if choice is None:
        raise ValidationError(f"Решение «{code}» не предусмотрено для основания «{decisions.ground_name(case.ground)}»")
    present = check(meeting).present
    if votes_for + votes_against + votes_abstained > present:
        raise ValidationError(f"Голосов больше, чем присутствующих членов комиссии ({present})")
    if votes_for * 2 <= present:
        raise ValidationError(f"Решение не принято: «за» {votes_for} из {present} присутствующих, "
                              "нужно простое большинство")
    with transaction.atomic():
        item.decision = code
        item.votes_for, item.votes_against, item.votes_abstained = votes_for, votes_against, votes_abstained
        item.statements = statements.strip()
        item.extract_due = meeting.date + timedelta(days=rules().extract_days)
        item.save()
        case.status, case.decision, case.decision_text = Case.Status.DECIDED, code, choice.text
        case.decided_on = meeting.date
        case.save()
        _flow_back(case, choice, meeting, user)
        record(user, "commission.decision", case, decision=code, meeting=meeting.number)


def _flow_back(case: Case, choice: decisions.Decision, meeting: Meeting, user: Any) -> None:
    reason = f"Решение комиссии (протокол № {meeting.number} от {meeting.date:%d.%m.%Y}): {choice.text}"
    if case.finding is not None:
        review_finding(case.finding, choice.finding_status, user, reason=reason, by_commission=True)
    if case.journal_entry is not None:
        journal_services.close_entry(case.journal_entry, reason, meeting.date, user)


def mark_extract_sent(item: AgendaItem, sent_on: date, user: Any) -> None:
    if not item.decision:
        raise ValidationError("Выписка направляется после решения по делу")
    item.extract_sent_on = sent_on
    item.save(update_fields=["extract_sent_on"])
    record(user, "commission.decision", item.case, extract_sent_on=sent_on.isoformat())


def add_member(user: Any, **fields: Any) -> Member:
    member = Member(**fields)
    member.full_clean()
    member.save()
    record(user, "commission.member", member, step="add")
    return member


def end_membership(member: Member, until: date, user: Any) -> None:
    """A member leaves the commission from ``until``; meetings before that still count them."""
    if until <= member.since:
        raise ValidationError(f"Дата исключения должна быть позже {member.since:%d.%m.%Y}")
    member.until = until
    member.save(update_fields=["until"])
    record(user, "commission.member", member, step="end", until=until.isoformat())
