"""Clarification request pages: statuses, filters, the steps, the audit, role boundaries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.clarifications.scenario import HOSTILE_COMPANY, NAMESAKE_INNS
from zorko.audit.models import AuditEvent
from zorko.findings.clarifications import mark_sent
from zorko.findings.models import ClarificationRequest, IdentityJudgement

pytestmark = pytest.mark.django_db


def test_list_shows_status_and_is_filtered(family, client_as):
    client = client_as("viewer")
    html = client.get("/clarifications/").content.decode()
    assert "Запросы уточнения" in html and f'data-request="{family.request.pk}"' in html
    assert "подготовлен" in html and "мать: Иванова Елена Александровна" in html
    assert f'data-request="{family.request.pk}"' not in client.get("/clarifications/?status=sent").content.decode()
    assert f'data-request="{family.request.pk}"' in client.get("/clarifications/?status=prepared").content.decode()
    assert "Запросов нет" in client.get("/clarifications/?kind=hidden_relative").content.decode()


def test_overdue_comes_first_and_reads_overdue(family, make_servant, make_user, client_as):
    req = family.request
    mark_sent(req, make_user("inspector"), timezone.localdate() - timedelta(days=40))
    later = ClarificationRequest.objects.create(key="x" * 64, kind="namesakes", servant=family.servant,
                                                person_name="Другой", candidates=[], candidates_hash="h")
    html = client_as("viewer").get("/clarifications/").content.decode()
    assert html.index(f'data-request="{req.pk}"') < html.index(f'data-request="{later.pk}"')
    assert "просрочен" in html
    only = client_as("viewer").get("/clarifications/?status=overdue").content.decode()
    assert f'data-request="{req.pk}"' in only and f'data-request="{later.pk}"' not in only


def test_detail_lists_registry_persons_escaped_and_is_audited(family, client_as):
    client = client_as("viewer")
    html = client.get(f"/clarifications/{family.request.pk}/").content.decode()
    for inn in NAMESAKE_INNS:
        assert inn in html
    assert HOSTILE_COMPANY not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'href="/people/{family.servant.pk}/"' in html and "Кемеровская" in html
    assert "Записать ответ" not in html and "Письмо служащему" not in html  # a viewer cannot act
    assert AuditEvent.objects.filter(action="person.view", object_id=str(family.servant.pk),
                                     details__clarification=family.request.pk).exists()


def test_viewer_cannot_act_and_hr_cannot_see(family, client_as):
    req = family.request
    viewer = client_as("viewer")
    assert viewer.post(f"/clarifications/{req.pk}/send/", {"sent_on": "01.12.2026"}).status_code == 403
    assert viewer.get(f"/clarifications/{req.pk}/letter.docx").status_code == 403
    hr = client_as("hr")
    assert hr.get("/clarifications/").status_code == 403
    assert hr.get(f"/clarifications/{req.pk}/").status_code == 403
    req.refresh_from_db()
    assert req.status == "prepared"


def test_mark_sent_then_answer_with_inn_stores_it_and_rescreens(family, client_as):
    client = client_as("inspector")
    req = family.request
    response = client.post(f"/clarifications/{req.pk}/send/", {"sent_on": "01.12.2026"}, follow=True)
    html = response.content.decode()
    req.refresh_from_db()
    assert req.status == "sent" and req.due_on is not None
    assert f"срок ответа — {req.due_on:%d.%m.%Y}" in html
    persons = {c["inn"]: n for n, c in enumerate(req.candidates)}
    hostile = "<script>alert(1)</script> " + "очень длинный ответ " * 300
    response = client.post(f"/clarifications/{req.pk}/answer/", {
        f"person_{persons[NAMESAKE_INNS[0]]}": "no", "inn": "420512345675", "answer": hostile[:3900]}, follow=True)
    html = response.content.decode()
    req.refresh_from_db()
    family.mother.refresh_from_db()
    assert req.status == "answered" and family.mother.inn == "420512345675"
    assert "получен ответ" in html and "<script>alert(1)</script>" not in html
    judgement = IdentityJudgement.objects.get(relative=family.mother)
    assert judgement.same is False and judgement.registry_inn == NAMESAKE_INNS[0]
    listed = html[html.index('id="request-judgements"'):html.index("<h2>История</h2>")]
    assert NAMESAKE_INNS[0] in listed and "это другое лицо" in listed and "действует" in listed
    assert AuditEvent.objects.filter(action="clarification.answer", object_id=str(req.pk)).exists()
    assert AuditEvent.objects.filter(action="screening.run").exists()  # the servant was re-checked at once
    card = client.get(f"/people/{family.servant.pk}/").content.decode()
    assert "420512345675" in card


def test_answer_with_bad_inn_is_refused_in_russian(family, client_as):
    client = client_as("inspector")
    req = family.request
    html = client.post(f"/clarifications/{req.pk}/answer/", {"inn": "=1+2"}, follow=True).content.decode()
    assert "ИНН физического лица — 12 цифр" in html
    req.refresh_from_db()
    assert req.status == "prepared"
    html = client.post(f"/clarifications/{req.pk}/answer/", {}, follow=True).content.decode()
    assert "Отметьте по каждому лицу" in html


def test_overdue_request_is_closed_with_a_reason(family, make_user, client_as):
    req = family.request
    mark_sent(req, make_user("inspector"), timezone.localdate() - timedelta(days=40))
    client = client_as("inspector")
    html = client.get(f"/clarifications/{req.pk}/").content.decode()
    assert "Закрыть без ответа" in html
    html = client.post(f"/clarifications/{req.pk}/close/", {"reason": ""}, follow=True).content.decode()
    assert "Укажите причину закрытия" in html
    reason = "<b>Служащий уволен</b>"
    html = client.post(f"/clarifications/{req.pk}/close/", {"reason": reason}, follow=True).content.decode()
    req.refresh_from_db()
    assert req.status == "overdue" and req.overdue_reason == reason
    assert "&lt;b&gt;Служащий уволен&lt;/b&gt;" in html and reason not in html


def test_letter_download_is_audited(family, client_as):
    client = client_as("inspector")
    response = client.get(f"/clarifications/{family.request.pk}/letter.docx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert "0042" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="clarification.letter", object_id=str(family.request.pk)).exists()


def test_batch_zip_of_prepared_letters(family, client_as):
    import io
    import zipfile

    client = client_as("inspector")
    org = family.servant.organisation
    html = client.get(f"/clarifications/?organisation={org.pk}").content.decode()
    assert "letters-zip" in html
    response = client.get(f"/clarifications/letters.zip?organisation={org.pk}")
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == [f"zapros-{family.request.pk}-0042.docx"]


def test_answer_with_wrong_inn_checksum_is_refused(family, client_as):
    req = family.request
    html = client_as("inspector").post(f"/clarifications/{req.pk}/answer/", {"inn": "420512345678"},
                                       follow=True).content.decode()
    assert "неверные контрольные цифры" in html
    family.mother.refresh_from_db()
    assert family.mother.inn in ("", None)


def test_home_counts_open_and_overdue_requests(family, make_user, client_as):
    html = client_as("viewer").get("/").content.decode()
    assert 'id="clarifications-open">1</a>' in html and "clarifications-overdue" not in html
    mark_sent(family.request, make_user("inspector"), timezone.localdate() - timedelta(days=40))
    html = client_as("viewer").get("/").content.decode()
    assert 'href="/clarifications/?status=overdue" id="clarifications-overdue" class="behind">1</a>' in html


def test_kpi_page_states_the_definition(family, client_as):
    from zorko.findings.kpi import DEFINITION

    html = client_as("viewer").get("/kpi/").content.decode()
    assert f'<p id="kpi-definition">{DEFINITION}</p>' in html
    assert "запросы уточнения получили ответ" in DEFINITION


def test_filtered_list_downloads_as_xlsx_and_is_audited(family, client_as):
    import io

    from openpyxl import load_workbook

    client = client_as("viewer")
    html = client.get("/clarifications/?status=prepared").content.decode()
    assert 'href="/clarifications/export.xlsx?status=prepared"' in html
    response = client.get("/clarifications/export.xlsx?status=prepared")
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + 4 and rows[1][2] == "Сидоров Пётр Ильич"
    texts = [v for row in rows for v in row if isinstance(v, str)]
    assert any("=HYPERLINK" in v for v in texts) and not [v for v in texts if v.startswith(("=", "+", "-", "@"))]
    empty = client.get("/clarifications/export.xlsx?status=answered")
    assert len(list(load_workbook(io.BytesIO(empty.content)).worksheets[0].iter_rows())) == 1
    assert AuditEvent.objects.filter(action="export", object_type="clarifications", user__isnull=False).count() == 2


def test_withdrawn_requests_are_shown_only_when_asked_for(family, client_as):
    ClarificationRequest.objects.filter(pk=family.request.pk).update(status="withdrawn", active=False)
    client = client_as("viewer")
    assert f'data-request="{family.request.pk}"' not in client.get("/clarifications/").content.decode()
    html = client.get("/clarifications/?status=withdrawn").content.decode()
    assert f'data-request="{family.request.pk}"' in html and "не требуется" in html
