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
