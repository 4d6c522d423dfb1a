"""Every page and POST of the URL configuration, as each role and as an anonymous visitor.

Routes and the capability each needs are read from the URL configuration and
the views' ``@requires``, so a new area is covered without being listed here.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.attack import fill_route, routes
from zorko.accounts.roles import ROLE_CAPABILITIES
from zorko.findings.models import ClarificationRequest, IdentityJudgement
from zorko.people.models import Relative

pytestmark = pytest.mark.django_db

ROLES = sorted(ROLE_CAPABILITIES)


# The API is guarded by tokens, not by a session's role: tests/api attacks it.
ROUTES = [(route, view) for route, view in routes() if not route.startswith("api/")]
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
    request = ClarificationRequest.objects.create(key="k" * 64, kind="namesakes", servant=servant, relative=relative,
                                                  person_name=relative.full_name, candidates=[], candidates_hash="h")
    judgement = IdentityJudgement.objects.create(servant=servant, relative=relative, registry_person="inn:1",
                                                 registry_name="Петрова Анна", same=False, reason="тёзка")
    return {"servant_id": str(servant.pk), "relative_id": str(relative.pk), "finding_id": str(finding.pk),
            "job_id": str(job.pk), "user_id": str(make_user("viewer").pk), "ogrn": "1024200000006",
            "ogrnip": "304420000000012", "kind": "servants", "fmt": "csv", "request_id": str(request.pk),
            "judgement_id": str(judgement.pk)}


# Parameters of areas the fixture builds no object for: an id nobody has (the page must answer 404 to
# those allowed and 403 to the others), a plausible year and quarter, a word for the rest.
DEFAULTS = {"year": "2026", "quarter": "1"}


def _url(route: str, ids: dict[str, str]) -> str:
    return fill_route(route, lambda name: ids.get(name) or DEFAULTS.get(name) or "999999")


def test_nearly_every_route_is_guarded_by_a_capability() -> None:
    open_routes = {route for route, view in ROUTES if not hasattr(view, "capability")}
    # favicon.ico only redirects to the public static icon.
    assert open_routes <= {"login/", "logout/", "", "tasks/<int:job_id>/", "favicon.ico"}, open_routes


# Views that check more than their ``@requires`` says: (route, method or None for both) → also needed.
ALSO_NEEDED = {("commission/cases/from-finding/", None): "findings.view",  # the secretary sees no findings
               ("commission/members/", "post"): "commission.manage"}  # the page is read with .view


def _allowed(role: str, route: str, method: str, capability: str) -> bool:
    caps = ROLE_CAPABILITIES[role]
    also = ALSO_NEEDED.get((route, method)) or ALSO_NEEDED.get((route, None))
    return capability in caps and (also is None or also in caps)


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
            allowed = _allowed(role, route, method, capability)
            assert response.status_code < 500, (role, method, url, response.status_code)
            if response.status_code != 405:
                assert (response.status_code == 403) != allowed, (role, method, url, response.status_code)
        client.logout()
