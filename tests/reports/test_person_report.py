"""«Отчет о проверке ФЛ»: the text of the PDF and the DOCX, and the audited downloads."""

from __future__ import annotations

import io

import docx
import pypdf

from zorko.audit.models import AuditEvent
from zorko.findings.review import review_finding
from zorko.reports.person_report import build_report

from ..findings.scenario import CONTRACT, SUPPLIER_OGRN, make_family, make_finding, make_run


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _screened_with_finding(make_servant, make_user):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    make_run([servant])
    inspector = make_user("inspector", username="petrova")
    review_finding(finding, "dismissed", inspector, "Учредитель — однофамилица, ИНН не совпадает")
    return servant, finding


EXPECTED = [
    "Отчет о проверке Иванова Ивана Ивановича",
    "Администрация Тестового муниципального округа",
    "ЕГРЮЛ (юридические лица)", "02.11.2026", "ЕИС, реестр контрактов", "05.11.2026",
    "ООО «СТРОЙРЕСУРС»", SUPPLIER_OGRN, CONTRACT, "1 250 000,00 руб.", "ИНН совпадает: 420512345678",
    "Учредитель — однофамилица, ИНН не совпадает",
    "Все выявленные совпадения отклонены", "Заключение", "(подпись)",
]


def test_pdf_report_text(client_as, make_servant, make_user):
    servant, _ = _screened_with_finding(make_servant, make_user)
    response = client_as("viewer").get(f"/people/{servant.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for expected in EXPECTED:
        assert expected in text, expected
    assert AuditEvent.objects.filter(action="report.download", object_id=str(servant.pk),
                                     details__format="pdf").exists()


def test_docx_report_text_and_graph_picture(client_as, make_servant, make_user):
    servant, _ = _screened_with_finding(make_servant, make_user)
    response = client_as("viewer").get(f"/people/{servant.pk}/report.docx")
    text = _docx_text(response.content)
    for expected in EXPECTED:
        assert expected in text, expected
    document = docx.Document(io.BytesIO(response.content))
    assert len(document.inline_shapes) == 1  # the link graph
    assert AuditEvent.objects.filter(action="report.download", details__format="docx").exists()


def test_female_invariant_surname_title_and_no_screening_conclusion(make_servant):
    servant = make_servant("Ким", "Ольга", "Сергеевна")
    report = build_report(servant)
    assert report.title == "Отчет о проверке Ким Ольги Сергеевны"
    assert "не проводилась" in report.conclusion and not report.registries


def test_open_finding_conclusion(make_servant):
    servant, wife = make_family(make_servant)
    make_finding(servant, relative=wife)
    make_run([servant])
    assert "Рассмотрение не завершено: 1 срабатывание ожидает решения." in build_report(servant).conclusion
    make_finding(servant, rule="own_director", score=0.5,
                 evidence={"subject": {"kind": "company", "ogrn": "1024200000006", "name": "ООО «ВЕКТОР»"}})
    assert "Рассмотрение не завершено: 2 срабатывания ожидают решения." in build_report(servant).conclusion


def test_report_needs_the_right(client_as, make_servant):
    servant = make_servant()
    assert client_as("hr").get(f"/people/{servant.pk}/report.pdf").status_code == 403
    assert not AuditEvent.objects.filter(action="report.download").exists()


def test_documents_name_the_reviewer_carry_zorko_metadata_and_read_russian(client_as, make_servant, make_user):
    from tests.russian_text import problems

    servant, finding = _screened_with_finding(make_servant, make_user)
    reviewer = finding.decisions.get().user
    reviewer.first_name, reviewer.last_name = "Анна", "Петрова"
    reviewer.save()
    client = client_as("viewer")
    pdf = client.get(f"/people/{servant.pk}/report.pdf").content
    docx_bytes = client.get(f"/people/{servant.pk}/report.docx").content
    for text in (_pdf_text(pdf), _docx_text(docx_bytes)):
        assert "Анна Петрова" in text and "petrova" not in text  # the reviewer by name, not login
        assert "высокая (" in text and not list(problems(text)), list(problems(text))
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == "Отчет о проверке Иванова Ивана Ивановича"
    assert meta.author == "Зорко — Администрация Тестового муниципального округа"
    props = docx.Document(io.BytesIO(docx_bytes)).core_properties
    assert (props.title, props.author) == (meta.title, meta.author) and "python-docx" not in props.last_modified_by
