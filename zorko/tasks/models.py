"""The job row that the web, the CLI and the workers share."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "в очереди"
        RUNNING = "running", "выполняется"
        DONE = "done", "выполнено"
        FAILED = "failed", "ошибка"

    kind = models.CharField("вид", max_length=64)
    params = models.JSONField("параметры", default=dict)
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.QUEUED)
    done = models.BigIntegerField("выполнено", default=0)
    total = models.BigIntegerField("всего", null=True, blank=True)
    message = models.TextField("сообщение", blank=True)
    result = models.JSONField("результат", null=True, blank=True)
    error = models.TextField("ошибка", blank=True)
    attempts = models.IntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # The address of the request that queued the job: the job's own audit records carry it.
    audit_ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "задача"
        verbose_name_plural = "задачи"

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, int(self.done * 100 / self.total))

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
