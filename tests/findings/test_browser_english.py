"""Browser with an English interface language: the pages still speak and format Russian."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import log_in, new_page

from .scenario import SUPPLIER_OGRN, make_family, make_finding

PASSWORD = "Пароль-для-тестов-1"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Any, live_server: Any) -> Any:
    return new_page(browser, live_server, locale="en-US")

def test_english_browser_gets_russian_numbers_and_linked_names(page, make_servant, make_user):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife, score=0.956)
    make_user("inspector", username="inspector", password=PASSWORD)
    page.goto("/login/")
    log_in(page, "inspector", PASSWORD)

    page.goto("/findings/")
    row = page.locator(f'tr[data-finding="{finding.pk}"]')
    assert row.locator("td").nth(1).inner_text() == "0,96"
    assert row.locator(f'a[href="/registry/company/{SUPPLIER_OGRN}/"]').inner_text() == "ООО «СТРОЙРЕСУРС»"
    with page.expect_navigation():
        row.locator("a", has_text="Иванов Иван Иванович").click()
    assert page.url.endswith(f"/people/{servant.pk}/")

    page.goto(f"/findings/{finding.pk}/")
    assert "(оценка 0,96)" in page.inner_text("table.requisites")
    contract = page.locator("table.contracts tbody tr").first.locator("td")
    assert contract.nth(2).inner_text() == "1\xa0250\xa0000,00\xa0руб."  # never wraps
    assert contract.nth(3).inner_text() == servant.organisation.name
    assert page.inner_text("p.path").startswith("Иванов Иван Иванович (служащий) → Иванова Мария Петровна (супруга)")
