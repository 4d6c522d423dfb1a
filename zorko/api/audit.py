"""Every call to the API goes to the audit log: which system, from where, what, with what outcome.

A refused call is logged too («api.refused»), with the reason and no part of
the token presented. Every field is bounded by ``audit.log.record``, and the
path is cut here as well, so a caller cannot grow the log by sending junk.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from zorko.api.errors import HTTP_TEXTS
from zorko.audit.log import bounded, client_ip, record

PREFIX = "/api/"
# Reading the schema and its docs page needs no token and touches no personal data.
PUBLIC = ("/api/v1/openapi.json", "/api/v1/docs")
PATH_LIMIT = 200
REASONS = {"no_token": "нет токена", "bad_token": "неверный токен", "revoked": "токен отозван",
           "scope": "у токена другое право"}


class ApiAuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(PREFIX) and not request.path.startswith(PUBLIC):
            response = _as_json(response)
            _record(request, response)
        return response


def _as_json(response: HttpResponse) -> HttpResponse:
    """Django's 404 page and ninja's bare «Method not allowed» as the API's Russian JSON."""
    if response.status_code not in (404, 405) or response.get("Content-Type", "").startswith("application/json"):
        return response
    answer = JsonResponse({"detail": HTTP_TEXTS[response.status_code]}, status=response.status_code,
                          json_dumps_params={"ensure_ascii": False})
    if response.has_header("Allow"):
        answer["Allow"] = response["Allow"]
    return answer


def _record(request: HttpRequest, response: HttpResponse) -> None:
    token = getattr(request, "zorko_api_token", None)
    refusal = getattr(request, "zorko_api_refusal", None)
    endpoint = f"{request.method} {bounded(request.path, PATH_LIMIT)}"
    who = f"API: {token.name}" if token is not None else "API: неизвестная система"
    details: dict[str, object] = {"endpoint": endpoint, "http_status": response.status_code}
    if token is not None:
        details["token_scope"] = token.scope
    if refusal is not None:
        details["reason"] = REASONS.get(refusal, refusal)
        record(None, "api.refused", username=who, ip=client_ip(request), object_type="api",
               object_repr=endpoint, **details)
        return
    outcome = getattr(request, "zorko_api_object", None)
    record(None, "api.call", username=who, ip=client_ip(request), object_type="api",
           object_repr=outcome or endpoint, **details)
