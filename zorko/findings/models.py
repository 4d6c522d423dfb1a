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
    # Hash of everything stored about the finding: a re-check writes a row only when it changes.
    content_hash = models.CharField(max_length=64, blank=True)
    active = models.BooleanField(default=True)
    first_found_at = models.DateTimeField(auto_now_add=True)
    last_found_at = models.DateTimeField(auto_now=True)
    last_run = models.ForeignKey(ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-score"]
        verbose_name = "срабатывание"
        verbose_name_plural = "срабатывания"

    def __str__(self) -> str:
        from zorko.findings.rules_info import rule_name

        return f"{rule_name(self.rule)}: {self.servant} — {self.subject_name}"


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


class IdentityJudgement(models.Model):
    """An inspector's decision that a questionnaire person is, or is not, a registry person.

    It is recorded once and applies to every present and future finding with that registry
    person: a namesake judged to be someone else stays silent whatever he founds later; one judged
    to be our person brings his new businesses as ``high`` with the judgement cited. A revocation
    is a record too (``revoked_at``), never a deletion.
    """

    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="judgements")
    relative = models.ForeignKey(Relative, null=True, blank=True, on_delete=models.CASCADE, related_name="judgements")
    # True for «this registry person is a relative not in the questionnaire» (hidden_relative hints).
    kinship_hint = models.BooleanField(default=False)
    registry_person = models.CharField(max_length=300)  # «inn:…» or «fio:…@region»
    registry_name = models.CharField("лицо в реестре", max_length=300)
    registry_inn = models.CharField("ИНН в реестре", max_length=12, blank=True)
    same = models.BooleanField("то же лицо")
    reason = models.TextField("основание")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    revoke_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "решение о тождестве"
        verbose_name_plural = "решения о тождестве"
        indexes = [models.Index(fields=["servant", "revoked_at"])]


class ClarificationRequest(models.Model):
    """One question to a servant instead of a finding per namesake: is this registry person yours?"""

    class Kind(models.TextChoices):
        NAMESAKES = "namesakes", "тёзки в реестре"
        HIDDEN = "hidden_relative", "возможные родственники, не указанные в анкете"
        LOSS_OF_TRUST = "loss_of_trust", "совпадение с реестром уволенных в связи с утратой доверия"

    class Status(models.TextChoices):
        PREPARED = "prepared", "подготовлен"
        SENT = "sent", "направлен"
        ANSWERED = "answered", "получен ответ"
        OVERDUE = "overdue", "просрочен"
        WITHDRAWN = "withdrawn", "не требуется"

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField("вид", max_length=16, choices=Kind.choices)
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.PREPARED,
                              db_index=True)
    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="clarifications")
    relative = models.ForeignKey(Relative, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="clarifications")
    person_name = models.CharField(max_length=300)
    # [{key, full_name, inn, region, probability, subjects: [{ogrn, inn, name, kind, role, region, supplier}]}]
    candidates = models.JSONField(default=list)
    more_candidates = models.IntegerField(default=0)
    candidates_hash = models.CharField(max_length=64)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField("срок ответа", null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField("ответ", blank=True)
    # Why an overdue request is closed without an answer (it then counts as decided for the KPI).
    overdue_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    last_run = models.ForeignKey(ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "запрос уточнения"
        verbose_name_plural = "запросы уточнения"


class ClarificationEvent(models.Model):
    """Every step of a request (prepared, sent, answered, closed): a record, never an overwrite."""

    request = models.ForeignKey(ClarificationRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    note = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]


class PossibleNamesakes(models.Model):
    """Registry persons who carry a questionnaire person's name below the finding floor: never in the queue."""

    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="namesakes")
    relative = models.ForeignKey(Relative, null=True, blank=True, on_delete=models.CASCADE, related_name="namesakes")
    person_name = models.CharField(max_length=300)
    persons = models.IntegerField("лиц в реестре")
    regions = models.JSONField(default=dict)  # {region code: persons}
    subjects = models.JSONField(default=list)  # a few examples: {ogrn, name, role, region, person}
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["servant", "relative"]
        constraints = [models.UniqueConstraint(fields=["servant", "relative"], name="namesakes_one_per_person")]
