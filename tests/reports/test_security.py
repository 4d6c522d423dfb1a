"""Attacks on the person report: hostile text from registries, HR files and reviewers in PDF and DOCX."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.attack import FORMULA, LONG, XSS
from zorko.findings.review import review_finding

from ..findings.scenario import make_family, make_finding, make_run
from .test_person_report import _docx_text, _pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile_servant(make_servant: Any, make_user: Any) -> Any:
    servant, wife = make_family(make_servant)
    wife.workplace = XSS
    wife.address = FORMULA
    wife.save()
    finding = make_finding(servant, relative=wife, explanation=f"{XSS} {LONG[:5000]}")
    type(finding).objects.filter(pk=finding.pk).update(subject_name=XSS)
    make_run([servant])
    review_finding(finding, "dismissed", make_user("inspector"), f"{FORMULA} {XSS}")
    return servant


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_hostile_text_is_printed_as_text(client_as: Any, hostile_servant: Any, fmt: str) -> None:
    response = client_as("inspector").get(f"/people/{hostile_servant.pk}/report.{fmt}")
    assert response.status_code == 200
    text = _pdf_text(response.content) if fmt == "pdf" else _docx_text(response.content)
    assert XSS in text and FORMULA in text
    assert re.fullmatch(r'attachment; filename="[\w.-]+"', response["Content-Disposition"])


def test_a_hostile_personnel_number_cannot_break_the_download_header(
        client_as: Any, hostile_servant: Any) -> None:
    type(hostile_servant).objects.filter(pk=hostile_servant.pk).update(personnel_number='1"; x=<y>')
    response = client_as("inspector").get(f"/people/{hostile_servant.pk}/report.pdf")
    assert response.status_code == 200
    assert re.fullmatch(r'attachment; filename="[\w.-]+"', response["Content-Disposition"])
