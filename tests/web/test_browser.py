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


# The main pages an administrator opens; «{servant}» and «{finding}» are filled in by the test.
MAIN_PAGES = ["/", "/people/", "/people/{servant}/", "/candidates/", "/findings/", "/findings/{finding}/",
              "/clarifications/", "/kpi/", "/registry/", "/journals/", "/commission/", "/declarations/",
              "/program/", "/program/points/", "/audit/", "/users/", "/api-tokens/", "/people/import/"]


def test_main_pages_log_no_console_warning_and_lists_fit_1024_px(page: Any, make_user: Any,
                                                                  make_servant: Any) -> None:
    from tests.findings.scenario import make_family, make_finding

    make_user("administrator", username="chief", password=PASSWORD)
    servant, wife = make_family(make_servant, position=None)
    finding = make_finding(servant, relative=wife)
    for i in range(30):  # long names and many rows: what makes a table too wide
        make_servant("Константинопольская-Преображенская", f"Анастасия{i}", "Александровна")
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{page.url} {m.type}: {m.text}")
            if m.type in ("warning", "error", "assert") else None)
    page.on("pageerror", lambda e: messages.append(f"{page.url} ошибка скрипта: {e}"))
    page.goto("/login/")
    log_in(page, "chief", PASSWORD)
    for address in MAIN_PAGES:
        response = page.goto(address.format(servant=servant.pk, finding=finding.pk))
        assert response is not None and response.status == 200, address
        page.wait_for_load_state("networkidle")
        # Bootstrap's stylesheet is applied (its variables are defined), from Zorko's own static files
        assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--bs-blue')") != ""
    assert messages == []

    page.set_viewport_size({"width": 1024, "height": 768})
    for address, table in (("/findings/", "table.findings"), ("/people/", "table.people")):
        page.goto(address)
        assert page.locator(f"{table} tbody tr").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024, address
        box = page.locator(table).bounding_box()
        assert box is not None and box["x"] >= 0
        # the table scrolls inside its wrapper, never the page
        assert page.evaluate(f"document.querySelector('{table}').closest('.table-responsive') !== null")
