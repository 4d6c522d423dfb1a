"""The administrators' tokens page; a browser creates a token, uses it, and reads the docs page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.api.client import call
from tests.conftest import log_in
from zorko.accounts.models import ApiToken
from zorko.accounts.tokens import create_token
from zorko.audit.models import AuditEvent

PASSWORD = "Пароль-для-тестов-1"


@pytest.mark.django_db
def test_token_is_shown_once_then_listed_and_revoked(client: Any, make_user: Any) -> None:
    admin = make_user("administrator")
    client.force_login(admin)
    page = client.post("/api-tokens/", {"name": "1С ЗУП", "scope": "screening.read"})
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    secret = re.search(r'id="new-token-secret">(zk_[\w-]+)<', page.content.decode())[1]  # type: ignore[index]
    token = ApiToken.objects.get()
    assert token.scope == "screening.read" and token.created_by == admin.username
    listing = client.get("/api-tokens/").content.decode()
    assert secret not in listing and secret[:10] in listing and "чтение результатов проверок" in listing

    client.post(f"/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None and "отозван" in client.get("/api-tokens/").content.decode()
    actions = list(AuditEvent.objects.filter(action__startswith="api.token").values_list("action", "username"))
    assert sorted(actions) == [("api.token.create", admin.username), ("api.token.revoke", admin.username)]


@pytest.mark.django_db
def test_hostile_or_long_names_are_refused_and_others_may_not_manage(client: Any, make_user: Any) -> None:
    client.force_login(make_user("administrator"))
    page = client.post("/api-tokens/", {"name": "<script>alert(1)</script>", "scope": "people.write"})
    text = page.content.decode()
    assert "допустимы буквы, цифры" in text and "<script>alert(1)</script>" not in text
    page = client.post("/api-tokens/", {"name": "Я" * 101, "scope": "people.write"})
    assert "не более 100 символов" in page.content.decode()
    assert not ApiToken.objects.exists()
    for role in ("inspector", "hr", "viewer", "secretary"):
        client.force_login(make_user(role))
        assert client.get("/api-tokens/").status_code == 403
        assert client.post("/api-tokens/", {"name": "X", "scope": "people.write"}).status_code == 403
    assert not ApiToken.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_creates_a_token_the_hr_system_uses_it_and_the_docs_page_works(
        page: Any, live_server: Any, make_user: Any) -> None:
    make_user("administrator", username="chief", password=PASSWORD)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto("/login/")
    log_in(page, "chief", PASSWORD)
    page.click("nav a[href='/api-tokens/']")
    page.fill("#id_name", "1С ЗУП")
    page.select_option("#id_scope", "people.write")
    page.click("main button[type=submit]:has-text('Создать токен')")
    secret = page.locator("#new-token-secret").inner_text()
    status, body = call(live_server.url, "POST", "/api/v1/people", token=secret, body={"servants": []})
    assert status == 200 and body["servants"]["added"] == 0

    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "Зорко API" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-summary-path[data-path='/api/v1/people']")
    assert violations == []


@pytest.mark.django_db
def test_api_calls_read_in_russian_on_the_audit_page(client: Any, make_user: Any) -> None:
    token = create_token("1С ЗУП", "people.write").secret
    client.post("/api/v1/people", "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    client.get("/api/v1/servants/1/status", HTTP_AUTHORIZATION=f"Bearer {token}")
    client.force_login(make_user("administrator"))
    page = client.get("/audit/").content.decode()
    for text in ("обращение внешней системы к API", "отказ внешней системе в доступе к API",
                 "API: 1С ЗУП", "право токена", "загрузка служащих и родственников", "код ответа",
                 "у токена другое право", "создание токена API"):
        assert text in page, text
    assert "people.write" not in page and "token_scope" not in page and "http_status" not in page
