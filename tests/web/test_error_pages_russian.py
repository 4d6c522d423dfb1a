"""403, 404 and 500 answer with Zorko's own Russian pages, not Django's bare English ones."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import bad_request, permission_denied, server_error

from tests.russian_text import problems

pytestmark = pytest.mark.django_db


def _russian_page(html: str, heading: str) -> None:
    assert f"<h1>{heading}</h1>" in html and "zorko.css" in html
    assert "Not Found" not in html and "Server Error" not in html and not list(problems(html.split("<main", 1)[1]))


def test_missing_page_is_russian_for_a_user_and_a_visitor(client_as: Any) -> None:
    for client in (client_as("viewer"), Client()):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        _russian_page(response.content.decode(), "Страница не найдена")


def test_server_error_forbidden_and_bad_request_pages_are_russian() -> None:
    request = RequestFactory().get("/")
    assert server_error(request).status_code == 500
    _russian_page(server_error(request).content.decode(), "Внутренняя ошибка")
    _russian_page(permission_denied(request, PermissionError()).content.decode(), "Доступ запрещён")
    _russian_page(bad_request(request, ValueError()).content.decode(), "Неверный запрос")


def test_a_stale_form_is_explained(client_as: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    _russian_page(response.content.decode(), "Форма устарела")
