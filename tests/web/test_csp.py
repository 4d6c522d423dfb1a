"""Content-Security-Policy: no inline script can run, and the pages keep working under it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import log_in
from zorko.people.models import Organisation

TEMPLATES = Path(__file__).resolve().parents[2] / "zorko" / "web" / "templates"
HOSTILE = "</script><script>alert(1)</script>"
PASSWORD = "Пароль-для-тестов-1"


def test_every_page_carries_a_strict_policy(client: Any) -> None:
    policy = client.get("/login/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_templates_hold_no_inline_script_handler_or_style() -> None:
    offending = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", r"<style\b",
                        r"\sstyle\s*=", r"\son[a-z]+\s*=", r"javascript:"):
            offending += [f"{path.name}: {m.group(0)}" for m in re.finditer(pattern, text, re.I)]
    assert offending == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_kpi_and_graph_work_under_the_policy_and_injected_script_does_not_run(
        page: Any, make_user: Any, make_servant: Any) -> None:
    org = Organisation.objects.create(name=HOSTILE, short_name=HOSTILE, inn="4205111110")
    servant = make_servant(organisation=org)
    make_user("administrator", username="chief", password=PASSWORD)
    violations: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: violations.append(page.url + " " + m.text) if "Content Security Policy" in m.text else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/login/")
    log_in(page, "chief", PASSWORD)
    page.goto("/kpi/")
    page.wait_for_function("() => window.zorkoKpiChart !== undefined")
    assert page.evaluate("window.zorkoKpiOrgChart.data.labels") == [HOSTILE]
    page.goto(f"/people/{servant.pk}/")
    page.wait_for_function("() => window.zorkoGraph !== undefined")
    assert violations == [] and dialogs == []
