"""Tokens of external systems for the REST API: created, listed and revoked by an administrator.

A token is ``zk_`` and 43 random URL-safe characters (256 bits). Only its
SHA-256 is stored: with that much randomness a salted slow hash adds nothing,
and a plain digest lets a request find its token with one indexed lookup.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from zorko.accounts.models import ApiToken
from zorko.accounts.scopes import SCOPES, scope_name
from zorko.audit.log import record
from zorko.exceptions import NotFound, ValidationError

__all__ = ["SCOPES", "NewToken", "create_token", "find_token", "revoke_token", "scope_name", "touch"]

PREFIX = "zk_"
NAME_LIMIT = 100
_NAME = re.compile(r"^[\w .\-]+$")


@dataclass(frozen=True, slots=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once; never stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _check(name: str, scope: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Укажите название системы.")
    if len(name) > NAME_LIMIT:
        raise ValidationError(f"Название системы длиннее {NAME_LIMIT} знаков.")
    if not _NAME.fullmatch(name):
        raise ValidationError("В названии системы допустимы буквы, цифры, пробел, точка, дефис и подчёркивание.")
    if scope not in SCOPES:
        raise ValidationError("Неизвестное право; допустимые: " + ", ".join(SCOPES) + ".")
    return name


def create_token(name: str, scope: str, user: Any = None, ip: str | None = None) -> NewToken:
    """A new token for system ``name``; the secret is in the result and nowhere else."""
    name = _check(name, scope)
    secret = PREFIX + secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            # A revoked token gives its name back; what it did stays in the audit log.
            ApiToken.objects.filter(name=name, revoked_at__isnull=False).delete()
            token = ApiToken.objects.create(
                name=name, scope=scope, token_hash=digest(secret), prefix=secret[:10],
                created_by=getattr(user, "username", "") or "cli")
            record(user, "api.token.create", token, ip=ip, token_scope=scope)
    except IntegrityError as exc:
        raise ValidationError(f"Токен для системы «{name}» уже действует; отзовите его или выберите "
                              "другое название.") from exc
    return NewToken(token, secret)


def revoke_token(name: str, user: Any = None, ip: str | None = None) -> ApiToken:
    token = ApiToken.objects.filter(name=" ".join(name.split())).first()
    if token is None:
        raise NotFound(f"Токена для системы «{name[:NAME_LIMIT]}» нет.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(user, "api.token.revoke", token, ip=ip, token_scope=token.scope)
    return token


def find_token(secret: str) -> ApiToken | None:
    """The token with this secret, revoked or not (the caller tells the two apart)."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    return ApiToken.objects.filter(token_hash=digest(secret)).first()


def touch(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
