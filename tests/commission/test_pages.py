"""Commission pages: the secretary manages the commission but sees no findings outside its cases."""

from __future__ import annotations

import io

import pytest
from docx import Document

from tests.commission.conftest import MEETING_DAY
from zorko.commission import meetings
from zorko.commission.cases import open_from_finding
from zorko.findings.models import Finding

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_finding(make_servant):
    return Finding.objects.create(
        key="o" * 64, rule="relative_founder", severity="medium", score=0.7, servant=make_servant("Орлова"),
        subject_kind="company", subject_ogrn="1024200000017", subject_name="ООО «Чужое»",
        explanation="Чужое срабатывание вне дел комиссии", evidence={}, evidence_hash="h")


def test_secretary_sees_the_cases_ground_and_no_other_finding(client_as, members, confirmed_finding,
                                                               other_finding) -> None:
    case = open_from_finding(confirmed_finding, None)
    client = client_as("secretary")
    page = client.get(f"/commission/cases/{case.pk}/").content.decode()
    assert "Супруг — учредитель поставщика" in page
    assert f"/findings/{confirmed_finding.pk}/" not in page  # the ground is shown, not linked
    assert client.get("/findings/").status_code == 403
    assert client.get(f"/findings/{other_finding.pk}/").status_code == 403
    assert client.get(f"/findings/{confirmed_finding.pk}/").status_code == 403
    card = client.get(f"/people/{other_finding.servant_id}/").content.decode()
    assert "Чужое срабатывание" not in card
    index = client.get("/commission/").content.decode()
    assert "Открыть дело по подтверждённому срабатыванию" not in index and "Назначить заседание" in index
    assert client.post("/commission/cases/from-finding/", {"finding": other_finding.pk}).status_code == 403


