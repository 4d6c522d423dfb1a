"""Failed login attempts, kept in the database so throttling holds across processes."""

from __future__ import annotations

from django.db import models


class FailedLogin(models.Model):
    """One failed login: the username typed and the address it came from."""

    username = models.CharField("логин", max_length=150, db_index=True)
    ip = models.GenericIPAddressField("IP-адрес", null=True, blank=True, db_index=True)
    at = models.DateTimeField("время", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "неудачный вход"
        verbose_name_plural = "неудачные входы"

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.username} {self.ip or ''}"


class ApiToken(models.Model):
    """A token of one external system (the HR system) for the REST API, with one scope.

    Only the SHA-256 of the token is kept: the token itself is shown once, when it is created.
    """

    name = models.CharField("система", max_length=100, unique=True)
    scope = models.CharField("право", max_length=32)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField("начало токена", max_length=12)
    created_by = models.CharField("создал", max_length=150, blank=True)
    created_at = models.DateTimeField("создан", auto_now_add=True)
    last_used_at = models.DateTimeField("последнее обращение", null=True, blank=True)
    revoked_at = models.DateTimeField("отозван", null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "токен API"
        verbose_name_plural = "токены API"

    def __str__(self) -> str:
        return self.name
