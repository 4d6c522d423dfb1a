"""Browser: a personal-interest notice → case; a finding → case; meeting → decisions → protocol DOCX → closed."""

from __future__ import annotations

import io

import pytest
from docx import Document

from tests.conftest import log_in
from zorko.findings.models import Finding
from zorko.journals.models import JournalEntry, Status

PASSWORD = "Пароль-для-тестов-1"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_notice_to_case_to_meeting_to_protocol(page, live_server, make_user, make_servant, members,
                                               confirmed_finding) -> None:
    servant = make_servant("Иванов", "Иван", "Иванович")
    make_user("inspector", username="inspector", password=PASSWORD)
    page.goto("/login/")
    log_in(page, "inspector", PASSWORD)

    # Register the notice in the personal-interest journal.
    page.goto("/journals/new/interest/")
    page.select_option("#id_servant", str(servant.pk))
    page.fill("#id_received_on", "2026-11-02")
    page.fill("#id_registered_on", "2026-11-02")
    page.fill("#id_content", "Брат — директор подрядчика по контракту, который я веду")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    entry = JournalEntry.objects.get()
    assert "№ 1/2026" in page.locator("h1").inner_text()
    assert "12.11.2026" in page.content()  # 7 working days after Monday 2 November; 4 November is a holiday

    # Refer it to the commission: a case opens with the notice as its ground.
    with page.expect_navigation():
        page.click("#refer")
    assert "личной заинтересованности" in page.content() and page.locator("#entry-status").inner_text() == (
        "передано в комиссию")

    # Open a second case from the confirmed finding and schedule one meeting for both.
    page.goto("/commission/")
    page.select_option("#id_finding", str(confirmed_finding.pk))
    with page.expect_navigation():
        page.click("button:has-text('Открыть дело')")
    page.goto("/commission/")
    page.fill("#id_date", "2026-11-20")
    page.fill("#id_place", "каб. 305")
    for box in page.locator("input[name=cases]").all():
        box.check()
    with page.expect_navigation():
        page.click("#meeting-form button[type=submit]")
    assert page.locator("#meeting-status").inner_text() == "назначено"

    # Without the independent experts the meeting is refused, with the reason.
    for member in members:
        if member.independent:
            page.uncheck(f"input[name=present][value='{member.pk}']")
    with page.expect_navigation():
        page.click("button:has-text('Отметить присутствующих')")
    with page.expect_navigation():
        page.click("#hold")
    assert "независимых экспертов: 0, нужно не менее 1" in page.content()
    page.go_back()
    page.reload()
    for member in members:
        page.check(f"input[name=present][value='{member.pk}']")
    with page.expect_navigation():
        page.click("button:has-text('Отметить присутствующих')")
    with page.expect_navigation():
        page.click("#hold")
    assert page.locator("#meeting-status").inner_text() == "проведено"

    # Decide both cases from the regulation's lists.
    decisions = {"interest": "no_conflict", "conduct": "not_complied"}
    while page.locator("form.decision").count():
        section = page.locator("form.decision").first
        select = section.locator("select")
        options = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        code = next(c for c in decisions.values() if c in options)
        select.select_option(code)
        section.locator("textarea").fill("Служащий дал пояснения")
        with page.expect_navigation():
            section.locator("button").click()
    assert page.locator("form.decision").count() == 0

    with page.expect_download() as download:
        page.click("#protocol-link")
    with open(download.value.path(), "rb") as fh:
        text = "\n".join(p.text for p in Document(io.BytesIO(fh.read())).paragraphs)
    assert "ПРОТОКОЛ № 1" in text and "в отношении Иванова Ивана Ивановича" in text
    assert "в отношении Петровой Марии Сергеевны" in text and "Кворум имеется." in text

    # The decisions flowed back: the finding and the notice are closed.
    confirmed_finding.refresh_from_db()
    entry.refresh_from_db()
    assert confirmed_finding.status == Finding.Status.CONFIRMED
    assert confirmed_finding.decisions.last().from_status == "referred"
    assert entry.status == Status.CLOSED
    page.goto(f"/findings/{confirmed_finding.pk}/")
    assert page.locator("#finding-status").inner_text() == "подтверждено"
    page.goto(f"/people/{servant.pk}/")
    history = page.locator("main").inner_text().split("Уведомления, комиссия, меры ответственности", 1)[1]
    assert "Дело № 1/2026" in history and "конфликт интересов отсутствует" in history
