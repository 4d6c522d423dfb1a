"""Attacks on the audit log: formulas in its CSV, floods of huge logged fields, odd filters."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from zorko.audit.log import record
from zorko.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

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


def test_huge_login_names_are_refused_before_they_reach_the_log(client: Any) -> None:
    response = client.post("/login/", {"username": "x" * (8 * 1024 * 1024), "password": "x"})
    assert response.status_code == 413
    assert "Запрос слишком велик" in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_every_logged_field_is_bounded(client: Any) -> None:
    client.post("/login/", {"username": "я" * 5000, "password": "x"})
    event = AuditEvent.objects.get(action="login.failed")
    assert len(event.username) == 150 and event.username.endswith("…")
    event = record(None, "export", object_repr="о" * 10_000, rows=1, filter={"q": "ф" * 100_000},
                   names=["и" * 10_000] * 1000)
    event.refresh_from_db()
    assert len(event.object_repr) == 300 and len(event.details["filter"]["q"]) == 1000
    assert len(event.details["names"]) == 50 and event.details["rows"] == 1


def test_huge_headers_are_refused(client: Any) -> None:
    response = client.get("/login/", HTTP_X_FLOOD="z" * 100_000)
    assert response.status_code == 431


def test_audit_page_stays_small_however_big_the_log(client_as: Any) -> None:
    for n in range(120):
        record(None, "login.failed", username=f"m{n}", reason="ы" * 100_000)
    admin = client_as("administrator")
    page = admin.get("/audit/").content.decode()
    assert page.count("<tr>") <= 51 and len(page.encode()) < 300_000
    assert "Найдено записей: 120" in page
    assert admin.get("/audit/", {"page": "99999999999999999999"}).status_code == 200


def test_hostile_logged_text_is_text_on_the_audit_page(client: Any, client_as: Any) -> None:
    from tests.attack import XSS, assert_shown_escaped

    client.post("/login/", {"username": XSS, "password": "x"})
    record(None, "export", object_repr=XSS, filter={"q": XSS})
    admin = client_as("administrator")
    assert_shown_escaped(admin.get("/audit/").content.decode())
    assert_shown_escaped(admin.get("/audit/", {"username": XSS, "obj": XSS}).content.decode())
