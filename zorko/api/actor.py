"""The external system behind a token, as the actor of history records and audit events."""

from __future__ import annotations

from dataclasses import dataclass

from zorko.accounts.models import ApiToken


@dataclass(frozen=True, slots=True)
class SystemActor:
    """Looks like a user to ``history`` and ``audit.record`` (a name, no account)."""

    username: str
    pk: None = None
    is_authenticated: bool = False


def actor_of(token: ApiToken) -> SystemActor:
    return SystemActor(username=f"API: {token.name}")
