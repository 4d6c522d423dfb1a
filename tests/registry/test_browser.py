"""In a real Chromium: upload an ЕГРЮЛ file, follow the job, search the company, read its card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import log_in
from zorko.registry import store
from zorko.tasks import queue

pytestmark = pytest.mark.browser

PASSWORD = "Пароль-для-тестов-1"
CRAFTED = Path(__file__).resolve().parents[1] / "fixtures" / "egrul-crafted" / "egrul_all_founders_utf8.xml"


@pytest.fixture(autouse=True)
def _registry_in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(store, "default_path", lambda: tmp_path / "registry.duckdb")

def test_upload_load_search_and_company_card(page: Any, make_user: Any) -> None:
    make_user("inspector", username="inspector", password=PASSWORD)
    page.goto("/registry/")
    log_in(page, "inspector", PASSWORD)
    assert page.locator("h1").inner_text() == "Реестры"

    page.select_option("select[name=source]", "egrul")
    page.set_input_files("input[name=files]", str(CRAFTED))
    with page.expect_navigation():
        page.click("main button:has-text('Загрузить в фоне')")
    assert page.locator("h1").inner_text().startswith("Задача №")
    assert queue.run_pending() == 1  # the worker thread of `zorko serve` does this
    page.reload()
    assert page.locator(".job-status").get_attribute("data-status") == "done"
    assert "добавлено 2" in page.locator("main").inner_text()

    page.goto("/registry/")
    assert "юрлиц: 2" in page.locator("table.registry-status").inner_text()
    page.fill("input[name=q]", "кузбасс-тест")
    with page.expect_navigation():
        page.click("main button:has-text('Найти')")
    with page.expect_navigation():
        page.click("ul.found-companies a")
    assert page.locator("h1").inner_text() == 'АКЦИОНЕРНОЕ ОБЩЕСТВО "КУЗБАСС-ТЕСТ"'
    founders = page.locator("table.founders").inner_text()
    assert "ИВАНОВ ИВАН ИВАНОВИЧ" in founders and "25" in founders
    assert "ФОРИН ХОЛДИНГ ЛТД" in founders
    assert "Находится в стадии ликвидации" in page.locator("dd.status").inner_text()
