"""The record of one candidate check: what was checked, against what, what was found, what was decided.

The record points at the person (``people.Servant``), not at a status:
a candidate who is hired keeps the records of the checks made before.
What the check found is copied into the record (``results``, ``findings``)
so that the record says what was known on its date, whatever the
registries and the findings become later.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zorko.people.models import Servant


class CandidateCheck(models.Model):
    class Decision(models.TextChoices):
        PENDING = "", "решение не принято"
        RECOMMENDED = "recommended", "рекомендован"
        OBSTACLES = "obstacles", "есть препятствия"
        CLARIFY = "clarify", "требуется уточнение"

    person = models.ForeignKey(Servant, on_delete=models.PROTECT, related_name="candidate_checks",
                               verbose_name="проверяемое лицо")
    checked_at = models.DateTimeField("дата проверки", auto_now_add=True, db_index=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    checked_by_name = models.CharField("проверку провёл", max_length=150, blank=True)
    # {source code: newest extract date (ISO)} of the registries the check used.
    registries = models.JSONField("реестры и даты выписок", default=dict)
    relatives_checked = models.PositiveIntegerField("родственников проверено", default=0)
    # [{"person": "кандидат" | "сестра: ФИО", "source": code, "result": text, "hits": n}]
    results = models.JSONField("результаты по источникам", default=list)
    # [{"id", "rule", "rule_name", "severity", "relative", "subject", "explanation", "clarify"}]
    findings = models.JSONField("срабатывания", default=list)
    decision = models.CharField("решение", max_length=16, choices=Decision.choices, blank=True, default="")
    decision_note = models.TextField("обоснование", blank=True)
    decided_at = models.DateTimeField("дата решения", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_by_name = models.CharField("решение принял", max_length=150, blank=True)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = "проверка кандидата"
        verbose_name_plural = "проверки кандидатов"

    def __str__(self) -> str:
        return f"Проверка кандидата {self.person.full_name} от {self.checked_at:%d.%m.%Y}"

    @property
    def clarifications(self) -> list[dict[str, object]]:
        return [f for f in self.findings if f.get("clarify")]
