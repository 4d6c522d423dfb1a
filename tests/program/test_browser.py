"""In a real Chromium: the control points page → mark a point done with a document → the home page updates."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import log_in
from zorko.program import control_points as cp
from zorko.program.models import ControlPointMark

pytestmark = pytest.mark.browser

PASSWORD = "Пароль-для-тестов-1"
TITLE = "Проверочная точка <script>alert(1)</script>"


def test_mark_done_with_a_document_updates_home(page: Any, make_user: Any, tmp_path: Any) -> None:
    today = timezone.localdate()
    # One point, due today: red on the home page until it is done.
    cp.save_content({"points": [{"code": "9.9.К1", "title": TITLE, "short_title": TITLE,
                                 "rule": {"type": "fixed", "start": "01.01", "due": f"{today:%d.%m}"},
                                 "responsible": "Отдел", "document": "Протокол"}]}, "тест")
    make_user("inspector", username="inspector", password=PASSWORD)
    page.goto("/")
    log_in(page, "inspector", PASSWORD)
    row = page.locator("#block-deadlines tr", has_text=f"{TITLE} ({today.year} г.)")
    assert row.get_attribute("class") == "alarm"
    assert row.locator(".point-status").inner_text() == "не начато"

    page.goto("/program/points/")
    point = page.locator("table.points tr[data-code='9.9.К1']")
    assert point.locator(".point-status").inner_text().startswith("не начато")
    point.locator("summary").click()
    point.locator("select[name=status]").select_option("done")
    document = tmp_path / "Протокол № 5.pdf"
    document.write_bytes(b"%PDF-1.4 protocol")
    point.locator("input[name=document]").set_input_files(str(document))
    with page.expect_navigation():
        point.locator("button[type=submit]").click()
    point = page.locator("table.points tr[data-code='9.9.К1']")
    assert point.locator(".point-status").inner_text() == "выполнено"
    assert "Протокол № 5.pdf" in point.inner_text()
    assert ControlPointMark.objects.get(code="9.9.К1").document_name == "Протокол № 5.pdf"

    page.goto("/")
    rows = page.locator("#block-deadlines tr")
    texts = [rows.nth(i).inner_text() for i in range(rows.count())]
    assert not any(f"({today.year} г.)" in t for t in texts)
    next_year = [t for t in texts if f"({today.year + 1} г.)" in t]
    assert len(next_year) == 1 and "не начато" in next_year[0]
    assert page.locator("#overdue-points").count() == 0
