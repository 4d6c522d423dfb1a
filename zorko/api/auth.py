"""Bearer-token authentication with one scope per token.

A refusal raises a ``zorko.exceptions`` error (401 or 403, Russian text); the
reason is left on the request for the audit middleware, which logs every call.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from zorko.accounts import tokens
from zorko.accounts.models import ApiToken
from zorko.exceptions import NotAuthenticated, PermissionDenied

NO_TOKEN = "Нужен токен доступа: заголовок «Authorization: Bearer <токен>»."
BAD_TOKEN = "Токен доступа не подходит."
REVOKED = "Токен доступа отозван администратором."


def _refuse(request: HttpRequest, reason: str, error: Exception) -> None:
    request.zorko_api_refusal = reason  # type: ignore[attr-defined]
    raise error


class TokenAuth(HttpBearer):
    """Accepts an active token whose scope is ``scope``."""

    def __init__(self, scope: str) -> None:
        if scope not in tokens.SCOPES:
            raise KeyError(scope)
        self.scope = scope
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any:
        value = request.headers.get("Authorization", "")
        kind, _, secret = value.partition(" ")
        if not value:
            _refuse(request, "no_token", NotAuthenticated(NO_TOKEN))
        if kind.lower() != "bearer":
            _refuse(request, "bad_token", NotAuthenticated(NO_TOKEN))
        return self.authenticate(request, secret.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = tokens.find_token(token)
        if found is None:
            _refuse(request, "bad_token", NotAuthenticated(BAD_TOKEN))
        assert found is not None
        request.zorko_api_token = found  # type: ignore[attr-defined]
        if found.revoked_at is not None:
            _refuse(request, "revoked", NotAuthenticated(REVOKED))
        if found.scope != self.scope:
            _refuse(request, "scope", PermissionDenied(
                f"У токена системы «{found.name}» право «{tokens.scope_name(found.scope)}», "
                f"а здесь нужно «{tokens.scope_name(self.scope)}»."))
        tokens.touch(found)
        return found
