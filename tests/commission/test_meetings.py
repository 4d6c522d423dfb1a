"""Quorum refusals, decisions from the regulation's list, and the decision closing its ground."""

from __future__ import annotations

from datetime import date

import pytest

from tests.commission.conftest import MEETING_DAY
from zorko.commission import meetings
from zorko.commission.cases import open_from_entry, open_from_finding
from zorko.commission.models import Case, Member, Rules
from zorko.exceptions import ValidationError
from zorko.findings.models import Finding
from zorko.journals.models import Status

pytestmark = pytest.mark.django_db


def _meeting(members, *cases):
    return meetings.schedule(MEETING_DAY, list(cases), None, place="каб. 101")


def test_meeting_without_quorum_is_refused_with_the_reason(members, interest_entry) -> None:
    meeting = _meeting(members, open_from_entry(interest_entry, None))
    # Three of six present: two thirds of six needs four.
    meetings.set_attendance(meeting, {members[0].pk, members[2].pk, members[4].pk}, None)
    with pytest.raises(ValidationError, match="нет кворума: присутствуют 3 из 6 членов комиссии, нужно не менее 4"):
        meetings.hold(meeting, None)
    meetings.set_attendance(meeting, {m.pk for m in members}, None)
    meetings.hold(meeting, None)
    assert meeting.status == "held"


def test_meeting_without_independent_experts_is_refused(members, interest_entry) -> None:
    meeting = _meeting(members, open_from_entry(interest_entry, None))
    meetings.set_attendance(meeting, {m.pk for m in members[:4]}, None)  # both experts are absent
    with pytest.raises(ValidationError, match="независимых экспертов: 0, нужно не менее 1"):
        meetings.hold(meeting, None)


def test_quorum_shares_are_configurable(members, interest_entry) -> None:
    Rules.objects.update_or_create(pk=1, defaults={"quorum_num": 1, "quorum_den": 2, "independent_num": 0})
    meeting = _meeting(members, open_from_entry(interest_entry, None))
    meetings.set_attendance(meeting, {members[0].pk, members[1].pk, members[2].pk}, None)
    meetings.hold(meeting, None)  # 3 of 6 is a half, and no expert is required
    assert meeting.status == "held"


def test_members_out_of_their_period_do_not_count(members, interest_entry) -> None:
    Member.objects.filter(pk__in=[members[3].pk, members[5].pk]).update(until=date(2026, 6, 1))
    meeting = _meeting(members, open_from_entry(interest_entry, None))
    meetings.set_attendance(meeting, {members[0].pk, members[2].pk, members[4].pk}, None)
    meetings.hold(meeting, None)  # 3 of the 4 current members is two thirds; of all six it would not be


def test_decision_closes_the_finding_through_the_review(members, confirmed_finding) -> None:
    case = open_from_finding(confirmed_finding, None)
    confirmed_finding.refresh_from_db()
    assert confirmed_finding.status == Finding.Status.REFERRED
    meeting = _meeting(members, case)
    meetings.hold(meeting, None)
    item = meeting.items.get()
    with pytest.raises(ValidationError, match="не предусмотрено"):
        meetings.decide(item, "consent", None, votes_for=6)
    with pytest.raises(ValidationError, match="нужно простое большинство"):
        meetings.decide(item, "complied", None, votes_for=3, votes_against=3)
    meetings.decide(item, "complied", None, votes_for=5, votes_against=1, statements="Пояснения служащей")
    confirmed_finding.refresh_from_db()
    assert confirmed_finding.status == Finding.Status.DISMISSED
    last = confirmed_finding.decisions.last()
    assert last.from_status == "referred" and "протокол № 1 от 20.11.2026" in last.reason
    assert Case.objects.get(pk=case.pk).status == Case.Status.DECIDED
    item.refresh_from_db()
    assert item.extract_due == date(2026, 11, 27)


def test_decision_closes_the_journal_entry(members, interest_entry) -> None:
    case = open_from_entry(interest_entry, None)
    interest_entry.refresh_from_db()
    assert interest_entry.status == Status.REFERRED
    meeting = _meeting(members, case)
    meetings.hold(meeting, None)
    meetings.decide(meeting.items.get(), "conflict_settle", None, votes_for=5)
    interest_entry.refresh_from_db()
    assert interest_entry.status == Status.CLOSED and interest_entry.decided_on == MEETING_DAY
    assert "личная заинтересованность приводит или может привести к конфликту интересов" in interest_entry.decision


def test_no_decision_before_the_meeting_is_held_and_only_a_confirmed_finding_is_referred(
        members, interest_entry, confirmed_finding) -> None:
    meeting = _meeting(members, open_from_entry(interest_entry, None))
    with pytest.raises(ValidationError, match="проведённом заседании"):
        meetings.decide(meeting.items.get(), "no_conflict", None, votes_for=5)
    Finding.objects.filter(pk=confirmed_finding.pk).update(status=Finding.Status.NEW)
    confirmed_finding.refresh_from_db()
    with pytest.raises(ValidationError, match="только подтверждённое"):
        open_from_finding(confirmed_finding, None)


def test_a_finding_referred_on_the_findings_page_gets_its_case(confirmed_finding) -> None:
    from zorko.findings.review import review_finding

    review_finding(confirmed_finding, Finding.Status.REFERRED, None)
    case = open_from_finding(confirmed_finding, None)
    assert case.finding == confirmed_finding and confirmed_finding.decisions.count() == 2
    with pytest.raises(ValidationError, match="только подтверждённое"):
        open_from_finding(confirmed_finding, None)


def test_inducement_notices_do_not_go_to_the_commission(make_servant) -> None:
    from zorko.journals.models import Kind
    from zorko.journals.services import register_entry

    entry = register_entry(Kind.INDUCEMENT, make_servant(), date(2026, 11, 10), "Предложено вознаграждение", None,
                           registered_on=date(2026, 11, 10))
    with pytest.raises(ValidationError, match="направляется в органы прокуратуры"):
        open_from_entry(entry, None)
    assert not Case.objects.exists()
