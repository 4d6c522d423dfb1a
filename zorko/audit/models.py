"""The audit record: who did what to which object, and when. Never changed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditLogIsAppendOnly(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk ``update()``/``delete()`` would bypass the model's guards: refuse them too."""

    def update(self, **kwargs: Any) -> int:
        raise AuditLogIsAppendOnly("audit records cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnly("audit records cannot be deleted")


class AuditEvent(models.Model):
    # Set before saving (not auto_now_add), because the time is part of the event's hash.
    at = models.DateTimeField("время", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="пользователь", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Kept as text too: the record must still say who it was after the account is gone.
    username = models.CharField("логин", max_length=150, blank=True)
    action = models.CharField("действие", max_length=64, db_index=True)
    object_type = models.CharField("тип объекта", max_length=64, blank=True)
    object_id = models.CharField("идентификатор объекта", max_length=64, blank=True)
    object_repr = models.CharField("объект", max_length=300, blank=True)
    details = models.JSONField("подробности", default=dict, blank=True)
    ip = models.GenericIPAddressField("IP-адрес", null=True, blank=True)
    # The hash chain (zorko.audit.chain): this event's hash and its predecessor's.
    prev_hash = models.CharField("хеш предыдущей записи", max_length=64, blank=True, default="")
    hash = models.CharField("хеш записи", max_length=64, blank=True, default="")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "запись аудита"
        verbose_name_plural = "журнал аудита"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditLogIsAppendOnly("audit records cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnly("audit records cannot be deleted")

    @property
    def action_name(self) -> str:
        from zorko.audit.log import ACTIONS

        return ACTIONS.get(self.action, self.action)

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.username} {self.action} {self.object_repr}"


class AuditChainHead(models.Model):
    """One row: the last hash of the chain and the number of events, so a cut tail shows."""

    hash = models.CharField(max_length=64)
    count = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "конец цепочки журнала аудита"
