"""«Мониторинг-К»: template validation, formulas over Zorko's data, manual cells, freezing, XLSX layout."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.findings.scenario import make_finding
from zorko.exceptions import InputFileError, ValidationError
from zorko.findings.review import review_finding
from zorko.program import monitoring
from zorko.program.formulas import FORMULAS, Period
from zorko.program.models import Event, MonitoringReport
from zorko.program.monitoring_export import monitoring_xlsx

LAYOUT = {"name": "Тест", "sections": [
    {"title": "Раздел А", "indicators": [
        {"code": "a1", "title": "Срабатываний own_director", "formula": "findings_found",
         "params": {"rule": "own_director"}},
        {"code": "a2", "title": "Срабатываний всего", "formula": "findings_found"},
        {"code": "a3", "title": "Доля", "formula": "percent", "params": {"part": "a1", "whole": "a2"}},
        {"code": "a4", "title": "Отклонено", "formula": "findings_decided", "params": {"outcome": "dismissed"}},
        {"code": "a5", "title": "Обучено с начала года", "formula": "trained", "params": {"cumulative": True}},
        {"code": "a6", "title": "Мероприятий", "formula": "events_held"},
        {"code": "a7", "title": "Уведомлений", "formula": "notices"},
        {"code": "m1", "title": "Актов принято", "manual": True},
        {"code": "m2", "title": "Пояснения", "manual": True, "kind": "text"}]}]}


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


@pytest.fixture
def layout_active(db):
    return monitoring.save_template(LAYOUT, "тест")


def test_default_template_is_valid_and_uses_known_formulas() -> None:
    definition = monitoring.validate(monitoring.default_definition())
    names = {i.get("formula") for i in monitoring.indicators(definition)}
    assert {"servants_checked", "findings_found", "findings_decided", "trained", "commission_meetings",
            "notices", "declarations_on_time"} <= names


def test_bad_template_names_section_indicator_and_field() -> None:
    bad = {"name": "Т", "sections": [{"title": "А", "indicators": [
        {"code": "x", "title": "Икс", "formula": "guess"},
        {"code": "x", "title": "Игрек", "manual": True, "kind": "date"}]}]}
    with pytest.raises(InputFileError) as err:
        monitoring.validate(bad, "шаблон.json")
    text = str(err.value)
    assert "раздел 1, показатель 1: formula" in text and "неизвестная формула" in text
    assert "раздел 1, показатель 2: code" in text and "раздел 1, показатель 2: kind" in text


def test_formulas_count_the_quarter(layout_active, make_servant, make_user, certify) -> None:
    s = make_servant()
    f1 = make_finding(s, rule="own_director", evidence={"subject": {"kind": "company", "ogrn": "1", "name": "А"}})
    f2 = make_finding(s, rule="own_founder", evidence={"subject": {"kind": "company", "ogrn": "2", "name": "Б"}})
    f3 = make_finding(s, rule="own_founder", evidence={"subject": {"kind": "company", "ogrn": "3", "name": "В"}})
    type(f1).objects.filter(pk__in=[f1.pk, f2.pk]).update(first_found_at=_at(date(2026, 8, 1)))
    type(f1).objects.filter(pk=f3.pk).update(first_found_at=_at(date(2026, 5, 1)))  # the quarter before
    review_finding(f2, "dismissed", make_user("inspector"), "Тезка")
    from zorko.findings.models import FindingDecision
    FindingDecision.objects.update(at=_at(date(2026, 9, 30)))
    certify(make_servant("Весенний"), date(2026, 5, 20))
    certify(make_servant("Осенний"), date(2026, 9, 1))
    Event.objects.create(title="Совещание", held_on=date(2026, 7, 1))
    Event.objects.create(title="Семинар", held_on=date(2026, 10, 1))  # the next quarter

    report = monitoring.fill(2026, 3, {"m1": "2", "m2": "Все акты приняты"})
    v = report.values
    assert (v["a1"], v["a2"], v["a3"], v["a4"]) == (1, 2, 50.0, 1)
    assert v["a5"] == 2 and v["a6"] == 1
    assert v["a7"] == 0  # the journals answer: no notice in the quarter is a zero, not «нет данных»
    assert (v["m1"], v["m2"]) == (2, "Все акты приняты")


def test_manual_number_with_a_comma_and_a_wrong_number(layout_active) -> None:
    assert monitoring.fill(2026, 3, {"m1": "1 234,5"}).values["m1"] == 1234.5
    with pytest.raises(ValidationError) as err:
        monitoring.fill(2026, 3, {"m1": "много"})
    assert "m1" in str(err.value) and "не число" in str(err.value)


def test_submitted_quarter_is_frozen(layout_active, make_servant, certify) -> None:
    certify(make_servant("Первый"), date(2026, 8, 1))
    submitted = monitoring.submit(2026, 3)
    assert submitted.status == MonitoringReport.Status.SUBMITTED and submitted.values["a5"] == 1
    certify(make_servant("Второй"), date(2026, 8, 2))
    with pytest.raises(ValidationError) as err:
        monitoring.fill(2026, 3, {"m1": "5"})
    assert "уже представлена" in str(err.value)
    changed = {**LAYOUT, "sections": [{"title": "Другое", "indicators": [
        {"code": "z", "title": "Новый показатель", "formula": "hired"}]}]}
    monitoring.save_template(changed, "правка")
    kept = MonitoringReport.objects.get(year=2026, quarter=3)
    assert kept.values["a5"] == 1 and kept.layout["sections"][0]["title"] == "Раздел А"
    assert monitoring.fill(2026, 4).layout["sections"][0]["title"] == "Другое"


def test_previous_quarter_beside_and_xlsx_in_the_layout(layout_active, make_servant, certify) -> None:
    certify(make_servant("Первый"), date(2026, 8, 1))
    monitoring.submit(2026, 3)
    certify(make_servant("Второй"), date(2026, 11, 1))
    report = monitoring.fill(2026, 4, {"m2": "=HYPERLINK(\"http://evil\")"})
    rows = {r.code: r for r in monitoring.rows(report, monitoring.previous_of(report))}
    assert (rows["a5"].value, rows["a5"].previous) == (2, 1)
    ws = load_workbook(io.BytesIO(monitoring_xlsx(report))).active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[3] == ["Код", "Показатель", "4 кв. 2026", "3 кв. 2026"]
    assert cells[4][0] == "Раздел А"
    by_code = {r[0]: r for r in cells[5:]}
    assert by_code["a5"][2:] == [2, 1] and isinstance(by_code["a5"][2], int)
    assert by_code["a7"][2] == 0  # a counted zero, written as a number
    assert by_code["m2"][2] == "'=HYPERLINK(\"http://evil\")"


def test_every_registered_formula_runs_on_an_empty_database(db) -> None:
    for name, (_title, fn) in FORMULAS.items():
        value = fn(Period(2026, 2), {})
        assert value is None or value == 0, name
