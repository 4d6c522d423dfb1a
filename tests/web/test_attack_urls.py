"""Every page and POST, tried with ids out of range and odd query values: never a 500.

The URL list is read from the URL configuration, so a new area's pages are
attacked the same way without being listed here.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.attack import ODD_IDS, SCRIPT_BREAK, XSS, fill_route, routes

pytestmark = pytest.mark.django_db

ODD_TEXT = ("²", "1" * 400, XSS, "../../etc/passwd", "%00")
QUERY_NAMES = ("page", "year", "month", "organisation", "q", "status", "severity", "servant", "format", "finding",
               "date_from", "date_to", "rule", "sort", "source")


# Parameters that only match digits: other values are tried in them as «1» (the query gets them).
INT_NAMES = {"servant_id", "relative_id", "finding_id", "job_id", "user_id"}


def _fill(route: str, value: str) -> str:
    return fill_route(route, lambda name: value if value.isdigit() or name not in INT_NAMES else "1")


ROUTES = sorted({route for route, _view in routes()})


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
