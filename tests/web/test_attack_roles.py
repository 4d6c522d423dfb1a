"""Every page and POST of the URL configuration, as each role and as an anonymous visitor.

Routes and the capability each needs are read from the URL configuration and
the views' ``@requires``, so a new area is covered without being listed here.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.attack import fill_route, routes
from zorko.accounts.roles import ROLE_CAPABILITIES
from zorko.people.models import Relative

pytestmark = pytest.mark.django_db

ROLES = sorted(ROLE_CAPABILITIES)


ROUTES = routes()
GUARDED = [(route, view.capability) for route, view in ROUTES if hasattr(view, "capability")]


@pytest.fixture
def ids(make_servant: Any, make_user: Any) -> dict[str, str]:
    from tests.findings.scenario import make_finding
    from zorko.tasks.models import Job

    servant = make_servant()
    relative = Relative.objects.create(servant=servant, kinship="sister", last_name="Петрова",
                                       first_name="Анна")
    finding = make_finding(servant, relative=relative)
    job = Job.objects.create(kind="screening.run", message="срабатываний: 1")
    return {"servant_id": str(servant.pk), "relative_id": str(relative.pk), "finding_id": str(finding.pk),
            "job_id": str(job.pk), "user_id": str(make_user("viewer").pk), "ogrn": "1024200000006",
            "ogrnip": "304420000000012", "kind": "servants", "fmt": "csv"}


def _url(route: str, ids: dict[str, str]) -> str:
    return fill_route(route, ids.__getitem__)


def test_nearly_every_route_is_guarded_by_a_capability() -> None:
    open_routes = {route for route, view in ROUTES if not hasattr(view, "capability")}
    assert open_routes <= {"login/", "logout/", "", "tasks/<int:job_id>/"}, open_routes


@pytest.mark.parametrize(("route", "capability"), GUARDED)
def test_each_role_gets_exactly_what_its_capabilities_allow(
        client: Any, make_user: Any, ids: dict[str, str], route: str, capability: str) -> None:
    client.raise_request_exception = False
    url = _url(route, ids)
    for method in ("get", "post"):
        anonymous = getattr(client, method)(url)
        if anonymous.status_code != 405:  # a POST-only view refuses GET before anything else
            assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/"), (method, url)
    for role in ROLES:
        client.force_login(make_user(role))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            allowed = capability in ROLE_CAPABILITIES[role]
            assert response.status_code < 500, (role, method, url, response.status_code)
            if response.status_code != 405:
                assert (response.status_code == 403) != allowed, (role, method, url, response.status_code)
        client.logout()
