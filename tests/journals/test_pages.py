"""Journal pages: who reads the inducement journal (and that each read is audited), registration, export."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from zorko.audit.models import AuditEvent
from zorko.journals.models import JournalEntry, Kind

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def inducement(make_entry):
    return make_entry(Kind.INDUCEMENT, date(2026, 11, 10), content="Предложено вознаграждение за контракт",
                      event_on=date(2026, 11, 9))


@pytest.mark.parametrize("role", ["hr", "viewer", "secretary"])
def test_inducement_journal_is_hidden_from_other_roles(client_as, inducement, role) -> None:
    client = client_as(role)
    listing = client.get("/journals/?kind=inducement")
    if role == "secretary":
        assert listing.status_code == 403
    else:
        assert listing.status_code == 200 and "Предложено вознаграждение" not in listing.content.decode()
    assert client.get(f"/journals/{inducement.pk}/").status_code in (403, 404)
    assert client.get("/journals/export/inducement.xlsx").status_code in (403, 404)
    assert not AuditEvent.objects.filter(action="journal.view").exists()


@pytest.mark.parametrize("role", ["inspector", "administrator"])
def test_inducement_journal_reads_are_audited(client_as, inducement, role) -> None:
    client = client_as(role)
    assert "Предложено вознаграждение" in client.get("/journals/?kind=inducement").content.decode()
    assert "Предложено вознаграждение" in client.get(f"/journals/{inducement.pk}/").content.decode()
    listed = AuditEvent.objects.get(action="journal.list")
    assert listed.details["ids"] == [inducement.pk]
    viewed = AuditEvent.objects.get(action="journal.view")
    assert viewed.object_id == str(inducement.pk) and viewed.details["kind"] == "inducement"


def test_hr_registers_a_gift_notice_and_sees_it_escaped(client_as, make_servant) -> None:
    servant = make_servant()
    client = client_as("hr")
    response = client.post("/journals/new/gift/", {
        "servant": servant.pk, "received_on": "2026-03-11", "registered_on": "2026-03-11",
        "content": HOSTILE, "event_on": "2026-03-05", "gift_value": "4500,00"})
    entry = JournalEntry.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/journals/{entry.pk}/"
    page = client.get(f"/journals/{entry.pk}/").content.decode()
    assert HOSTILE not in page and "&lt;script&gt;" in page
    assert "подлежит сдаче" in page and "18.03.2026" in page  # 5 working days after 11 March
    assert client.get("/journals/new/inducement/").status_code == 404


def test_export_is_audited_and_filtered(client_as, make_entry) -> None:
    make_entry(Kind.GIFT, date(2026, 3, 11))
    client = client_as("inspector")
    response = client.get("/journals/export/gift.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.active["B3"].value == "1/2026"
    assert AuditEvent.objects.filter(action="journal.export").count() == 1


def test_attachment_upload_refuses_a_disguised_file(client_as, make_entry, settings, tmp_path) -> None:
    import dataclasses

    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    entry = make_entry(Kind.GIFT, date(2026, 3, 11))
    client = client_as("inspector")
    bad = client.post(f"/journals/{entry.pk}/attach/", {"file": SimpleUploadedFile("скан.pdf", b"GIF89a...")})
    assert bad.status_code == 400 and "не является PDF, JPEG или PNG" in bad.content.decode()
    good = client.post(f"/journals/{entry.pk}/attach/",
                       {"file": SimpleUploadedFile("скан.pdf", b"%PDF-1.7\n%%EOF")})
    assert good.status_code == 302
    download = client.get(f"/journals/{entry.pk}/files/{entry.attachments.get().pk}/")
    assert download.content == b"%PDF-1.7\n%%EOF" and download["Content-Type"] == "application/pdf"


def test_review_actions_on_a_personal_interest_notice(client_as, make_entry) -> None:
    entry = make_entry(Kind.INTEREST, date(2026, 11, 2))
    client = client_as("inspector")
    base = f"/journals/{entry.pk}"
    assert client.post(f"{base}/review/").status_code == 302
    too_far = client.post(f"{base}/extend/", {"until": "2026-12-31", "reason": "запрос"})
    assert too_far.status_code == 400 and "не дальше 12.12.2026" in too_far.content.decode()
    client.post(f"{base}/extend/", {"until": "2026-12-01", "reason": "запрос в налоговый орган"})
    client.post(f"{base}/conclude/", {"conclusion": HOSTILE + " конфликта интересов нет"})
    client.post(f"{base}/close/", {"decision": "Принято к сведению", "decided_on": "2026-11-20"})
    entry.refresh_from_db()
    assert entry.status == "closed" and entry.due == date(2026, 12, 1) and entry.decided_on == date(2026, 11, 20)
    page = client.get(f"{base}/").content.decode()
    assert "Срок продлён до 01.12.2026: запрос в налоговый орган" in page and HOSTILE not in page
    again = client.post(f"{base}/close/", {"decision": "ещё раз", "decided_on": "2026-11-21"})
    assert again.status_code == 400 and "Запись уже рассмотрена" in again.content.decode()
    assert client_as("viewer").post(f"{base}/review/").status_code == 403


def test_list_filters_by_status_and_organisation(client_as, make_entry, make_servant) -> None:
    from zorko.people.models import Organisation

    other = Organisation.objects.create(name="Управление образования", inn="4205000014")
    mine = make_entry(Kind.GIFT, date(2026, 3, 11), content="Подарок в администрации")
    make_entry(Kind.GIFT, date(2026, 3, 12), servant=make_servant(organisation=other), content="Подарок в управлении")
    client = client_as("inspector")
    by_org = client.get(f"/journals/?organisation={mine.organisation_id}").content.decode()
    assert "Подарок в администрации" in by_org and "Подарок в управлении" not in by_org
    closed = client.get("/journals/?status=closed").content.decode()
    assert "Подарок в" not in closed and "Записей: 0" in closed


def test_edit_recomputes_the_deadline(client_as, make_entry) -> None:
    entry = make_entry(Kind.PAID_WORK, date(2026, 9, 1), employer_name="МБОУ СОШ № 1", start_on=date(2026, 9, 15))
    client = client_as("inspector")
    response = client.post(f"/journals/{entry.pk}/edit/", {
        "received_on": "2026-09-01", "registered_on": "", "content": "Уведомление", "employer_name": "МБОУ СОШ № 1",
        "employer_inn": "", "work_kind": "учитель", "start_on": "2026-09-01"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.deadline == date(2026, 9, 1) and "не до начала работы" in entry.late_note
    assert entry.registered_on == date(2026, 9, 1)


def test_only_inspectors_can_be_made_responsible(client_as, make_user) -> None:
    inspector = make_user("inspector", username="petrova")
    make_user("hr", username="kadry")
    page = client_as("hr").get("/journals/new/gift/").content.decode()
    assert f'value="{inspector.pk}"' in page and ">kadry<" not in page
