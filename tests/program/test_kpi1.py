"""KPI 1: servants trained per month against the program plan (25 by end of May, 50 by end of October)."""

from __future__ import annotations

from datetime import date

from zorko.people.models import Organisation
from zorko.program import training


def test_plan_is_the_programs_cumulative_steps() -> None:
    assert [training.plan_for(m) for m in range(1, 13)] == [0, 0, 0, 0, 25, 25, 25, 25, 25, 50, 50, 50]


def test_trained_per_month_counts_each_servant_once_by_first_certificate(make_servant, certify, course) -> None:
    may = [make_servant(f"Майский{i}") for i in range(26)]
    for s in may:
        certify(s, date(2026, 5, 20))
    late = [make_servant(f"Осенний{i}") for i in range(20)]
    for s in late:
        certify(s, date(2026, 10, 31))
    certify(make_servant("Безудостоверения"), None)
    # A second certificate in the year does not count the servant twice.
    from zorko.program.models import Participant, TrainingCourse
    other = TrainingCourse.objects.create(year=2026, programme="Закупки", provider="ИПК")
    Participant.objects.create(course=other, servant=may[0], certificate_number="2", certificate_date=date(2026, 6, 1))

    months = training.monthly(2026, today=date(2026, 12, 5))
    trained = [m.trained for m in months]
    assert trained[:4] == [0, 0, 0, 0]
    assert trained[4] == 26 and trained[8] == 26
    assert trained[9] == 46 and trained[11] == 46
    assert months[4].met is True  # 26 ≥ 25 in May
    assert months[9].met is False  # 46 < 50 in October
    assert months[0].met is None  # no plan in January


def test_months_not_begun_have_no_fact(make_servant, certify) -> None:
    certify(make_servant(), date(2026, 2, 1))
    months = training.monthly(2026, today=date(2026, 3, 15))
    assert [m.trained for m in months[:3]] == [0, 1, 1]
    assert all(m.trained is None for m in months[3:])


def test_certificate_on_the_last_day_of_may_counts_for_may(make_servant, certify) -> None:
    certify(make_servant("Первый"), date(2026, 5, 31))
    certify(make_servant("Второй"), date(2026, 6, 1))
    months = training.monthly(2026, today=date(2026, 12, 1))
    assert months[4].trained == 1 and months[5].trained == 2


def test_by_organisation_and_who_is_still_due(make_servant, certify, plan) -> None:
    other = Organisation.objects.create(name="Управление образования", inn="4205111110")
    done = make_servant("Обученный")
    waiting = make_servant("Ожидающий")
    far = make_servant("Дальний", organisation=other)
    for s in (done, waiting, far):
        plan(s)
    certify(done, date(2026, 5, 10))
    rows = {str(r["organisation"]): r for r in training.by_organisation(2026, 5)}
    assert rows["Администрация"]["planned"] == 2 and rows["Администрация"]["trained"] == 1
    assert rows["Администрация"]["percent"] == 50.0 and rows["Администрация"]["due"] == 1
    assert rows["Управление образования"]["trained"] == 0
    assert {e.servant.last_name for e in training.due_list(2026)} == {"Ожидающий", "Дальний"}
    assert [e.servant.last_name for e in training.due_list(2026, organisation=other)] == ["Дальний"]


def test_new_hires_on_the_list_within_a_year_without_training(make_servant, certify) -> None:
    from zorko.people.models import Position

    listed = Position.objects.create(name="Главный специалист", declaration_required=True)
    free = Position.objects.create(name="Инспектор", declaration_required=False)
    fresh = make_servant("Новый", hired_on=date(2026, 9, 1), position=listed)
    make_servant("Старый", hired_on=date(2024, 9, 1), position=listed)
    make_servant("Невписанный", hired_on=date(2026, 9, 1), position=free)
    trained = make_servant("Обученный", hired_on=date(2026, 3, 1), position=listed)
    certify(trained, date(2026, 5, 1))
    assert [s.last_name for s in training.new_hires_untrained(date(2026, 12, 5))] == ["Новый"]
    certify(fresh, date(2026, 11, 1))
    assert list(training.new_hires_untrained(date(2026, 12, 5))) == []
