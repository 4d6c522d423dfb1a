"""In a real Chromium: log in, import people (a background job), find «Ковалёва» by typing «ковалева», open the card."""

from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import FIXTURES, log_in
from zorko.audit.models import AuditEvent
from zorko.tasks import queue

pytestmark = pytest.mark.browser

PASSWORD = "Пароль-для-тестов-1"


def _submit(page: Any, label: str) -> None:
    with page.expect_navigation():
        page.click(f"main button:has-text('{label}')")


def test_login_import_search_and_open_card(page: Any, make_user: Any) -> None:
    make_user("inspector", username="inspector", password=PASSWORD)

    page.goto("/people/")
    assert urlparse(page.url).path == "/login/"
    log_in(page, "inspector", PASSWORD)
    assert urlparse(page.url).path == "/people/"
    assert page.locator("table.people a").count() == 0

    page.click("nav >> text=Импорт")
    page.set_input_files("input[name=servants]", str(FIXTURES / "people" / "servants.xlsx"))
    page.set_input_files("input[name=relatives]", str(FIXTURES / "people" / "relatives.xlsx"))
    _submit(page, "Проверить и показать изменения")
    assert page.locator("h1").inner_text() == "Что изменится"
    _submit(page, "Подтвердить импорт")
    page.wait_for_url("**/tasks/*/")  # the import runs as a background job
    assert queue.run_pending() == 1
    page.reload()
    assert page.locator(".job-status").get_attribute("data-status") == "done"
    assert "Служащие 4 0 0" in " ".join(page.locator("#import-summary").inner_text().split())
    assert AuditEvent.objects.filter(action="people.import", username="inspector").exists()

    with page.expect_navigation():
        page.click("#open-people")
    page.fill("input[name=q]", "ковалева")  # the file says «Ковалёва»
    _submit(page, "Найти")
    links = page.locator("table.people a")
    assert links.count() == 1
    assert links.first.inner_text() == "Ковалёва Анна Сергеевна"
    with page.expect_navigation():
        links.first.click()
    assert page.locator("h1.person-name").inner_text() == "Ковалёва Анна Сергеевна"
    assert "1001" in page.locator("table.requisites").inner_text()
    assert "Ковалёв Дмитрий Андреевич" in page.locator("table.relatives").inner_text()
    assert AuditEvent.objects.filter(action="person.view", username="inspector",
                                     object_repr="Ковалёва Анна Сергеевна").count() == 1
