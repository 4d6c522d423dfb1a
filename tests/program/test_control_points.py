"""Control points: the shipped file, its validation, and each point's status at its deadline edges."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from zorko.exceptions import InputFileError
from zorko.program import control_points as cp
from zorko.program.models import (
    ControlPointMark,
    Event,
    MonitoringReport,
    PlanEntry,
    PreventiveTalk,
    TrainingCourse,
)
from zorko.program.status import statuses

SEED_CODES = {"1.1.К1", "1.1.К2", "1.1.2", "2.1.К1", "2.1.К2", "2.1.2", "3.1.К1", "3.1.К2", "3.1.2", "4.1.К1",
              "4.1.2", "5.1.К1", "5.1.2", "6.1.К1", "6.1.К2", "6.1.2"}


def _status(code: str, today: date, year: int = 2026, quarter: int = 0) -> str:
    rows = [r for r in statuses(year, today) if r.point.code == code and r.occurrence.quarter == quarter]
    assert len(rows) == 1
    return rows[0].status


def test_shipped_file_holds_section_6_of_the_program() -> None:
    points = {p.code: p for p in cp.parse(cp.shipped_content())}
    assert set(points) == SEED_CODES
    assert points["3.1.К1"].rule == {"type": "fixed", "start": "01.01", "due": "01.04"}
    assert points["3.1.К2"].document == "Контракт"
    assert points["1.1.2"].rule["type"] == "quarterly"
    assert "Управление по вопросам муниципальной службы" in points["6.1.К2"].responsible
    occ = points["2.1.К2"].occurrences(2027, 10)[0]
    assert (occ.start, occ.due) == (date(2027, 1, 1), date(2027, 4, 30))
    q = points["1.1.2"].occurrences(2026, 10)
    assert [o.due for o in q] == [date(2026, 4, 10), date(2026, 7, 10), date(2026, 10, 10), date(2027, 1, 10)]


def test_bad_file_lists_every_problem_with_point_and_field() -> None:
    content = cp.shipped_content()
    content["points"][0]["rule"] = {"type": "monthly"}
    content["points"][1]["rule"] = {"type": "fixed", "start": "31.02", "due": "01.04"}
    content["points"][2]["evidence"] = "telepathy"
    content["points"][3]["code"] = content["points"][4]["code"]
    content["points"][5]["title"] = ""
    with pytest.raises(InputFileError) as err:
        cp.parse(content, "точки.json")
    text = str(err.value)
    assert "Найдено ошибок: 5" in text
    assert "точка 1 (1.1.К1): rule.type" in text
    assert "rule.start" in text and "ДД.ММ" in text
    assert "неизвестный источник сведений" in text
    assert "код повторяется" in text
    assert "точка 6 (2.1.2): title» (значение" not in text and "поле не заполнено" in text


def test_not_json_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputFileError) as err:
        cp.read_file(b"{points: [", "точки.json")
    assert "точки.json" in str(err.value) and "JSON" in str(err.value)


def test_administrators_copy_replaces_the_shipped_points(db) -> None:
    content = cp.shipped_content()
    content["points"] = [p for p in content["points"] if p["code"] != "5.1.К1"]
    content["points"][0]["title"] = "Беседы с новыми служащими (новая редакция)"
    cp.save_content(content, "правка")
    points = cp.load_points()
    assert "5.1.К1" not in {p.code for p in points}
    assert points[0].title == "Беседы с новыми служащими (новая редакция)"


def test_training_list_point_at_its_deadline(db, make_servant) -> None:
    due = date(2026, 4, 1)
    assert _status("3.1.К1", date(2026, 3, 1)) == "not_started"
    assert _status("3.1.К1", due) == "not_started"
    assert _status("3.1.К1", due + timedelta(days=1)) == "overdue"
    PlanEntry.objects.create(year=2026, servant=make_servant(), added_on=date(2026, 3, 20))
    assert _status("3.1.К1", due) == "done"
    assert _status("3.1.К1", due + timedelta(days=1)) == "done"


def test_contract_point_before_start_and_after_due(db) -> None:
    assert _status("3.1.К2", date(2026, 3, 31)) == "not_started"
    course = TrainingCourse.objects.create(year=2026, programme="П", provider="О")
    assert _status("3.1.К2", date(2026, 4, 30)) == "in_progress"  # a course, no contract yet
    assert _status("3.1.К2", date(2026, 5, 1)) == "overdue"
    course.contract_number, course.contract_date = "0139-47", date(2026, 4, 22)
    course.save()
    assert _status("3.1.К2", date(2026, 5, 1)) == "done"


def test_certificates_point_needs_the_whole_plan_or_the_annual_target(db, make_servant, certify, plan) -> None:
    people = [make_servant(f"С{i}") for i in range(3)]
    for s in people:
        plan(s)
    assert _status("3.1.2", date(2026, 5, 31)) == "not_started"
    certify(people[0], date(2026, 6, 20))
    assert _status("3.1.2", date(2026, 11, 1)) == "in_progress"
    assert _status("3.1.2", date(2026, 11, 2)) == "overdue"
    for s in people[1:]:
        certify(s, date(2026, 10, 1))
    # The plan has 3, the program's target is 50: three certificates are not yet enough.
    assert _status("3.1.2", date(2026, 11, 2)) == "overdue"
    for i in range(47):
        certify(make_servant(f"Д{i}"), date(2026, 10, 15))
    assert _status("3.1.2", date(2026, 11, 2)) == "done"


def test_commission_members_point(db, make_servant, certify, plan) -> None:
    member = make_servant("Член")
    plan(member, "commission")
    assert _status("4.1.К1", date(2026, 11, 1)) == "not_started"
    assert _status("4.1.К1", date(2026, 11, 2)) == "overdue"
    certify(member, date(2026, 9, 1), "commission")
    assert _status("4.1.К1", date(2026, 11, 2)) == "done"


def test_seminar_point_counts_events_in_its_window(db) -> None:
    Event.objects.create(title="Семинар", held_on=date(2026, 2, 2))  # a day after the window
    assert _status("2.1.К1", date(2026, 2, 1)) == "not_started"
    assert _status("2.1.К1", date(2026, 2, 2)) == "overdue"
    Event.objects.create(title="Семинар", held_on=date(2026, 2, 1))
    assert _status("2.1.К1", date(2026, 2, 2)) == "done"


def test_talks_point_follows_the_hired(db, make_servant) -> None:
    hired = make_servant("Принятый", hired_on=date(2026, 3, 1))
    assert _status("1.1.К1", date(2026, 2, 1)) == "not_started"  # nobody hired yet: an inspector decides
    assert _status("1.1.К1", date(2026, 3, 2)) == "not_started"
    PreventiveTalk.objects.create(servant=make_servant("Другой", hired_on=date(2026, 3, 1)), held_on=date(2026, 3, 3))
    assert _status("1.1.К1", date(2026, 3, 5)) == "in_progress"
    assert _status("1.1.К1", date(2026, 12, 2)) == "overdue"
    PreventiveTalk.objects.create(servant=hired, held_on=date(2026, 3, 4))
    assert _status("1.1.К1", date(2026, 12, 2)) == "done"


def test_questionnaire_point_by_first_of_april(db, make_servant) -> None:
    old = make_servant("Давний", hired_on=date(2020, 1, 1), questionnaire_updated_on=date(2025, 6, 1))
    make_servant("Новый", hired_on=date(2026, 2, 1))  # hired in the year: no update due
    assert _status("6.1.К2", date(2026, 4, 1)) == "not_started"
    assert _status("6.1.К2", date(2026, 4, 2)) == "overdue"
    old.questionnaire_updated_on = date(2026, 4, 1)
    old.save()
    assert _status("6.1.К2", date(2026, 4, 2)) == "done"


def test_candidate_checks_point(db, make_servant) -> None:
    from tests.findings.scenario import make_run

    candidate = make_servant("Кандидатов", status="candidate")
    assert _status("6.1.К1", date(2026, 6, 1)) == "not_started"
    make_run([candidate])
    from zorko.findings.models import ScreenedPerson
    ScreenedPerson.objects.update(screened_at=date(2026, 5, 1).isoformat() + "T10:00:00+00:00")
    assert _status("6.1.К1", date(2026, 6, 1)) == "done"


def test_quarterly_point_by_the_monitoring_day(db, monkeypatch) -> None:
    assert _status("1.1.2", date(2026, 4, 10), quarter=1) == "not_started"
    assert _status("1.1.2", date(2026, 4, 11), quarter=1) == "overdue"
    MonitoringReport.objects.create(year=2026, quarter=1, template_id=_template().pk)
    assert _status("1.1.2", date(2026, 4, 10), quarter=1) == "in_progress"
    monkeypatch.setenv("ZORKO_MONITORING_K_DAY", "20")
    assert _status("1.1.2", date(2026, 4, 15), quarter=1) == "in_progress"
    assert _status("1.1.2", date(2026, 4, 21), quarter=1) == "overdue"


def _template():
    from zorko.program.monitoring import active_template

    return active_template()


def test_manual_point_is_marked_with_a_document_and_alarms_before(db) -> None:
    # 5.1.К1 runs 01.06–30.06: red when 14 days or fewer are left and nothing is started.
    rows = {r.point.code: r for r in statuses(2026, date(2026, 6, 16))}
    assert rows["5.1.К1"].status == "not_started" and rows["5.1.К1"].alarm
    rows = {r.point.code: r for r in statuses(2026, date(2026, 6, 10))}
    assert rows["5.1.К1"].days_left == 20 and not rows["5.1.К1"].alarm
    ControlPointMark.objects.create(code="5.1.К1", year=2026, status="in_progress")
    rows = {r.point.code: r for r in statuses(2026, date(2026, 6, 20))}
    assert rows["5.1.К1"].status == "in_progress" and not rows["5.1.К1"].alarm
    assert _status("5.1.К1", date(2026, 7, 1)) == "overdue"
    ControlPointMark.objects.filter(code="5.1.К1").update(status="done", document_link="Договор № 17-Л")
    assert _status("5.1.К1", date(2026, 7, 1)) == "done"


def test_declarations_wait_for_the_campaign_hook(db) -> None:
    from zorko.program import evidence

    assert evidence.declarations(cp.Occurrence(2026, 0, date(2026, 1, 1), date(2026, 4, 30)), date(2026, 5, 1)) is None
    assert _status("2.1.К2", date(2026, 5, 1)) == "overdue"


def test_home_deadlines_read_the_points(db) -> None:
    from zorko.program.deadlines import home_deadlines

    home = home_deadlines(date(2026, 3, 25))
    titles = [d.title for d in home.items]
    assert titles[0] == "Списки служащих на обучение (2026 г.)" or "Актуализация анкет служащих (2026 г.)" in titles
    first = home.items[0]
    assert first.due == date(2026, 4, 1) and first.alarm and first.status == "не начато"
    assert "Справки о доходах за 2025 год" in titles
    assert home.overdue == 1  # the January seminars
    assert [d.due for d in home.items] == sorted(d.due for d in home.items)


def test_shipped_file_is_valid_json_in_utf8() -> None:
    assert json.loads(cp.SHIPPED.read_text(encoding="utf-8"))["points"]


def test_29_february_falls_on_the_28th_in_a_common_year() -> None:
    point = cp.parse({"points": [{"code": "1", "title": "Т", "rule": {"type": "fixed", "start": "01.01",
                                                                        "due": "29.02"},
                                  "responsible": "О", "document": "Д"}]})[0]
    assert point.occurrences(2027, 10)[0].due == date(2027, 2, 28)
    assert point.occurrences(2028, 10)[0].due == date(2028, 2, 29)
