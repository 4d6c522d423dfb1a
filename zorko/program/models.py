"""Case data of the program: training courses and certificates, events, preventive talks,
control point marks, the «Мониторинг-К» templates and quarterly forms."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zorko.people.models import Servant


class Category(models.TextChoices):
    """Why a servant is trained; the program names these three groups."""

    NEW_HIRE = "new_hire", "впервые принятые на должности из перечня (первый год службы)"
    PROCUREMENT = "procurement", "участвующие в закупках"
    COMMISSION = "commission", "члены комиссии по урегулированию конфликта интересов"
    OTHER = "other", "иные служащие"


class TrainingCourse(models.Model):
    year = models.IntegerField("год", db_index=True)
    programme = models.CharField("программа обучения", max_length=500)
    provider = models.CharField("образовательная организация", max_length=500)
    hours = models.PositiveIntegerField("объём, часов", default=0)
    starts_on = models.DateField("начало", null=True, blank=True)
    ends_on = models.DateField("окончание", null=True, blank=True)
    contract_number = models.CharField("номер контракта", max_length=100, blank=True)
    contract_date = models.DateField("дата контракта", null=True, blank=True)
    contract_price = models.DecimalField("цена контракта, руб.", max_digits=14, decimal_places=2, null=True,
                                         blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "starts_on", "pk"]
        verbose_name = "курс повышения квалификации"
        verbose_name_plural = "курсы повышения квалификации"

    def __str__(self) -> str:
        return f"{self.programme} ({self.provider})"


class Participant(models.Model):
    """A servant on a course; the certificate (удостоверение) makes them count for KPI 1."""

    course = models.ForeignKey(TrainingCourse, on_delete=models.CASCADE, related_name="participants",
                               verbose_name="курс")
    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="trainings",
                                verbose_name="служащий")
    category = models.CharField("категория", max_length=16, choices=Category.choices, default=Category.OTHER)
    certificate_number = models.CharField("номер удостоверения", max_length=100, blank=True)
    certificate_date = models.DateField("дата удостоверения", null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["servant__last_name", "servant__first_name"]
        unique_together = [("course", "servant")]
        verbose_name = "участник обучения"
        verbose_name_plural = "участники обучения"


class PlanEntry(models.Model):
    """The annual training plan: who must be trained this year (the list due by 1 April)."""

    year = models.IntegerField("год", db_index=True)
    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="training_plan",
                                verbose_name="служащий")
    category = models.CharField("категория", max_length=16, choices=Category.choices, default=Category.OTHER)
    added_on = models.DateField("включён в список")

    class Meta:
        ordering = ["servant__last_name", "servant__first_name"]
        unique_together = [("year", "servant")]
        verbose_name = "запись плана обучения"
        verbose_name_plural = "план обучения"


class Event(models.Model):
    """A seminar, meeting or the 9 December event, with who attended."""

    class Kind(models.TextChoices):
        SEMINAR = "seminar", "обучающий семинар"
        MEETING = "meeting", "совещание"
        ANTICORRUPTION_DAY = "anticorruption_day", "мероприятие к Международному дню борьбы с коррупцией"

    kind = models.CharField("вид", max_length=24, choices=Kind.choices, default=Kind.SEMINAR)
    title = models.CharField("тема", max_length=500)
    held_on = models.DateField("дата", db_index=True)
    place = models.CharField("место", max_length=300, blank=True)
    speaker = models.CharField("докладчик", max_length=300, blank=True)
    attendees = models.ManyToManyField(Servant, blank=True, related_name="events", verbose_name="присутствовали")

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = "мероприятие"
        verbose_name_plural = "мероприятия"

    def __str__(self) -> str:
        return self.title


class PreventiveTalk(models.Model):
    """A preventive talk with a newly hired servant (control point 1.1.K1); the памятка is handed over."""

    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="preventive_talks",
                                verbose_name="служащий")
    held_on = models.DateField("дата беседы", db_index=True)
    held_by = models.CharField("провёл", max_length=300, blank=True)
    note = models.TextField("примечание", blank=True)

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = "профилактическая беседа"
        verbose_name_plural = "профилактические беседы"


class ControlPointSet(models.Model):
    """The control points as an administrator edited them; without a row the shipped file applies."""

    content = models.JSONField()
    source = models.CharField("источник", max_length=300, blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]


class ControlPointMark(models.Model):
    """An inspector's mark on a control point for a year (or one quarter of it), with the document."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "в работе"
        DONE = "done", "выполнено"

    code = models.CharField("контрольная точка", max_length=32)
    year = models.IntegerField("год")
    quarter = models.IntegerField("квартал", default=0)  # 0 = the whole year
    status = models.CharField("статус", max_length=16, choices=Status.choices)
    # Kept in the database so that a backup of the case store carries the evidence with it.
    document_name = models.CharField("файл документа", max_length=255, blank=True)
    document_content = models.BinaryField("содержимое документа", null=True, blank=True)
    document_link = models.CharField("ссылка или реквизиты документа", max_length=500, blank=True)
    note = models.TextField("примечание", blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("code", "year", "quarter")]
        verbose_name = "отметка о контрольной точке"
        verbose_name_plural = "отметки о контрольных точках"


class MonitoringTemplate(models.Model):
    """A «Мониторинг-К» layout: sections and indicators, each computed or a manual cell."""

    name = models.CharField("название", max_length=300)
    definition = models.JSONField()
    active = models.BooleanField("действующий", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-active", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class MonitoringReport(models.Model):
    """One quarter's form; once submitted its values and layout are frozen."""

    class Status(models.TextChoices):
        DRAFT = "draft", "черновик"
        SUBMITTED = "submitted", "представлен"

    year = models.IntegerField("год")
    quarter = models.IntegerField("квартал")
    template = models.ForeignKey(MonitoringTemplate, on_delete=models.PROTECT)
    # The template's definition as it was at submission, so a later edit leaves the report intact.
    layout = models.JSONField(default=dict)
    values = models.JSONField(default=dict)  # {indicator code: number or text}
    manual = models.JSONField(default=dict)  # the manual cells as typed
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.DRAFT)
    filled_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-year", "-quarter"]
        unique_together = [("year", "quarter")]
        verbose_name = "форма «Мониторинг-К»"
        verbose_name_plural = "формы «Мониторинг-К»"
