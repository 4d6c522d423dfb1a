"""Every page and POST, tried with ids out of range and odd query values: never a 500.

The URL list is read from the URL configuration, so a new area's pages are
attacked the same way without being listed here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.attack import ODD_IDS, SCRIPT_BREAK, XSS

pytestmark = pytest.mark.django_db

ODD_TEXT = ("²", "1" * 400, XSS, "../../etc/passwd", "%00")
QUERY_NAMES = ("page", "year", "month", "organisation", "q", "status", "severity", "servant", "format", "finding",
               "date_from", "date_to", "rule", "sort", "source")


def _routes(patterns: list[Any], prefix: str = "") -> list[str]:
    routes: list[str] = []
    for p in patterns:
        text = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if not text.startswith("admin/"):
                routes += _routes(p.url_patterns, text)
        elif isinstance(p, URLPattern):
            routes.append(text)
    return routes


def _fill(route: str, value: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\.", ".")
    route = re.sub(r"<int:\w+>", value if value.isdigit() else "1", route)
    route = re.sub(r"<str:\w+>", value, route)
    route = re.sub(r"\(\?P<fmt>([a-z]+)\|[^)]*\)", r"\1", route)
    route = re.sub(r"\(\?P<\w+>\\d\+\)", value if value.isdigit() else "1", route)
    return "/" + route


ROUTES = sorted(set(_routes(get_resolver().url_patterns)))


def test_the_route_list_is_complete() -> None:
    assert {"login/", "kpi/", "people/<int:servant_id>/", "registry/company/<str:ogrn>/"} <= set(ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_odd_ids_and_parameters_never_give_a_500(client_as: Any, route: str) -> None:
    client = client_as("administrator")
    client.raise_request_exception = False
    for value in (*ODD_IDS, *ODD_TEXT):
        url = _fill(route, value)
        for method in ("get", "post"):
            response = getattr(client, method)(url, {name: value for name in QUERY_NAMES})
            assert response.status_code < 500, (method, url, value, response.status_code)
            if response["Content-Type"].startswith("text/html"):
                assert XSS not in response.content.decode() and SCRIPT_BREAK not in response.content.decode()
