"""Batch «Отчет о проверке ФЛ»: a background job with progress, a ZIP of reports and a summary XLSX."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from zorko.audit.models import AuditEvent
from zorko.tasks import queue
from zorko.tasks.models import Job

pytestmark = pytest.mark.django_db


def test_organisation_batch_as_a_job(client_as, make_servant, organisation) -> None:
    for name in ("Акимов", "Белова", "<script>alert(1)</script>"):
        make_servant(name, "Иван" if name != "Белова" else "Анна", "Иванович" if name != "Белова" else "Петровна")
    make_servant("Кандидатов", status="candidate")
    client = client_as("inspector")
    response = client.post("/program/reports/", {"scope": "organisation", "organisation": organisation.pk,
                                                 "fmt": "docx"})
    job = Job.objects.get(kind="program.batch_reports")
    assert response.status_code == 302 and response["Location"] == f"/tasks/{job.pk}/"
    assert job.total == 3
    assert queue.run_pending() == 1
    job.refresh_from_db()
    assert job.status == "done" and job.done == 3 and "Сформировано отчетов: 3" in job.message
    assert "batch-download" in client.get(f"/tasks/{job.pk}/").content.decode()
    archive = client.get(f"/program/reports/{job.pk}.zip")
    data = b"".join(archive.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = sorted(zf.namelist())
        summary = load_workbook(io.BytesIO(zf.read("Сводка.xlsx"))).active
    assert len([n for n in names if n.endswith(".docx")]) == 3 and "Сводка.xlsx" in names
    assert not any("<" in n or "/" in n for n in names)  # a hostile name makes no path
    people = [summary.cell(r, 3).value for r in range(4, 7)]
    assert "Белова Анна Петровна" in people and summary.cell(4, 7).value == "не проводилась"
    assert AuditEvent.objects.filter(action="export", details__rows=3).count() >= 1


def test_selection_and_refused_choices(client_as, make_servant) -> None:
    make_servant(personnel_number="7001")
    client = client_as("inspector")
    page = client.post("/program/reports/", {"scope": "selection", "numbers": "7001 7002", "fmt": "pdf"})
    assert page.status_code == 400 and "Не найдены табельные номера: 7002" in page.content.decode()
    page = client.post("/program/reports/", {"scope": "candidates", "month": "ноябрь", "fmt": "pdf"})
    assert "ГГГГ-ММ" in page.content.decode()
    assert not Job.objects.exists()
    client.post("/program/reports/", {"scope": "selection", "numbers": "7001", "fmt": "pdf"})
    queue.run_pending()
    job = Job.objects.get()
    data = b"".join(client.get(f"/program/reports/{job.pk}.zip").streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pdf = next(n for n in zf.namelist() if n.endswith(".pdf"))
        assert zf.read(pdf).startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_worker_processes_write_the_same_zip_in_order(make_servant, organisation, tmp_path) -> None:
    from django.db import connection

    from zorko.program.batch import select, write_batch

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("worker processes cannot open an in-memory test database (the PostgreSQL run covers this)")
    for name in ("Акимов", "Белов", "Волков", "Гусев", "Дёмин"):
        make_servant(name)
    done: list[int] = []
    out = tmp_path / "пакет.zip"
    count = write_batch(select("organisation", organisation.pk), "docx", out,
                        progress=lambda n, total, message: done.append(n), workers=2)
    assert count == 5 and done == [1, 2, 3, 4, 5]
    with zipfile.ZipFile(out) as zf:
        names = [n for n in zf.namelist() if n.endswith(".docx")]
    assert [n.split(" ")[1] for n in names] == ["Акимов", "Белов", "Волков", "Гусев", "Дёмин"]
