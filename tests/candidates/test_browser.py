"""In a real Chromium: add a candidate → check → decision and conclusion → hire."""

from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import log_in
from zorko.candidates.models import CandidateCheck
from zorko.people.models import Servant

pytestmark = pytest.mark.browser

PASSWORD = "Пароль-для-тестов-1"


def _submit(page: Any, label: str) -> None:
    with page.expect_navigation():
        page.click(f"main button:has-text('{label}')")


def test_add_candidate_check_conclude_and_hire(page: Any, make_user: Any, organisation: Any, registry: Any) -> None:
    make_user("inspector", username="inspector", password=PASSWORD)
    page.goto("/candidate-checks/")
    log_in(page, "inspector", PASSWORD)

    with page.expect_navigation():
        page.click("main >> text=Добавить кандидата")
    page.fill("input[name=last_name]", "Кравец")
    page.fill("input[name=first_name]", "Ольга")
    page.fill("input[name=middle_name]", "Николаевна")
    page.fill("input[name=personnel_number]", "К-101")
    page.select_option("select[name=organisation]", str(organisation.pk))
    _submit(page, "Сохранить")
    person = Servant.objects.get(personnel_number="К-101")
    assert person.status == "candidate"

    with page.expect_navigation():
        page.click("nav >> text=Проверка кандидатов")
    row = page.locator("table.candidates tr", has_text="Кравец Ольга Николаевна")
    assert row.locator(".state").inner_text() == "ожидает проверки"
    with page.expect_navigation():
        row.locator("button:has-text('Проверить')").click()
    assert page.locator("h1").inner_text() == "Проверка кандидата: Кравец Ольга Николаевна"
    assert "запрос уточнения: совпадение с реестром" in page.locator("table.findings").inner_text()

    page.check("input[name=decision][value=recommended]")
    page.fill("textarea[name=note]", "Совпадение по ФИО: дата рождения в реестре другая (справка)")
    _submit(page, "Записать решение")
    assert page.locator(".decision").inner_text().startswith("рекомендован")
    with page.expect_download() as download:
        page.click("text=PDF")
    assert download.value.suggested_filename.endswith(".pdf")

    page.fill("input[name=hired_on]", "2026-12-07")
    _submit(page, "Принять на службу")
    assert urlparse(page.url).path == f"/people/{person.pk}/"
    person.refresh_from_db()
    assert person.status == "servant"
    assert CandidateCheck.objects.filter(person=person, decision="recommended").count() == 1
