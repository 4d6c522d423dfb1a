"""KPI: share of servants checked per month against the plan, on a small scenario."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from django.utils import timezone

from zorko.findings import kpi
from zorko.findings.models import FindingDecision, ScreenedPerson
from zorko.findings.review import review_finding
from zorko.people.kinship import Kinship
from zorko.people.models import Organisation, Relative, Servant

from .scenario import make_finding, make_run


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))


def _screen(servant: Servant, day: date, registry_oldest: date, relatives_checked: int | None = None) -> None:
    make_run([servant], registry_oldest=registry_oldest)
    row = ScreenedPerson.objects.filter(servant=servant).latest("pk")
    if relatives_checked is not None:
        row.relatives_checked = relatives_checked
    row.screened_at = _at(day)
    row.save()


@pytest.fixture
def scenario(make_servant, make_user):
    """5 servants: checked from Feb, from Apr (finding reviewed in Apr), never (stale registry),
    never (relative not screened), and one in another organisation from May."""
    other = Organisation.objects.create(name="Управление образования", inn="4205111110")
    s1, s2, s3, s4 = (make_servant(n, "Иван", "Иванович") for n in ("Акимов", "Белов", "Волков", "Гусев"))
    s5 = make_servant("Дёмина", "Анна", "Петровна", organisation=other)
    candidate = make_servant("Егоров", "Пётр", "Ильич", status=Servant.Status.CANDIDATE)
    Relative.objects.create(servant=s4, kinship=Kinship.SON, last_name="Гусев", first_name="Олег",
                            middle_name="Иванович")
    _screen(s1, date(2026, 2, 10), date(2026, 2, 1))
    _screen(s2, date(2026, 3, 5), date(2026, 3, 1))
    finding = make_finding(s2, rule="own_director",
                           evidence={"subject": {"kind": "company", "ogrn": "1", "name": "ООО «А»"}})
    type(finding).objects.filter(pk=finding.pk).update(first_found_at=_at(date(2026, 3, 5)))
    review_finding(finding, "dismissed", make_user("inspector"), "Тезка из другого региона")
    FindingDecision.objects.filter(finding=finding).update(at=_at(date(2026, 4, 20)))
    _screen(s3, date(2026, 2, 10), date(2025, 12, 1))
    _screen(s4, date(2026, 2, 10), date(2026, 2, 1), relatives_checked=0)
    _screen(s5, date(2026, 5, 15), date(2026, 5, 1))
    _screen(candidate, date(2026, 2, 10), date(2026, 2, 1))
    return other


def test_plan():
    assert [kpi.plan_percent(m) for m in range(1, 13)] == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]


def test_monthly_shares(scenario):
    months = kpi.monthly(2026, now=_at(date(2026, 6, 10)))
    assert [m.checked for m in months] == [0, 1, 1, 2, 3, 3, None, None, None, None, None, None]
    assert {m.total for m in months} == {5}
    assert [m.percent for m in months[1:5]] == [20.0, 20.0, 40.0, 60.0]
    assert months[6].met is None  # July has not started
    later = kpi.monthly(2026, now=_at(date(2026, 12, 20)))
    assert [m.met for m in later[5:11]] == [True, True, False, False, False, False]
    only_b = kpi.monthly(2026, scenario, now=_at(date(2026, 6, 10)))
    assert [m.checked for m in only_b[3:6]] == [0, 1, 1] and only_b[0].total == 1


def test_the_home_pages_month_is_the_years_month(scenario):
    for day in (date(2026, 2, 10), date(2026, 6, 10), date(2026, 12, 20)):
        now = _at(day)
        assert kpi.current_month(now) == kpi.monthly(2026, now=now)[day.month - 1]


def test_kpi_page_numbers(scenario, client_as):
    html = client_as("viewer").get("/kpi/?year=2026&month=5").content.decode()

    def cell(pattern: str) -> list[str]:
        return re.findall(pattern, html, re.S)

    actual = {int(m): v.strip() for m, v in cell(r'data-month="(\d+)".*?class="actual">([^<]*)<')}
    assert [actual[m].replace(",", ".") for m in (2, 3, 4, 5)] == ["20.0", "20.0", "40.0", "60.0"]
    orgs = cell(r'data-organisation="\d+"><td><a[^>]*>([^<]*)</a></td><td>(\d+)</td><td>(\d+)</td>')
    assert sorted(orgs) == [("Администрация", "4", "2"), ("Управление образования", "1", "1")]
    assert "vendor/chart.umd.min.js" in html
    chart = json.loads(cell(r'<script id="kpi-data" type="application/json">(.*?)</script>')[0])
    assert chart["plan"][:3] == [0, 10, 20]
    assert chart["organisations"] == {"labels": ["Администрация", "Управление образования"],
                                      "actual": [50.0, 100.0], "plan": 40}
    assert client_as("viewer").get("/kpi/?year=2026&month=13").status_code == 200


def test_kpi_page_gives_no_verdict_without_a_plan_and_no_figures_for_the_future(scenario, client_as):
    client = client_as("viewer")

    def rows(year: int) -> dict[int, list[str]]:
        html = client.get(f"/kpi/?year={year}").content.decode()
        found = re.findall(r'<tr data-month="(\d+)">(.*?)</tr>', html, re.S)
        return {int(m): [c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for m, row in found}

    past = rows(2020)  # every month has started; nobody was checked
    assert past[1][1] == "—" and past[1][5] == "—"  # January: no plan, so neither «выполнен» nor «не выполнен»
    assert past[2][1] == "10" and past[2][5] == "не выполнен"
    future = rows(2099)
    assert {r[2] for r in future.values()} == {"—"} and {r[4] for r in future.values()} == {"—"}
    assert {r[5] for r in future.values()} == {"—"}
    assert kpi.monthly(2026, now=_at(date(2026, 6, 10)))[0].met is None