def test_secretary_runs_a_meeting_and_the_refusal_names_the_reason(client_as, members, confirmed_finding) -> None:
    case = open_from_finding(confirmed_finding, None)
    client = client_as("secretary")
    response = client.post("/commission/meetings/new/", {"date": MEETING_DAY.isoformat(), "time": "10:00",
                                                         "place": "зал", "cases": [case.pk]})
    meeting = case.agenda_items.get().meeting
    assert response["Location"] == f"/commission/meetings/{meeting.pk}/"
    client.post(f"/commission/meetings/{meeting.pk}/attendance/", {"present": [members[0].pk, members[1].pk]})
    refused = client.post(f"/commission/meetings/{meeting.pk}/hold/")
    assert refused.status_code == 400
    assert "нет кворума: присутствуют 2 из 6 членов комиссии, нужно не менее 4" in refused.content.decode()
    client.post(f"/commission/meetings/{meeting.pk}/attendance/", {"present": [m.pk for m in members]})
    assert client.post(f"/commission/meetings/{meeting.pk}/hold/").status_code == 302
    item = meeting.items.get()
    client.post(f"/commission/items/{item.pk}/decide/", {f"i{item.pk}-decision": "not_complied",
                                                         f"i{item.pk}-votes_for": "6",
                                                         f"i{item.pk}-votes_against": "0",
                                                         f"i{item.pk}-votes_abstained": "0"})
    confirmed_finding.refresh_from_db()
    assert confirmed_finding.status == Finding.Status.CONFIRMED
    protocol = client.get(f"/commission/meetings/{meeting.pk}/protocol.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(protocol.content)).paragraphs)
    assert "в отношении Петровой Марии Сергеевны" in text
    client.post(f"/commission/cases/{case.pk}/measure/", {"kind": "dismissal", "order_number": "15-к",
                                                          "order_date": "2026-11-25"})
    register = client.get("/commission/measures/").content.decode()
    assert "увольнение в связи с утратой доверия" in register and "№ 15-к от 25.11.2026" in register
    card = client.get(f"/people/{case.servant_id}/").content.decode()
    assert f"Дело {case.label}" in card and "распоряжение № 15-к от 25.11.2026" in card


def test_viewer_reads_but_does_not_manage(client_as, members, confirmed_finding) -> None:
    case = open_from_finding(confirmed_finding, None)
    meeting = meetings.schedule(MEETING_DAY, [case], None)
    client = client_as("viewer")
    assert client.get(f"/commission/meetings/{meeting.pk}/").status_code == 200
    assert client.post(f"/commission/meetings/{meeting.pk}/hold/").status_code == 403
    assert client.get("/commission/measures/federal.xlsx").status_code == 403


HOSTILE = "<script>alert(1)</script>"


def test_hostile_text_is_escaped_on_pages_and_neutralised_in_the_register(client_as, members,
                                                                         confirmed_finding) -> None:
    from openpyxl import load_workbook

    from zorko.commission.measures import apply_measure
    from zorko.people.models import Position

    servant = confirmed_finding.servant
    servant.position = Position.objects.create(name="=HYPERLINK(\"http://evil\")")
    servant.save()
    case = open_from_finding(confirmed_finding, None, summary=HOSTILE + " длинно" * 400)
    meeting = meetings.schedule(MEETING_DAY, [case], None, place=HOSTILE)
    meetings.hold(meeting, None)
    meetings.decide(meeting.items.get(), "not_complied", None, votes_for=6, statements=HOSTILE)
    case.refresh_from_db()
    apply_measure(case, "dismissal", "=1+1", MEETING_DAY, None, note=HOSTILE)
    client = client_as("inspector")
    for url in (f"/commission/cases/{case.pk}/", f"/commission/meetings/{meeting.pk}/", "/commission/measures/",
                f"/people/{servant.pk}/"):
        page = client.get(url).content.decode()
        assert HOSTILE not in page, url
    sheet = load_workbook(io.BytesIO(client.get("/commission/measures/federal.xlsx").content)).active
    row = {sheet.cell(1, c).value: sheet.cell(2, c).value for c in range(1, sheet.max_column + 1)}
    assert row["Фамилия"] == "Петрова" and row["Замещавшаяся должность"].startswith("'=HYPERLINK")
    assert row["Дата и номер акта об увольнении"] == "№ =1+1 от 20.11.2026"


def test_card_summary_of_inducement_notices_is_audited(client_as, make_servant) -> None:
    from datetime import date

    from zorko.audit.models import AuditEvent
    from zorko.journals.models import Kind
    from zorko.journals.services import register_entry

    servant = make_servant()
    entry = register_entry(Kind.INDUCEMENT, servant, date(2026, 11, 10), "Предложено вознаграждение", None,
                           registered_on=date(2026, 11, 10))
    assert "№ 1/2026" not in client_as("hr").get(f"/people/{servant.pk}/").content.decode()
    assert not AuditEvent.objects.filter(action="journal.list").exists()
    assert "№ 1/2026" in client_as("inspector").get(f"/people/{servant.pk}/").content.decode()
    assert AuditEvent.objects.get(action="journal.list").details["ids"] == [entry.pk]


def test_secretary_keeps_the_membership(client_as, members) -> None:
    from datetime import date

    client = client_as("secretary")
    added = client.post("/commission/members/", {
        "add": "1", "last_name": "Новикова", "first_name": "Алла", "middle_name": "Сергеевна",
        "position": "представитель профсоюза", "role": "member", "independent": "on", "since": "2026-12-01"})
    assert added.status_code == 302
    client.post("/commission/members/", {"end": "1", "member": members[3].pk, "until": "2026-12-02"})
    members[3].refresh_from_db()
    assert members[3].until == date(2026, 12, 2)
    refused = client.post("/commission/members/", {"end": "1", "member": members[4].pk, "until": "2025-01-01"})
    assert refused.status_code == 400 and "Дата исключения должна быть позже 01.01.2026" in refused.content.decode()
    bad_rules = client.post("/commission/members/", {"rules": "1", "name": "Комиссия", "quorum_num": "4",
                                                     "quorum_den": "3", "independent_num": "1",
                                                     "independent_den": "4", "extract_days": "7"})
    assert "Доля задаётся дробью не больше единицы" in bad_rules.content.decode()
    unknown = client.post("/commission/members/", {"end": "1", "member": "abc", "until": "2026-12-02"})
    assert unknown.status_code == 400 and "Член комиссии" in unknown.content.decode()
    assert client_as("viewer").post("/commission/members/", {"end": "1", "member": members[4].pk,
                                                             "until": "2026-12-02"}).status_code == 403


def test_overdue_extract_is_listed_until_sent(client_as, members, confirmed_finding) -> None:
    case = open_from_finding(confirmed_finding, None)
    meeting = meetings.schedule(MEETING_DAY, [case], None)
    meetings.hold(meeting, None)
    item = meeting.items.get()
    meetings.decide(item, "complied", None, votes_for=6)
    client = client_as("secretary")
    index = client.get("/commission/").content.decode()
    assert "Просрочено направление выписок" in index and "срок 27.11.2026" in index
    client.post(f"/commission/items/{item.pk}/extract-sent/", {f"x{item.pk}-sent_on": "2026-12-01"})
    assert "Просрочено направление выписок" not in client.get("/commission/").content.decode()
    assert "направлена 01.12.2026" in client.get(f"/commission/meetings/{meeting.pk}/").content.decode()
