"""Attacks on the findings area: hostile text in exports and on /kpi/, odd ids and parameters."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from zorko.people.models import Organisation

SCRIPT = "</script><script>alert(1)</script>"


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
