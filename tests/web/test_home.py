"""The home page: the inspector's figures for a small scenario, blocks by role, stale registry warning."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import html

from tests.findings.scenario import make_finding, make_run
from zorko.demo.registry_records import (
    Address,
    Company,
    Contract,
    Entrepreneur,
    Holder,
    write_contracts,
    write_egrip,
    write_egrul,
)
from zorko.findings.models import Finding
from zorko.people.kinship import Kinship
from zorko.people.models import Relative, Servant
from zorko.registry import loader
from zorko.tasks.models import Job

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.django_db


def _page(client) -> html.HtmlElement:
    response = client.get("/")
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def _text(page: html.HtmlElement, xpath: str) -> str:
    """The text of the matched elements with the whitespace of the markup collapsed."""
    return " ".join(" ".join(" ".join(e.itertext()) for e in page.xpath(xpath)).split())


def _load_registry(data_dir, extract: date) -> None:
    """One company, one entrepreneur, one contract in the real formats, through the ordinary loader."""
    holder = Holder("ПЕТРОВ", "ПЕТР", "ПЕТРОВИЧ", None, extract)
    company = Company("1154205000123", "4205300111", "СТРОЙРЕСУРС",
                      Address("42", "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС", "Г", "КЕМЕРОВО", "ЛЕНИНА", "Д. 5"),
                      date(2015, 3, 1), [holder], [holder])
    ip = Entrepreneur("315420500012345", "420512345678", "СИДОРОВ", "СИДОР", "СИДОРОВИЧ", False, date(2015, 1, 1))
    contract = Contract("3420500000126000017", "Администрация", "4205000007", "420501001", extract,
                        Decimal("1000.00"), "Поставка бумаги", company)
    folder = data_dir / "files"
    for source, paths in (("egrul", write_egrul(folder / "egrul", [company], extract)),
                          ("egrip", write_egrip(folder / "egrip", [ip], extract)),
                          ("contracts", write_contracts(folder / "contracts", [contract]))):
        loader.load(source, paths, db_path=data_dir / "registry.duckdb")


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    return tmp_path


@pytest.fixture
def scenario(make_servant, organisation, data_dir):
    """3 servants (one questionnaire two years old, one never filled), a candidate, a dismissed servant,
    3 relatives of servants; findings: new high ×2, new medium, in review low, one confirmed, one inactive."""
    today = date.today()
    a = make_servant("Акимов", questionnaire_updated_on=today - timedelta(days=30))
    b = make_servant("Белов", questionnaire_updated_on=today - timedelta(days=730))
    c = make_servant("Волков")
    make_servant("Гусев", status=Servant.Status.CANDIDATE)
    make_servant("Дёмин", status=Servant.Status.DISMISSED)
    for servant, kin in ((a, Kinship.WIFE), (a, Kinship.SON), (b, Kinship.MOTHER)):
        Relative.objects.create(servant=servant, kinship=kin, last_name=servant.last_name, first_name="Мария")
    make_finding(a, severity="high", score=0.9)
    make_finding(a, severity="high", score=0.8)
    make_finding(b, severity="medium", score=0.7)
    make_finding(c, severity="low", score=0.3, status=Finding.Status.IN_REVIEW)
    make_finding(c, severity="high", score=0.5, status=Finding.Status.CONFIRMED)
    make_finding(b, severity="high", score=0.4, active=False)
    return a, b, c


def test_inspector_sees_people_findings_and_kpi_figures(client_as, scenario) -> None:
    a, b, c = scenario
    make_run([a], registry_oldest=date.today())
    page = _page(client_as("inspector"))
    people = _text(page, '//section[@id="block-people"]')
    assert "Служащих 3" in people and "Кандидатов на должность 1" in people
    assert "Родственников в анкетах служащих 3" in people
    stale = page.xpath('//p[@id="stale-questionnaires"]/a')[0]
    assert stale.text == "2" and stale.get("href") == "/people/?stale=on"

    def cell(status: str, severity: str) -> html.HtmlElement:
        return page.xpath(f'//tr[@data-severity="{severity}"]/td[@data-status="{status}"]')[0]

    assert cell("new", "high").text_content() == "2"
    assert cell("new", "high").xpath("a/@href") == ["/findings/?status=new&severity=high"]
    assert cell("new", "medium").text_content() == "1" and cell("new", "low").text_content() == "0"
    assert cell("in_review", "low").text_content() == "1" and cell("in_review", "high").text_content() == "0"
    totals = page.xpath('//table[contains(@class, "findings-open")]//tr[@class="total"]/td')
    assert [t.text_content() for t in totals] == ["3", "1"]
    assert totals[0].xpath("a/@href") == ["/findings/?status=new"]
    # KPI of this month: only Акимов was screened, and he has open findings — nobody counts as checked.
    kpi = _text(page, '//section[@id="block-kpi"]')
    assert "Проверено 0 из 3" in kpi and page.xpath('//section[@id="block-kpi"]//a/@href') == ["/kpi/"]


def test_checked_servant_raises_the_kpi(client_as, make_servant, data_dir) -> None:
    servants = [make_servant(n) for n in ("Акимов", "Белов", "Волков", "Гусев")]
    make_run(servants[:3], registry_oldest=date.today() - timedelta(days=2))
    page = _page(client_as("inspector"))
    assert page.xpath('//span[@id="kpi-percent"]')[0].text == "75,0"


def test_hr_sees_people_and_deadlines_but_no_findings_kpi_or_registries(client_as, scenario) -> None:
    page = _page(client_as("hr"))
    assert page.xpath('//section[@id="block-people"]')
    assert page.xpath('//section[@id="block-deadlines"]')
    for block in ("block-findings", "block-kpi", "block-registries"):
        assert not page.xpath(f'//section[@id="{block}"]'), block
    assert "/findings/" not in html.tostring(page.xpath("//main")[0], encoding="unicode")


def test_viewer_sees_findings_but_not_background_jobs(client_as, scenario) -> None:
    Job.objects.create(kind="screening.run", status=Job.Status.DONE)
    page = _page(client_as("viewer"))
    assert page.xpath('//section[@id="block-findings"]')
    assert not page.xpath('//section[@id="block-jobs"]')
    inspector_page = _page(client_as("inspector"))
    assert "Проверка по реестрам" in _text(inspector_page, '//section[@id="block-jobs"]')
    assert "выполнено" in _text(inspector_page, '//section[@id="block-jobs"]')


def test_registry_older_than_30_days_is_warned_about(client_as, data_dir) -> None:
    _load_registry(data_dir, date.today() - timedelta(days=40))
    page = _page(client_as("inspector"))
    assert "данные старше 30 дней" in _text(page, '//section[@id="block-registries"]')
    assert "не засчитываются" in _text(page, '//p[@id="registry-warning"]')
    assert "40 дн." in _text(page, '//section[@id="block-registries"]')


def test_fresh_registry_gives_no_warning_and_missing_one_does(client_as, data_dir) -> None:
    page = _page(client_as("inspector"))
    assert page.xpath('//p[@id="registry-warning"]')  # nothing loaded yet
    assert "не загружен" in _text(page, '//section[@id="block-registries"]')
    _load_registry(data_dir, date.today() - timedelta(days=3))
    page = _page(client_as("inspector"))
    assert not page.xpath('//p[@id="registry-warning"]')
    assert "3 дн." in _text(page, '//section[@id="block-registries"]')


def test_an_old_optional_list_is_marked_in_its_row_but_raises_no_kpi_warning(client_as, data_dir) -> None:
    import duckdb

    _load_registry(data_dir, date.today() - timedelta(days=3))
    db = data_dir / "registry.duckdb"
    loader.load("loss_of_trust", [FIXTURES / "loss_of_trust" / "reestr_utrata_doveriya.csv"], db_path=db)
    with duckdb.connect(str(db)) as con:  # the register is published rarely: an extract half a year old
        con.execute("UPDATE loads SET extract_date = ? WHERE source = 'loss_of_trust'",
                    [date.today() - timedelta(days=181)])
    page = _page(client_as("inspector"))
    assert "181 дн." in _text(page, '//section[@id="block-registries"]')
    assert not page.xpath('//p[@id="registry-warning"]')


def test_deadlines_show_days_left(client_as, data_dir) -> None:
    page = _page(client_as("viewer"))
    deadlines = _text(page, '//section[@id="block-deadlines"]')
    year = date.today().year
    due = date(year, 4, 30) if date.today() <= date(year, 4, 30) else date(year + 1, 4, 30)
    assert f"Справки о доходах за {due.year - 1} год" in deadlines
    assert f"до {due:%d.%m.%Y}" in deadlines
