"""One registration journal per kind of notice; an entry, its attachments and its decisions."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from zorko.people.models import Organisation, Servant


class Kind(models.TextChoices):
    PAID_WORK = "paid_work", "Уведомления об иной оплачиваемой работе"
    INTEREST = "interest", "Уведомления о личной заинтересованности"
    INDUCEMENT = "inducement", "Уведомления о склонении к коррупционным правонарушениям"
    GIFT = "gift", "Уведомления о получении подарка"
    EMPLOYER_MESSAGE = "employer_message", "Сообщения работодателей о приёме бывших служащих"
    APPLICATION = "application", "Обращения и заявления в комиссию"


class Status(models.TextChoices):
    REGISTERED = "registered", "зарегистрировано"
    IN_REVIEW = "in_review", "на предварительном рассмотрении"
    REFERRED = "referred", "передано в комиссию"
    CLOSED = "closed", "рассмотрено"


OPEN_STATUSES = (Status.REGISTERED, Status.IN_REVIEW, Status.REFERRED)


class ApplicationKind(models.TextChoices):
    CONSENT = "consent", "о даче согласия на замещение должности (выполнение работы) в организации"
    SPOUSE_INCOME = "spouse_income", "о невозможности представить сведения о доходах супруги (супруга)"


class JournalEntry(models.Model):
    kind = models.CharField("журнал", max_length=20, choices=Kind.choices, db_index=True)
    year = models.PositiveSmallIntegerField("год")
    number = models.PositiveIntegerField("регистрационный номер")
    received_on = models.DateField("дата поступления")
    registered_on = models.DateField("дата регистрации")
    servant = models.ForeignKey(Servant, on_delete=models.PROTECT, related_name="journal_entries",
                                verbose_name="служащий")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="journal_entries",
                                     verbose_name="организация")
    content = models.TextField("содержание")
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.REGISTERED,
                              db_index=True)
    deadline = models.DateField("срок", null=True, blank=True)
    extended_until = models.DateField("срок продлён до", null=True, blank=True)
    late_note = models.CharField("нарушение срока", max_length=300, blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="journal_entries", verbose_name="ответственный")
    conclusion = models.TextField("мотивированное заключение", blank=True)
    decision = models.TextField("решение", blank=True)
    decided_on = models.DateField("дата решения", null=True, blank=True)
    # The day the notice is about: the inducement, the gift's event, the employment contract.
    event_on = models.DateField("дата события", null=True, blank=True)
    # Other paid work and employers' messages: who employs.
    employer_name = models.CharField("работодатель (организация)", max_length=500, blank=True)
    employer_inn = models.CharField("ИНН работодателя", max_length=12, blank=True)
    work_kind = models.CharField("вид работы (должность)", max_length=300, blank=True)
    start_on = models.DateField("дата начала работы", null=True, blank=True)
    # Gifts (ПП РФ № 10).
    gift_value = models.DecimalField("стоимость подарка, руб.", max_digits=12, decimal_places=2, null=True,
                                     blank=True)
    handover_act = models.CharField("акт приёма-передачи", max_length=100, blank=True)
    handover_on = models.DateField("дата передачи", null=True, blank=True)
    buyout_applied_on = models.DateField("заявление о выкупе подано", null=True, blank=True)
    buyout_outcome = models.CharField("итог выкупа", max_length=300, blank=True)
    # Employers' messages: the former servant's functions covered this employer.
    supervised_employer = models.BooleanField("функции управления в отношении работодателя", default=False)
    application_kind = models.CharField("вид обращения", max_length=16, choices=ApplicationKind.choices,
                                        blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["kind", "year", "number"], name="journal_number_per_year")]
        verbose_name = "запись журнала"
        verbose_name_plural = "записи журналов"

    def __str__(self) -> str:
        return f"{self.reg_number} ({Kind(self.kind).label.lower()})"

    @property
    def reg_number(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def due(self) -> date | None:
        return self.extended_until or self.deadline


class Attachment(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField("файл", max_length=255)
    stored_as = models.CharField(max_length=300)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]


class EntryEvent(models.Model):
    """What happened to an entry, by whom: registration, review, extension, referral, decision."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="events")
    text = models.CharField(max_length=500)
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
