"""Screening runs, findings with their evidence, and the human decisions on them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zorko.people.models import Relative, Servant


class ScreeningRun(models.Model):
    class Scope(models.TextChoices):
        ALL = "all", "все"
        ORGANISATION = "organisation", "организация"
        PERSON = "person", "один человек"
        CHANGED = "changed", "изменившееся после загрузки реестра"

    scope = models.CharField("охват", max_length=16, choices=Scope.choices)
    scope_value = models.CharField(max_length=100, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # {"egrul": "2026-11-02", ...}: the extract date of each registry the run read.
    registry_as_of = models.JSONField(default=dict)
    people_checked = models.IntegerField(default=0)
    findings_total = models.IntegerField(default=0)
    findings_new = models.IntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "проверка"
        verbose_name_plural = "проверки"


class ScreenedPerson(models.Model):
    """A servant (with their relatives) covered by a run: the basis of the KPI."""

    run = models.ForeignKey(ScreeningRun, on_delete=models.CASCADE, related_name="screened")
    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="screenings")
    screened_at = models.DateTimeField(auto_now_add=True)
    relatives_checked = models.IntegerField(default=0)
    # The oldest registry extract the check relied on: "loaded no more than 30 days earlier".
    registry_oldest = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["servant", "screened_at"])]


class Finding(models.Model):
    class Severity(models.TextChoices):
        HIGH = "high", "высокая"
        MEDIUM = "medium", "средняя"
        LOW = "low", "низкая"

    class Status(models.TextChoices):
        NEW = "new", "новое"
        IN_REVIEW = "in_review", "на рассмотрении"
        CONFIRMED = "confirmed", "подтверждено"
        DISMISSED = "dismissed", "отклонено"
        REFERRED = "referred", "передано в комиссию"

    # Stable identity across runs: hash of rule + person + subject.
    key = models.CharField(max_length=64, unique=True)
    rule = models.CharField("правило", max_length=32, db_index=True)
    severity = models.CharField("значимость", max_length=8, choices=Severity.choices)
    score = models.FloatField("оценка")
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.NEW,
                              db_index=True)
    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="findings")
    relative = models.ForeignKey(Relative, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="findings")
    subject_kind = models.CharField(max_length=16)  # company | entrepreneur
    subject_ogrn = models.CharField(max_length=15)
    subject_inn = models.CharField(max_length=12, blank=True)
    subject_name = models.CharField(max_length=500, blank=True)
    explanation = models.TextField("пояснение")
    # Matched records and fields, the match explanation, contracts, graph path.
    evidence = models.JSONField(default=dict)
    # A dismissed finding comes back only when this hash changes.
    evidence_hash = models.CharField(max_length=64)
    active = models.BooleanField(default=True)
    first_found_at = models.DateTimeField(auto_now_add=True)
    last_found_at = models.DateTimeField(auto_now=True)
    last_run = models.ForeignKey(ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-score"]
        verbose_name = "срабатывание"
        verbose_name_plural = "срабатывания"

    def __str__(self) -> str:
        return f"{self.rule}: {self.servant} — {self.subject_name}"


class FindingDecision(models.Model):
    """A human decision on a finding; findings are never silently overwritten."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="decisions")
    from_status = models.CharField(max_length=16)
    to_status = models.CharField(max_length=16)
    reason = models.TextField("основание", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
