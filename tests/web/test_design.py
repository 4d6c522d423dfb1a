"""The designed interface (issue 14 §3): local Bootstrap, review buttons by status, filter values told apart."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.findings.scenario import make_family, make_finding
from zorko.findings.models import Finding
from zorko.findings.review import review_finding
from zorko.people.models import Department, Organisation

pytestmark = pytest.mark.django_db
VENDOR = Path(__file__).resolve().parents[2] / "zorko" / "web" / "static" / "vendor"


def _review_buttons(html: str) -> dict[str, str]:
    """The review form's buttons: caption → classes."""
    form = html.split('class="review"')[1].split("</form>")[0] if 'class="review"' in html else ""
    return {caption: classes for classes, caption in
            re.findall(r'<button[^>]*name="to_status"[^>]*class="([^"]*)"[^>]*>([^<]+)</button>', form)}


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, name
    return [unescape(o).strip() for o in re.findall(r"<option[^>]*>(.*?)</option>", select.group(1), re.S)]


def test_bootstrap_is_served_by_zorko_and_no_page_links_another_host(client_as: Any) -> None:
    client = client_as("administrator")
    html = client.get("/").content.decode()
    [css] = re.findall(r'<link rel="stylesheet" href="([^"]*bootstrap[^"]*)"', html)
    assert css == "/static/vendor/bootstrap.min.css"
    response = client.get(css)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and b"Bootstrap" in body[:200] and b".btn-danger" in body
    for path in ("/", "/people/", "/findings/", "/registry/", "/audit/", "/login/"):
        page = client.get(path).content.decode()
        external = re.findall(r'(?:src|href)="((?:https?:)?//[^"]*)"', page)
        assert external == [], (path, external)


def test_bootstrap_comes_from_npm_pinned_and_is_copied_by_the_build() -> None:
    import json

    root = VENDOR.parents[3]
    assert json.loads((root / "package.json").read_text())["dependencies"]["bootstrap"] == "5.3.8"
    assert "bootstrap/dist/css/bootstrap.min.css" in (root / "scripts" / "copy_assets.py").read_text()
    assert (VENDOR / "bootstrap.min.css").stat().st_size > 100_000


def test_review_shows_only_the_allowed_actions_styled_by_their_weight(client_as: Any, make_servant: Any) -> None:
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    client = client_as("inspector")
    url = f"/findings/{finding.pk}/"
    new = _review_buttons(client.get(url).content.decode())
    assert set(new) == {"Взять на рассмотрение", "Подтвердить", "Отклонить"}
    assert "btn-success" in new["Подтвердить"].split()
    assert "btn-outline-secondary" in new["Отклонить"].split()

    review_finding(finding, Finding.Status.CONFIRMED, None)
    confirmed = _review_buttons(client.get(url).content.decode())
    assert "Подтвердить" not in confirmed and "Отклонить" not in confirmed
    assert set(confirmed) == {"Передать в комиссию", "Взять на рассмотрение"}
    assert {"btn-warning"} & set(confirmed["Передать в комиссию"].split())

    review_finding(finding, Finding.Status.REFERRED, None)
    html = client.get(url).content.decode()
    assert _review_buttons(html) == {} and "Рассмотрение завершено" in html


def test_a_department_name_shared_by_two_organisations_is_listed_once_per_organisation(
        client_as: Any, make_servant: Any) -> None:
    kumi = Organisation.objects.create(name="Комитет по управлению имуществом", short_name="КУМИ", inn="4205000015")
    admin = Organisation.objects.create(name="Администрация округа", short_name="Администрация", inn="4205000023")
    for org in (kumi, admin):
        make_servant(organisation=org, department=Department.objects.create(organisation=org, name="Бухгалтерия"))
    for path in ("/people/", "/candidates/"):
        options = _options(client_as("viewer").get(path).content.decode(), "department")
        assert [o for o, n in Counter(options).items() if n > 1] == []
        assert "Бухгалтерия — КУМИ" in options and "Бухгалтерия — Администрация" in options


def test_every_filter_field_has_a_label(client_as: Any, make_servant: Any) -> None:
    make_servant()
    client = client_as("administrator")
    seen = 0
    for path in ("/people/", "/candidates/", "/findings/", "/kpi/", "/clarifications/", "/journals/", "/audit/",
                 "/declarations/", "/program/training/due/", "/program/training/kpi/", "/program/points/",
                 "/registry/", "/candidate-checks/"):
        html = client.get(path).content.decode()
        for form in re.findall(r'<form [^>]*class="[^"]*\bfilters\b[^"]*"[^>]*>(.*?)</form>', html, re.S):
            seen += 1
            labelled = set(re.findall(r'<label[^>]*for="([^"]+)"', form))
            for field in re.findall(r'<(?:select|input|textarea)\b[^>]*>', form):
                if 'type="hidden"' in field:
                    continue
                ident = re.search(r'id="([^"]+)"', field)
                assert ident and ident.group(1) in labelled, (path, field)
    assert seen >= 14
