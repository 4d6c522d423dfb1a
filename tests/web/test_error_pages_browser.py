"""In a real browser: the favicon loads, no resource fails and the console stays clean; the 404
page is the styled one."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import log_in

pytestmark = pytest.mark.browser
PASSWORD = "Пароль-для-тестов-1"


def test_no_failed_resource_and_a_styled_404(page: Any, make_user: Any, live_server: Any) -> None:
    make_user("inspector", username="inspector", password=PASSWORD)
    failed: list[str] = []
    console: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    page.goto("/login/")
    log_in(page, "inspector", PASSWORD)
    page.wait_for_load_state("networkidle")
    icon = page.evaluate("fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)")
    assert icon == 200
    assert not failed and not console, (failed, console)

    page.goto("/no-such-page/")
    assert page.locator("h1").inner_text() == "Страница не найдена"
    assert page.locator("nav").count() == 1  # the layout with the menu, not Django's bare page
    assert [f for f in failed if not f.endswith("/no-such-page/")] == []
