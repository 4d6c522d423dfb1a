"""Members, cases (each with its ground), meetings with agenda and attendance, measures applied."""

from __future__ import annotations

from django.db import models

from zorko.findings.models import Finding
from zorko.journals.models import JournalEntry
from zorko.people.models import Servant


class Rules(models.Model):
    """The regulation's numbers, one row: quorum and the share of independent members present."""

    quorum_num = models.PositiveSmallIntegerField("кворум: числитель", default=2)
    quorum_den = models.PositiveSmallIntegerField("кворум: знаменатель", default=3)
    independent_num = models.PositiveSmallIntegerField("независимые члены: числитель", default=1)
    independent_den = models.PositiveSmallIntegerField("независимые члены: знаменатель", default=4)
    extract_days = models.PositiveSmallIntegerField("срок направления выписки, дней", default=7)
    name = models.CharField("наименование комиссии", max_length=500, default=(
        "Комиссия по соблюдению требований к служебному поведению муниципальных служащих "
        "и урегулированию конфликта интересов"))

    class Meta:
        verbose_name = "положение о комиссии"


class Member(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "председатель"
        DEPUTY = "deputy", "заместитель председателя"
        SECRETARY = "secretary", "секретарь"
        MEMBER = "member", "член комиссии"

    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    middle_name = models.CharField("отчество", max_length=100, blank=True)
    position = models.CharField("должность, место работы", max_length=300, blank=True)
    role = models.CharField("роль", max_length=16, choices=Role.choices, default=Role.MEMBER)
    independent = models.BooleanField("независимый эксперт", default=False)
    since = models.DateField("включён с")
    until = models.DateField("исключён с", null=True, blank=True)

    class Meta:
        ordering = ["role", "last_name", "first_name"]
        verbose_name = "член комиссии"
        verbose_name_plural = "члены комиссии"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def short_name(self) -> str:
        initials = "".join(f"{p[0]}." for p in (self.first_name, self.middle_name) if p)
        return f"{self.last_name} {initials}".strip()


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "ожидает рассмотрения"
        SCHEDULED = "scheduled", "включено в повестку"
        DECIDED = "decided", "рассмотрено"

    year = models.PositiveSmallIntegerField("год")
    number = models.PositiveIntegerField("номер")
    opened_on = models.DateField("дата открытия")
    servant = models.ForeignKey(Servant, on_delete=models.PROTECT, related_name="commission_cases",
                                verbose_name="служащий")
    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="commission_cases")
    journal_entry = models.ForeignKey(JournalEntry, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="commission_cases")
    ground = models.CharField("вид основания", max_length=24)
    summary = models.TextField("существо вопроса")
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.OPEN,
                              db_index=True)
    decision = models.CharField("решение", max_length=24, blank=True)
    decision_text = models.TextField("текст решения", blank=True)
    decided_on = models.DateField("дата решения", null=True, blank=True)
    opened_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="commission_case_number"),
            models.CheckConstraint(condition=models.Q(finding__isnull=False) | models.Q(journal_entry__isnull=False),
                                   name="commission_case_has_ground"),
        ]
        verbose_name = "дело комиссии"
        verbose_name_plural = "дела комиссии"

    def __str__(self) -> str:
        return f"дело № {self.number}/{self.year}"

    @property
    def label(self) -> str:
        return f"№ {self.number}/{self.year}"


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "назначено"
        HELD = "held", "проведено"

    year = models.PositiveSmallIntegerField("год")
    number = models.PositiveIntegerField("номер протокола")
    date = models.DateField("дата заседания")
    time = models.CharField("время", max_length=5, default="10:00")
    place = models.CharField("место", max_length=300, blank=True)
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField("проведено", null=True, blank=True)

    class Meta:
        ordering = ["-date", "-number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="commission_meeting_number")]
        verbose_name = "заседание комиссии"
        verbose_name_plural = "заседания комиссии"

    def __str__(self) -> str:
        return f"заседание № {self.number} от {self.date:%d.%m.%Y}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendance")
    present = models.BooleanField("присутствовал", default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="commission_attendance_once")]


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="agenda_items")
    order = models.PositiveSmallIntegerField("№ вопроса", default=1)
    decision = models.CharField("решение", max_length=24, blank=True)
    votes_for = models.PositiveSmallIntegerField("за", default=0)
    votes_against = models.PositiveSmallIntegerField("против", default=0)
    votes_abstained = models.PositiveSmallIntegerField("воздержались", default=0)
    statements = models.TextField("выступления и пояснения", blank=True)
    extract_due = models.DateField("выписку направить до", null=True, blank=True)
    extract_sent_on = models.DateField("выписка направлена", null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="commission_case_once_per_meeting")]


class Measure(models.Model):
    class Kind(models.TextChoices):
        REMARK = "remark", "замечание"
        REPRIMAND = "reprimand", "выговор"
        DISMISSAL = "dismissal", "увольнение в связи с утратой доверия"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="measures")
    servant = models.ForeignKey(Servant, on_delete=models.PROTECT, related_name="measures")
    kind = models.CharField("мера", max_length=16, choices=Kind.choices)
    order_number = models.CharField("номер распоряжения", max_length=50)
    order_date = models.DateField("дата распоряжения")
    basis = models.CharField("основание", max_length=300, default="ст. 27.1 Федерального закона № 25-ФЗ")
    note = models.TextField("примечание", blank=True)
    created_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-order_date", "-pk"]
        verbose_name = "мера ответственности"
        verbose_name_plural = "меры ответственности"
