"""Declarations pages: roles, the import job, manual entry, the справка, exports and documents."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import load_workbook

from tests.declarations.factory import declaration, income, item, store
from zorko.audit.models import AuditEvent
from zorko.declarations.models import Declaration
from zorko.declarations.records import Member, Person, Section
from zorko.declarations.xsb_writer import pack, to_xml
from zorko.people.models import Position
from zorko.tasks import queue
from zorko.tasks.models import Job

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def servant(make_servant: Callable[..., Any]) -> Any:
    position = Position.objects.create(name="Начальник отдела", declaration_required=True)
    return make_servant("Лебедев", "Олег", "Ильич", birth_date=date(1981, 2, 3), snils="11223344595",
                        position=position)


def _xsb(servant: Any, *items: Any) -> SimpleUploadedFile:
    person = Person(servant.last_name, servant.first_name, servant.middle_name, servant.birth_date, servant.snils)
    return SimpleUploadedFile("лебедев.xsb", pack(to_xml([declaration(person, 2025, *items)])))


@pytest.mark.parametrize(("role", "status"), [("hr", 302), ("inspector", 302), ("viewer", 403)])
def test_who_may_import(client_as: Callable[[str], Any], servant: Any, role: str, status: int) -> None:
    response = client_as(role).post("/declarations/import/", {"files": [_xsb(servant, income(1))]})
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), [("hr", 403), ("inspector", 302), ("viewer", 403)])
def test_who_may_analyse(client_as: Callable[[str], Any], role: str, status: int) -> None:
    assert client_as(role).post("/declarations/analyse/", {"year": 2025}).status_code == status


def test_import_job_then_campaign_shows_the_filer(client_as: Callable[[str], Any], servant: Any) -> None:
    client = client_as("hr")
    response = client.post("/declarations/import/", {"files": [_xsb(servant, income(1_500_000))]})
    queue.run_pending()
    job = Job.objects.get(kind="declarations.import")
    assert job.status == Job.Status.DONE and job.result["added"] == 1
    assert (job.done, job.total) == (1, 1)  # the progress counts справки written
    assert "Открыть кампанию по справкам" in client.get(response["Location"]).content.decode()
    page = client.get("/declarations/?year=2025").content.decode()
    assert f'data-servant="{servant.pk}"' in page and "представлена в срок" in page
    assert AuditEvent.objects.filter(action="declarations.import").exists()


def test_refused_import_job_names_the_file_and_writes_nothing(client_as: Callable[[str], Any], servant: Any) -> None:
    client = client_as("hr")
    broken = SimpleUploadedFile("битый.xsb", b"XSB001@@@@")
    response = client.post("/declarations/import/", {"files": [_xsb(servant, income(1)), broken]})
    queue.run_pending()
    page = client.get(response["Location"]).content.decode()
    assert 'data-status="failed"' in page and "битый.xsb: файл повреждён" in page
    assert not Declaration.objects.exists()
    assert AuditEvent.objects.get(action="declarations.import.refused").details["errors"] == 1


def test_manual_entry_of_a_paper_справка(client_as: Callable[[str], Any], servant: Any) -> None:
    client = client_as("hr")
    data = {"servant": servant.pk, "year": 2025, "member": "declarant", "filed_on": "2026-04-28",
            "items-TOTAL_FORMS": 2, "items-INITIAL_FORMS": 0, "items-0-section": "income",
            "items-0-kind": HOSTILE, "items-0-amount": "1 200 000,50", "items-1-section": "real_estate",
            "items-1-kind": "Квартира", "items-1-area": "54,2", "items-1-country": "Россия"}
    response = client.post("/declarations/new/", data)
    decl = Declaration.objects.get()
    assert response.status_code == 302 and decl.source == "manual" and decl.filed_on == date(2026, 4, 28)
    assert sorted(decl.items.values_list("section", flat=True)) == ["income", "real_estate"]
    page = client.get(response["Location"]).content.decode()
    assert HOSTILE not in page and "&lt;script&gt;" in page and "1\xa0200\xa0000,50\xa0руб." in page
    assert AuditEvent.objects.filter(action="declarations.view").exists()


def test_manual_entry_errors_are_russian(client_as: Callable[[str], Any], servant: Any) -> None:
    data = {"servant": servant.pk, "year": 2025, "member": "spouse", "filed_on": "2026-04-28",
            "items-TOTAL_FORMS": 1, "items-INITIAL_FORMS": 0, "items-0-kind": "без раздела", "items-0-inn": "12"}
    page = client_as("hr").post("/declarations/new/", data).content.decode()
    assert "укажите его фамилию и имя" in page and "ИНН — 10 или 12 цифр" in page
    assert "Выберите раздел справки" in page and not Declaration.objects.exists()


def test_campaign_export_neutralises_formulas(client_as: Callable[[str], Any], make_servant: Callable[..., Any]) -> None:
    position = Position.objects.create(name=FORMULA, declaration_required=True)
    make_servant(FORMULA, "Иван", "Иванович", position=position)
    response = client_as("inspector").get("/declarations/export.xlsx?year=2025")
    ws = load_workbook(io.BytesIO(response.content))["Справки за 2025 год"]
    values = [c.value for c in ws[2]]
    assert f"'{FORMULA} Иван Иванович" in values and f"'{FORMULA}" in values
    counts = load_workbook(io.BytesIO(response.content))["По организациям"]
    assert counts.cell(2, 2).value == 1 and counts.cell(2, 2).data_type == "n"
    assert AuditEvent.objects.filter(action="export", object_type="declarations.campaign").exists()


def test_reminders_letter_and_zip(client_as: Callable[[str], Any], servant: Any,
                                  make_servant: Callable[..., Any]) -> None:
    client = client_as("inspector")
    query = "year=2025&as_of=2026-04-20"
    page = client.get(f"/declarations/reminders/?{query}").content.decode()
    assert "Лебедев Олег Ильич" in page
    letter = Document(io.BytesIO(client.get(f"/declarations/reminders/{servant.pk}.docx?{query}").content))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Лебедеву Олегу Ильичу" in text and "Уважаемый Олег Ильич!" in text and "30.04.2026" in text
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/declarations/reminders.zip?{query}").content))
    assert len(archive.namelist()) == 1 and archive.namelist()[0].endswith(".docx")


def test_publication_has_no_personal_identifiers(client_as: Callable[[str], Any], servant: Any) -> None:
    store(servant, 2025, income(1_234_567.5), item(Section.REAL_ESTATE, "Квартира", area=54.2, country="Россия",
                                                  co_owners=[{"name": "Совладелец Пётр", "inn": "420511112222"}]),
          item(Section.VEHICLE, "Автомобиль легковой", name=HOSTILE))
    wife = Person("Лебедева", "Анна", "Ивановна", date(1983, 7, 7))
    store(servant, 2025, income(300_000), member=Member.SPOUSE, person=wife)
    client = client_as("inspector")
    org = servant.organisation.pk
    xlsx = load_workbook(io.BytesIO(client.get(f"/declarations/publication/?organisation={org}&year=2025&format=xlsx"
                                               ).content)).active
    cells = [str(c.value) for row in xlsx.iter_rows() for c in row if c.value is not None]
    assert "Лебедев Олег Ильич" in cells and "Супруг(а)" in cells and 1234567.5 in [c.value for c in xlsx["F"]]
    assert not any("Анна" in c or "1983" in c or "420511112222" in c or "Совладелец" in c for c in cells)
    docx = Document(io.BytesIO(client.get(f"/declarations/publication/?organisation={org}&year=2025&format=docx"
                                          ).content))
    table_text = " ".join(c.text for r in docx.tables[0].rows for c in r.cells)
    assert "1 234 567,50" in table_text and HOSTILE in table_text and "Анна" not in table_text


def test_home_page_shows_the_running_campaign(client_as: Callable[[str], Any], servant: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import zorko.web.core.dashboard as dashboard

    client = client_as("hr")
    assert 'id="block-declarations"' not in client.get("/").content.decode()  # December: not running
    real = dashboard.timezone.localtime

    def in_april() -> Any:
        return real().replace(year=2026, month=4, day=20)

    monkeypatch.setattr(dashboard.timezone, "localtime", in_april)
    page = client.get("/").content.decode()
    assert 'id="block-declarations"' in page and "Справки о доходах за 2025 год" in page


def test_hostile_справка_from_a_file_is_inert_everywhere(client_as: Callable[[str], Any], servant: Any,
                                                         tmp_path: Any) -> None:
    from tests.declarations.factory import write_file
    from zorko.declarations.analysis import analyse
    from zorko.declarations.intake import import_paths

    long_text = "Я" * 5000
    me = Person(servant.last_name, servant.first_name, servant.middle_name, servant.birth_date, servant.snils)
    child = Person(HOSTILE, FORMULA, "", date(2016, 1, 1))
    path = write_file(tmp_path / "злой.xsb",
                      declaration(me, 2025, income(1, kind=long_text),
                                  item(Section.VEHICLE, FORMULA)),
                      declaration(child, 2025, income(0), member=Member.CHILD))
    import_paths([path])
    analyse(2025)
    client = client_as("inspector")
    own = Declaration.objects.get(member="declarant")
    assert len(own.items.get(section="income").kind) == 300
    page = client.get(f"/declarations/{own.pk}/").content.decode()
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    finding_page = client.get(f"/findings/{own.servant.findings.get().pk}/").content.decode()
    assert HOSTILE not in finding_page
    org = servant.organisation.pk
    sheet = load_workbook(io.BytesIO(client.get(
        f"/declarations/publication/?organisation={org}&year=2025&format=xlsx").content)).active
    assert f"'{FORMULA}" in [c.value for c in sheet["E"]]


def test_people_list_filters_by_category(client_as: Callable[[str], Any], make_servant: Callable[..., Any]) -> None:
    from zorko.people.models import Servant

    make_servant("Директоров", "Иван", "Иванович", category=Servant.Category.INSTITUTION_HEAD)
    make_servant("Рядовой", "Иван", "Иванович")
    page = client_as("hr").get("/people/?category=institution_head").content.decode()
    assert "Директоров" in page and "Рядовой" not in page
