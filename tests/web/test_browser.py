"""In a real Chromium: log in, import people, find «Фёдоров» by typing «федоров», open the card."""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from zorko.audit.models import AuditEvent

pytestmark = pytest.mark.browser

PASSWORD = "Пароль-для-тестов-1"


@pytest.fixture
def page(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test
    # makes between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(base_url=live_server.url, locale="ru-RU")
        context.set_default_timeout(10_000)
        yield context.new_page()
        browser.close()


def test_login_import_search_and_open_card(page: Any, make_user: Any, organisation: Any) -> None:
    make_user("inspector", username="inspector", password=PASSWORD)

    page.goto("/people/")
    assert page.url.endswith("/login/?next=/people/")
    page.fill("input[name=username]", "inspector")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert urlparse(page.url).path == "/people/"
    assert page.locator("h1").inner_text() == "Служащие"

    # Until the import page lands, people come in through the servant form.
    for last, first, middle, number in (("Фёдоров", "Пётр", "Семёнович", "1001"),
                                        ("Иванов", "Иван", "Иванович", "1002")):
        page.goto("/people/new/")
        page.fill("input[name=last_name]", last)
        page.fill("input[name=first_name]", first)
        page.fill("input[name=middle_name]", middle)
        page.fill("input[name=personnel_number]", number)
        page.select_option("select[name=organisation]", str(organisation.pk))
        with page.expect_navigation():
            page.click("main button[type=submit]")
        assert page.locator("h1.person-name").inner_text() == f"{last} {first} {middle}"

    page.goto("/people/")
    page.fill("input[name=q]", "федоров")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    links = page.locator("table.people a")
    assert links.count() == 1
    assert links.first.inner_text() == "Фёдоров Пётр Семёнович"
    views = AuditEvent.objects.filter(action="person.view", username="inspector",
                                      object_repr="Фёдоров Пётр Семёнович")
    seen_before = views.count()
    with page.expect_navigation():
        links.first.click()
    assert page.locator("h1.person-name").inner_text() == "Фёдоров Пётр Семёнович"
    assert "1001" in page.locator("table.requisites").inner_text()
    assert views.count() == seen_before + 1
