"""The program pages: forms, hostile input, permissions, audited exports, the памятка, KPI exports."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document
from lxml import html
from openpyxl import load_workbook

from tests.signed_documents import assert_signature_kept, assert_zorko_properties
from zorko.audit.models import AuditEvent
from zorko.program.models import ControlPointMark, Event, Participant, TrainingCourse

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil","клик")'
LONG = "Очень длинная тема " * 20


def _page(response) -> html.HtmlElement:
    assert response.status_code == 200, response.content[:500]
    return html.fromstring(response.content.decode())


def _sheet(response):
    assert response.status_code == 200
    return [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]


def test_course_with_hostile_text_is_escaped_on_page_and_neutral_in_xlsx(client_as, make_servant) -> None:
    client = client_as("inspector")
    servant = make_servant(personnel_number="1001")
    response = client.post("/program/training/", {
        "year": 2026, "programme": HOSTILE + FORMULA, "provider": LONG, "hours": 36, "starts_on": "2026-05-12",
        "ends_on": "2026-05-20", "contract_number": "0139-47", "contract_date": "2026-04-22",
        "contract_price": "198000.50"})
    course = TrainingCourse.objects.get()
    assert response.status_code == 302 and str(course.contract_price) == "198000.50"
    client.post(f"/program/training/{course.pk}/", {"servant": "1001", "category": "procurement",
                                                   "certificate_number": "У-1", "certificate_date": "2026-05-20"})
    assert Participant.objects.get().servant == servant
    body = client.get(f"/program/training/{course.pk}/").content.decode()
    assert HOSTILE not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    rows = _sheet(client.get("/program/export/trainings.xlsx?year=2026"))
    data = rows[4]
    assert data[0] == "1001" and data[5] == HOSTILE + FORMULA and data[6] == LONG.strip()
    assert data[7] == 36 and isinstance(data[7], int) and data[12] == 198000.5
    event = AuditEvent.objects.filter(action="export").latest("pk")
    assert event.details["rows"] == 1 and event.details["filter"] == {"year": "2026"}


def test_formula_text_is_prefixed_in_every_export(client_as, make_servant) -> None:
    client = client_as("inspector")
    make_servant(FORMULA, "Иван", personnel_number="2002")
    rows = _sheet(client.get("/program/export/servants.xlsx"))
    assert rows[4][1] == "'" + FORMULA
    Event.objects.create(title=FORMULA, held_on=date(2026, 1, 20))
    rows = _sheet(client.get("/program/export/events.xlsx?year=2026"))
    assert rows[4][2] == "'" + FORMULA


def test_participant_needs_a_known_personnel_number_and_both_certificate_fields(client_as, course) -> None:
    client = client_as("inspector")
    page = _page(client.post(f"/program/training/{course.pk}/", {"servant": "нет-такого", "category": "other"}))
    assert "Служащий с табельным номером «нет-такого» не найден" in page.text_content()
    assert Participant.objects.count() == 0


def test_plan_adds_new_hires_and_lists_who_is_due(client_as, make_servant) -> None:
    from zorko.people.models import Position

    listed = Position.objects.create(name="Главный специалист", declaration_required=True)
    make_servant("Новиков", hired_on=date.today().replace(day=1), position=listed)
    client = client_as("hr")
    client.post(f"/program/training/plan/?year={date.today().year}", {"action": "new_hires"})
    page = _page(client.get(f"/program/training/due/?year={date.today().year}"))
    assert "Новиков" in " ".join(page.xpath("//table[contains(@class, 'program-due')]//text()"))
    assert AuditEvent.objects.filter(action="people.list").exists()


def test_event_log_with_attendance(client_as, make_servant) -> None:
    client = client_as("inspector")
    make_servant("Петров", personnel_number="3001")
    make_servant("Сидорова", "Анна", "Петровна", personnel_number="3002")
    client.post("/program/events/", {"kind": "anticorruption_day", "title": LONG, "held_on": "2026-12-09",
                                      "place": HOSTILE, "speaker": "", "attendee_numbers": "3001, 3002"})
    event = Event.objects.get()
    assert event.attendees.count() == 2
    body = client.get("/program/events/?year=2026").content.decode()
    assert "Сидорова Анна Петровна" in body and HOSTILE not in body
    page = _page(client.post("/program/events/", {"kind": "seminar", "title": "Т", "held_on": "2026-01-20",
                                                  "attendee_numbers": "3001 9999"}))
    assert "Не найдены табельные номера: 9999" in page.text_content()


def test_talks_list_who_has_none_and_memo_carries_the_name(client_as, make_servant) -> None:
    client = client_as("hr")
    year = date.today().year
    waiting = make_servant("Ковалёва", "Анна", "Сергеевна", hired_on=date(year, 1, 10), personnel_number="4001")
    talked = make_servant("Беседин", hired_on=date(year, 1, 10), personnel_number="4002")
    client.post(f"/program/talks/?year={year}", {"servant": "4002", "held_on": f"{year}-01-12", "held_by": "Отдел"})
    page = _page(client.get(f"/program/talks/?year={year}"))
    missing = " ".join(page.xpath("//table[contains(@class, 'program-no-talk')]//text()"))
    assert "Ковалёва Анна Сергеевна" in missing and talked.full_name not in missing
    response = client.get(f"/program/talks/memo/{waiting.pk}.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Ковалёва Анна Сергеевна" in text and "ознакомлена" in text and "получила" in text
    assert_signature_kept(response.content, "С памяткой ознакомлена")
    assert_zorko_properties(response.content, "Памятка — Ковалёва Анна Сергеевна", waiting.organisation.name)
    assert AuditEvent.objects.filter(action="report.download", object_repr="Ковалёва Анна Сергеевна").exists()


def test_mark_done_needs_a_document_and_keeps_it(client_as) -> None:
    client = client_as("inspector")
    response = client.post("/program/points/5.1.К1/2026/mark/", {"status": "done", "quarter": "0"}, follow=True)
    assert "приложите документ" in response.content.decode()
    assert not ControlPointMark.objects.exists()
    upload = io.BytesIO(b"%PDF-1.4 licence")
    upload.name = "Договор 17-Л.pdf"
    client.post("/program/points/5.1.К1/2026/mark/", {"status": "done", "quarter": "0", "document": upload,
                                                      "note": HOSTILE})
    mark = ControlPointMark.objects.get()
    assert mark.document_name == "Договор 17-Л.pdf" and bytes(mark.document_content) == b"%PDF-1.4 licence"
    body = client.get("/program/points/?year=2026").content.decode()
    assert HOSTILE not in body and "Договор 17-Л.pdf" in body
    assert client.get(f"/program/points/document/{mark.pk}/").content == b"%PDF-1.4 licence"
    assert AuditEvent.objects.filter(action="program.point.mark").exists()


def test_roles(client_as) -> None:
    viewer = client_as("viewer")
    assert viewer.get("/program/points/").status_code == 200
    assert viewer.post("/program/points/5.1.К1/2026/mark/", {"status": "in_progress"}).status_code == 403
    assert viewer.get("/program/points/edit/").status_code == 403
    hr = client_as("hr")
    assert hr.get("/program/monitoring/template/").status_code == 403
    assert hr.get("/program/export/kpi2.xlsx").status_code == 403  # KPI 2 rests on findings


def test_administrator_edits_points_all_or_nothing(client_as) -> None:
    import json

    from zorko.program import control_points as cp

    admin = client_as("administrator")
    content = cp.shipped_content()
    content["points"][0]["rule"]["due"] = "40.13"
    page = _page(admin.post("/program/points/edit/", {"content": json.dumps(content, ensure_ascii=False)}))
    assert "точка 1 (1.1.К1): rule.due" in page.text_content()
    assert cp.load_points()[0].rule["due"] == "01.12"
    content["points"][0]["rule"]["due"] = "15.12"
    upload = io.BytesIO(json.dumps(content, ensure_ascii=False).encode("utf-8"))
    upload.name = "точки-2027.json"
    assert admin.post("/program/points/edit/", {"file": upload}).status_code == 302
    assert cp.load_points()[0].rule["due"] == "15.12"


def test_progress_report_docx_and_xlsx(client_as) -> None:
    client = client_as("viewer")
    ControlPointMark.objects.create(code="5.1.К1", year=2026, status="done", document_link="Договор № 17-Л",
                                    note=FORMULA)
    rows = _sheet(client.get("/program/points/report.xlsx?year=2026&quarter=2"))
    codes = [r[0] for r in rows[4:]]
    assert "5.1.К1" in codes and "3.1.К2" in codes and "2.1.К1" not in codes  # January is not in Q2
    row = next(r for r in rows if r[0] == "5.1.К1")
    assert row[5] == "выполнено" and row[6] == "'" + FORMULA and row[7] == "Договор № 17-Л"
    docx = Document(io.BytesIO(client.get("/program/points/report.docx?year=2026").content))
    assert "Отчёт о ходе реализации программы за 2026 год" in docx.paragraphs[0].text
    assert len(docx.tables[0].rows) == 1 + 16 + 3 * 3  # header, points, three quarterly points × 3 more


def test_kpi_exports_carry_the_chart(client_as, make_servant, certify) -> None:
    certify(make_servant(), date(2026, 5, 10))
    client = client_as("inspector")
    response = client.get("/program/export/kpi1.xlsx?year=2026")
    book = load_workbook(io.BytesIO(response.content))
    assert book["График"]._images and book.active.cell(4, 1).value == "январь"
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        assert any(n.startswith("xl/media/") for n in zf.namelist())
    pdf = client.get("/program/export/kpi2.pdf?year=2026")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(pdf.content))
    text = reader.pages[0].extract_text()
    assert reader.metadata.title and reader.metadata.author == "Зорко"  # not WeasyPrint's empty defaults
    assert "Доля служащих, проверенных на аффилированность" in text
    assert AuditEvent.objects.filter(action="export", object_type="program").count() == 2


def test_kpi1_page_shows_due_one_click_away(client_as, make_servant, certify, plan) -> None:
    plan(make_servant("Ожидающий"))
    s = make_servant("Обученный")
    plan(s)
    certify(s, date(2026, 5, 1))
    page = _page(client_as("viewer").get("/program/training/kpi/?year=2026"))
    assert page.xpath("//a[@id='kpi1-due']/@href")[0] == "/program/training/due/?year=2026"
    assert page.xpath("//a[@id='kpi1-due']/text()")[0] == "1"
    assert page.xpath("//script[@id='kpi-data' and @type='application/json']")
    assert not page.xpath("//script[not(@src) and not(@type='application/json')]")
    may = page.xpath("//table[contains(@class, 'kpi-months')]//tr[@data-month='5']/td/text()")
    assert may[:3] == ["май", "25", "1"]


def test_people_xlsx_applies_the_filters_of_the_list(client_as, make_servant) -> None:
    make_servant("Ковалёва", "Анна", "Сергеевна")
    make_servant("Петров")
    make_servant("Кандидатова", status="candidate")
    client = client_as("hr")
    assert "/program/export/servants.xlsx" in client.get("/people/").content.decode()
    rows = _sheet(client.get("/program/export/servants.xlsx?q=ковалева"))
    assert [r[1] for r in rows[4:]] == ["Ковалёва"]
    rows = _sheet(client.get("/program/export/candidates.xlsx"))
    assert [r[1] for r in rows[4:]] == ["Кандидатова"]
    event = AuditEvent.objects.filter(action="export").order_by("pk").first()
    assert event.details["filter"] == {"q": "ковалева"} and event.details["rows"] == 1


def test_new_hire_category_only_for_a_listed_position_within_the_year(client_as, make_servant, course) -> None:
    from zorko.people.models import Position

    listed = Position.objects.create(name="Главный специалист", declaration_required=True)
    make_servant("Давний", hired_on=date(2015, 3, 1), position=listed, personnel_number="5001")
    client = client_as("inspector")
    page = _page(client.post(f"/program/training/{course.pk}/", {"servant": "5001", "category": "new_hire"}))
    assert "принятых на должность из перечня в течение последнего года" in page.text_content()
    assert not Participant.objects.exists()
    assert client.post(f"/program/training/{course.pk}/", {"servant": "5001", "category": "other"}).status_code == 302


def test_monitoring_pages_fill_submit_freeze(client_as) -> None:
    from zorko.program.models import MonitoringReport

    inspector = client_as("inspector")
    inspector.post("/program/monitoring/2026/3/", {"5.3": "3", "5.5": HOSTILE})
    report = MonitoringReport.objects.get(year=2026, quarter=3)
    assert report.values["5.3"] == 3 and report.status == "draft"
    page = _page(inspector.get("/program/monitoring/2026/3/"))
    assert page.xpath("//input[@name='5.3']/@value") == ["3"]
    assert HOSTILE not in inspector.get("/program/monitoring/2026/3/").content.decode()
    inspector.post("/program/monitoring/2026/3/submit/")
    page = _page(inspector.get("/program/monitoring/2026/3/"))
    assert "заморожена" in page.xpath("string(//p[@id='monitoring-state'])")
    assert not page.xpath("//form[@id='monitoring-form']")
    refused = inspector.post("/program/monitoring/2026/3/", {"5.3": "9"})
    assert refused.status_code == 400 and "уже представлена" in refused.content.decode()
    assert MonitoringReport.objects.get(year=2026, quarter=3).values["5.3"] == 3
    assert AuditEvent.objects.filter(action="program.monitoring.submit").count() == 1
    assert client_as("hr").post("/program/monitoring/2026/4/submit/").status_code == 403


def test_template_page_refuses_an_unknown_formula(client_as) -> None:
    import json

    from zorko.program.monitoring import active_template

    admin = client_as("administrator")
    bad = {"name": "Т", "sections": [{"title": "А", "indicators": [{"code": "1", "title": "Х", "formula": "rand"}]}]}
    page = _page(admin.post("/program/monitoring/template/", {"content": json.dumps(bad)}))
    assert "неизвестная формула" in page.xpath("string(//ul[@id='template-errors'])")
    assert active_template().definition["sections"][0]["title"].startswith("1.")
