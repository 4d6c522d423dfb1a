"""The 403, 404 and 500 pages are Zorko's own: Russian, on the layout, with no stack trace."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings

ENGLISH = ("Not Found", "Forbidden", "Server Error", "Traceback", "requested resource", "Page not found")


def _page(response: Any) -> str:
    text = response.content.decode()
    assert '<html lang="ru">' in text and "/static/zorko/zorko.css" in text
    assert not [word for word in ENGLISH if word in text], text
    return text


def test_unknown_address_is_the_russian_404(client_as: Any) -> None:
    response = client_as("inspector").get("/no-such-page/at-all/")
    assert response.status_code == 404
    text = _page(response)
    assert "Страница не найдена" in text and 'href="/"' in text
    assert "Выйти" in text  # the signed-in layout, with the menu


def test_unknown_id_is_the_russian_404(client_as: Any) -> None:
    response = client_as("inspector").get("/people/987654321/")
    assert response.status_code == 404
    assert "Страница не найдена" in _page(response)


def test_role_without_the_capability_sees_the_styled_403(client_as: Any) -> None:
    response = client_as("viewer").get("/audit/")
    assert response.status_code == 403
    text = _page(response)
    assert "Доступ запрещён" in text and "Вашей роли не разрешено" in text


@override_settings(ROOT_URLCONF="tests.web.error_urls")
def test_failing_view_is_the_russian_500_without_the_exception(client_as: Any) -> None:
    client_as("inspector")
    client = Client(raise_request_exception=False)
    client.cookies = client_as("inspector").cookies
    response = client.get("/broken-for-test/")
    assert response.status_code == 500
    text = _page(response)
    assert "Внутренняя ошибка" in text
    assert "hunter2" not in text and "RuntimeError" not in text and "settings.py" not in text


def test_500_page_needs_no_database(rf: Any, django_db_blocker: Any) -> None:
    from zorko.web.core.errors import server_error

    with django_db_blocker.block():  # any query would raise here
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Внутренняя ошибка" in _page(response)


@pytest.mark.django_db
def test_favicon_is_served_by_zorko(client: Any) -> None:
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/zorko/favicon.svg"
    found = finders.find("zorko/favicon.svg")
    assert found and open(found, encoding="utf-8").read().startswith("<svg")
    login = client.get("/login/").content.decode()
    assert 'rel="icon" href="/static/zorko/favicon.svg"' in login
