"""Browser: judge a namesake to be another person from the finding page; settle a clarification request."""

from __future__ import annotations

import pytest

from tests.conftest import log_in
from zorko.findings.models import ClarificationRequest, Finding
from zorko.identifiers import make_inn

PASSWORD = "Пароль-для-тестов-1"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_judge_a_finding_and_answer_a_request(page, live_server, family, make_user):
    make_user("inspector", username="inspector", password=PASSWORD)
    page.goto("/login/")
    log_in(page, "inspector", PASSWORD)

    # The finding page leads with the summary; «Это другое лицо» with a reason dismisses it, citing the judgement.
    finding = family.finding
    page.goto(f"/findings/{finding.pk}/")
    assert page.locator("#finding-summary").inner_text().startswith("Директор ООО «Ромашка» Петрова Анна Сергеевна")
    assert not page.locator("details.weights").evaluate("d => d.open")
    page.fill("#judge-reason", "Сестра работает учителем, в ООО «Ромашка» не состоит")
    with page.expect_navigation():
        page.click("button[name=same][value='0']")
    assert page.locator("#finding-status").inner_text() == "отклонено"
    assert "это другое лицо (основание: Сестра работает учителем" in page.locator("table.decisions").inner_text()
    finding.refresh_from_db()
    assert finding.status == Finding.Status.DISMISSED

    # The mother's request: mark it sent, record the answer with her ИНН.
    page.goto("/clarifications/")
    with page.expect_navigation():
        page.click(f"tr[data-request='{family.request.pk}'] a")
    assert page.locator("#request-status").inner_text() == "подготовлен"
    page.fill("input[name=sent_on]", "2026-12-01")
    with page.expect_navigation():
        page.click("#mark-sent")
    assert page.locator("#request-status").inner_text() == "направлен"
    inn = make_inn("4205777777", person=True)
    page.select_option("select[name=person_0]", "no")
    page.fill("input[name=inn]", inn)
    page.fill("textarea[name=answer]", "Мать в этих организациях не работает")
    with page.expect_navigation():
        page.click("#record-answer")
    assert page.locator("#request-status").inner_text() == "получен ответ"
    assert ClarificationRequest.objects.get(pk=family.request.pk).status == "answered"

    # The relative's ИНН is on the servant's card.
    with page.expect_navigation():
        page.click("#servant-link")
    row = page.locator("table.relatives tr", has_text="Иванова Елена Александровна")
    assert inn in row.inner_text()
