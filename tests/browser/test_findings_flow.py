"""Browser: start a screening from the UI, open a finding, dismiss it with a reason, download the report."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import Any

import pypdf
import pytest

from zorko.findings.models import Finding
from zorko.tasks import queue
from zorko.tasks.models import Job

from ..findings.scenario import make_family, make_finding, make_run

PASSWORD = "Пароль-для-тестов-1"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(live_server: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test still uses the ORM.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(accept_downloads=True, locale="ru-RU")
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def test_screen_review_and_download_report(page, live_server, make_servant, make_user):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    make_run([servant])
    make_user("inspector", username="inspector", password=PASSWORD)

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "inspector")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    # Start a screening of this person from their findings page; the progress page opens.
    page.goto(f"{live_server.url}/people/{servant.pk}/")
    page.wait_for_function("document.getElementById('link-graph').dataset.nodes > 0")
    assert page.locator("#link-graph canvas").count() > 0  # cytoscape drew the graph
    page.click("#run-person")
    page.wait_for_url("**/tasks/*/")
    job = Job.objects.get()
    assert (job.kind, job.params["scope"], job.params["value"]) == ("screening.run", "person",
                                                                     servant.personnel_number)
    queue.run_pending()
    page.reload()
    assert page.locator(".job-status").get_attribute("data-status") in {"done", "failed"}

    # The finding's path is highlighted on the graph.
    page.goto(f"{live_server.url}/people/{servant.pk}/")
    page.click(f"button.show-path[data-finding='{finding.pk}']")
    page.wait_for_function(f"document.getElementById('link-graph').dataset.finding === '{finding.pk}'")
    highlighted = page.evaluate("window.zorkoGraph.nodes('.path').map(n => n.id())")
    assert set(highlighted) == set(finding.evidence["path"])

    # Open the finding, try to dismiss without a reason, then with one.
    page.click(f"tr[data-finding='{finding.pk}'] a")
    page.wait_for_url(f"**/findings/{finding.pk}/")
    assert "ИНН совпадает: 420512345678" in page.content()
    page.click("button[value=dismissed]")
    assert "укажите основание" in page.locator("ul.messages").inner_text()
    page.fill("#reason", "Учредитель — однофамилица, ИНН не совпадает")
    page.click("button[value=dismissed]")
    assert page.locator("#finding-status").inner_text() == "отклонено"
    finding.refresh_from_db()
    assert finding.status == Finding.Status.DISMISSED

    # Download the report from the servant's page.
    page.goto(f"{live_server.url}/people/{servant.pk}/")
    with page.expect_download() as download_info:
        page.click("#report-pdf")
    path = download_info.value.path()
    with open(path, "rb") as fh:
        reader = pypdf.PdfReader(io.BytesIO(fh.read()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Отчет о проверке Иванова Ивана Ивановича" in text
    assert "Учредитель — однофамилица, ИНН не совпадает" in text
