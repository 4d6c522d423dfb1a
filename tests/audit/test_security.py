"""Attacks on the audit log: formulas in its CSV, floods of huge logged fields, odd filters."""

from __future__ import annotations

import csv
import io
from typing import Any

FORMULA = '=HYPERLINK("http://evil.example","x")'


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_login_names_typed_by_visitors_are_no_formulas_in_the_csv(client: Any, client_as: Any) -> None:
    client.post("/login/", {"username": FORMULA, "password": "x"})
    client.post("/login/", {"username": "@SUM(1+1)", "password": "x"})
    rows = _csv(client_as("administrator").get("/audit/export.csv", {"action": "login.failed"}))
    assert sorted(r[1] for r in rows[1:]) == ["'" + FORMULA, "'@SUM(1+1)"]
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "@")]
