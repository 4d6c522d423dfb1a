"""Browser: start a screening from the UI, open the finding, dismiss it with a reason, download the report."""

from __future__ import annotations

import io

import pypdf
import pytest

from zorko.findings.models import Finding
from zorko.tasks import queue
from zorko.tasks.models import Job

from .scenario import make_family

PASSWORD = "Пароль-для-тестов-1"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]




def test_screen_review_and_download_report(page, live_server, store, make_servant, make_user, organisation):
    servant, wife = make_family(make_servant)
    with store.write() as reg:
        supplier = reg.company("СТРОЙРЕСУРС")
        reg.role(supplier, "founder", "ИВАНОВА", "МАРИЯ", "ПЕТРОВНА", inn=wife.inn)
        contract = reg.contract(organisation.inn, supplier, price="1250000.00")
    make_user("inspector", username="inspector", password=PASSWORD)

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "inspector")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    # Start the screening of this person from their card; the progress page opens.
    page.goto(f"{live_server.url}/people/{servant.pk}/")
    assert "Срабатываний нет" in page.content()
    page.click("#run-person")
    page.wait_for_url("**/tasks/*/")
    assert queue.run_pending() == 1
    assert Job.objects.get().status == Job.Status.DONE
    page.reload()
    assert page.locator(".job-status").get_attribute("data-status") == "done"
    assert "срабатываний: 1" in page.content()

    # The finding is on the findings list; its evidence is on its page.
    page.click("#open-findings")
    page.wait_for_url("**/findings/")
    finding = Finding.objects.get()
    page.click(f"tr[data-finding='{finding.pk}'] a")
    page.wait_for_url(f"**/findings/{finding.pk}/")
    assert contract in page.content() and "Иванова Мария Петровна" in page.content()

    # Dismissing needs a reason.
    page.click("button[value=dismissed]")
    assert "укажите основание" in page.locator("ul.messages").inner_text()
    page.fill("#reason", "Учредитель — однофамилица, ИНН не совпадает")
    page.click("button[value=dismissed]")
    assert page.locator("#finding-status").inner_text() == "отклонено"
    finding.refresh_from_db()
    assert finding.status == Finding.Status.DISMISSED

    # Back on the card: the finding's evidence path is highlighted on the graph; download the report.
    page.goto(f"{live_server.url}/people/{servant.pk}/")
    page.click(f"button.show-path[data-finding='{finding.pk}']")
    page.wait_for_function(f"() => document.getElementById('link-graph').dataset.drawn === '{finding.pk}'")
    highlighted = page.evaluate("window.zorkoGraph.nodes('.path').map(n => n.id())")
    assert set(highlighted) == set(finding.evidence["graph_path"]) and len(highlighted) >= 3
    page.evaluate("id => { window.zorkoGraph.getElementById(id).emit('tap'); }", f"relative:r:{wife.pk}")
    assert page.locator("#graph-info").inner_text().startswith("родственник: Иванова Мария Петровна · родство: супруга")
    with page.expect_download() as download_info:
        page.click("#report-pdf")
    with open(download_info.value.path(), "rb") as fh:
        reader = pypdf.PdfReader(io.BytesIO(fh.read()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Отчет о проверке Иванова Ивана Ивановича" in text
    assert "Учредитель — однофамилица, ИНН не совпадает" in text and contract in text
