"""Attacks on the people area: hostile names in pages and exports, odd ids and filters."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

FORMULA = '=HYPERLINK("http://evil.example","x")'
SCRIPT = "<script>alert(1)</script>"

pytestmark = pytest.mark.django_db


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_list_export_holds_no_formula(client_as: Any, make_servant: Any) -> None:
    make_servant(FORMULA, "+Иван", "-Иванович", personnel_number="@1", inn="")
    rows = _csv(client_as("viewer").get("/people/export.csv"))
    assert rows[1][:4] == ["'@1", "'" + FORMULA, "'+Иван", "'-Иванович"]
