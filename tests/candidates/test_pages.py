"""Candidate check pages: who may do what, every read and export audited, hostile text harmless."""

from __future__ import annotations

import io
from datetime import timedelta

from django.utils import timezone
from openpyxl import load_workbook

from zorko.audit.models import AuditEvent
from zorko.candidates import services
from zorko.candidates.models import CandidateCheck


def test_list_run_decide_and_conclusion(registry, candidate, client_as):
    client = client_as("inspector")
    page = client.get("/candidate-checks/")
    assert page.status_code == 200
    assert "Кравец Ольга Николаевна" in page.content.decode() and "ожидает проверки" in page.content.decode()
    response = client.post(f"/candidate-checks/person/{candidate.pk}/run/")
    check = CandidateCheck.objects.get()
    assert response["Location"] == f"/candidate-checks/{check.pk}/"
    body = client.get(response["Location"]).content.decode()
    assert "запрос уточнения: совпадение с реестром" in body and "ЕИС, реестр договоров (223-ФЗ)" in body and "01.12.2026" in body
    assert AuditEvent.objects.filter(action="candidates.view").count() == 1
    client.post(f"/candidate-checks/{check.pk}/decide/", {"decision": "obstacles", "note": "Сестра — поставщик"})
    check.refresh_from_db()
    assert check.decision == "obstacles"
    pdf = client.get(f"/candidate-checks/{check.pk}/conclusion.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="candidates.conclusion").count() == 1


def test_hr_sees_but_cannot_run_or_decide(registry, candidate, client_as, make_user):
    check = services.run_check(candidate, make_user("inspector"))
    client = client_as("hr")
    assert client.get("/candidate-checks/").status_code == 200
    assert client.post(f"/candidate-checks/person/{candidate.pk}/run/").status_code == 403
    assert client.post(f"/candidate-checks/{check.pk}/decide/", {"decision": "recommended"}).status_code == 403
    assert client.get(f"/candidate-checks/{check.pk}/conclusion.docx").status_code == 403
    assert client_as("viewer").get("/candidate-checks/log.xlsx?start=2026-01-01&end=2026-12-31").status_code == 200


def test_log_export_for_a_period_is_audited(registry, candidate, client_as, make_user):
    services.run_check(candidate, make_user("inspector"))
    client = client_as("inspector")
    today = timezone.localdate()
    response = client.get(f"/candidate-checks/log.xlsx?start={today - timedelta(days=1)}&end={today}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 2 and sheet["C2"].value == "Кравец Ольга Николаевна"
    event = AuditEvent.objects.get(action="candidates.log_export")
    assert event.details["checks"] == 1
    bad = client.get(f"/candidate-checks/log.xlsx?start={today}&end={today - timedelta(days=3)}")
    assert bad.status_code == 302


def test_hostile_names_are_shown_as_text(registry, make_servant, client_as, make_user):
    person = make_servant("<script>alert(1)</script>", "=HYPERLINK(\"x\")", "Я" * 100, status="candidate")
    check = services.run_check(person, make_user("inspector"))
    services.decide(check, "clarify", make_user("inspector"), "<img src=x onerror=alert(1)>")
    client = client_as("inspector")
    for url in ("/candidate-checks/", f"/candidate-checks/{check.pk}/"):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
        assert "<img src=x" not in body


def test_hired_servant_card_leads_to_the_kept_checks(registry, candidate, client_as, make_user):
    user = make_user("inspector")
    check = services.run_check(candidate, user)
    services.decide(check, "recommended", user, "Урегулировано")
    services.hire(candidate, user)
    client = client_as("inspector")
    card = client.get(f"/people/{candidate.pk}/").content.decode()
    assert f"/candidate-checks/person/{candidate.pk}/" in card
    page = client.get(f"/candidate-checks/person/{candidate.pk}/").content.decode()
    assert f"/candidate-checks/{check.pk}/" in page and "рекомендован" in page


def test_with_the_online_npd_check_the_check_runs_as_a_job(registry, candidate, client_as, monkeypatch, tmp_path):
    from tests.registry_tables import unreachable_url
    from zorko.tasks import queue

    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZORKO_NPD_ONLINE", "1")
    monkeypatch.setenv("ZORKO_NPD_URL", unreachable_url())
    monkeypatch.setenv("ZORKO_NPD_INTERVAL", "0")
    client = client_as("inspector")
    response = client.post(f"/candidate-checks/person/{candidate.pk}/run/")
    assert response["Location"].startswith("/tasks/")
    assert queue.run_pending() == 1
    check = CandidateCheck.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert f"/candidate-checks/{check.pk}/" in page and "Проверка кандидата" in page
    assert any(r["source"] == "npd_online" and "не ответил" in r["result"] for r in check.results)
