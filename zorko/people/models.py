"""Case data about people: organisations, positions, servants, relatives, history."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zorko.matching.normalize import full_name, normalize_name
from zorko.people.kinship import Kinship
from zorko.people.validators import (
    validate_company_inn,
    validate_kpp,
    validate_ogrn,
    validate_person_inn,
    validate_snils,
)


class Organisation(models.Model):
    """A municipal body or institution: employs servants, buys under contracts."""

    name = models.CharField("наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200, blank=True)
    inn = models.CharField("ИНН", max_length=10, unique=True, null=True, blank=True,
                           validators=[validate_company_inn])
    ogrn = models.CharField("ОГРН", max_length=13, blank=True, validators=[validate_ogrn])
    kpp = models.CharField("КПП", max_length=9, blank=True, validators=[validate_kpp])

    class Meta:
        ordering = ["name"]
        verbose_name = "организация"
        verbose_name_plural = "организации"

    def __str__(self) -> str:
        return self.short_name or self.name


class Department(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="departments",
                                     verbose_name="организация")
    name = models.CharField("наименование", max_length=300)

    class Meta:
        ordering = ["name"]
        unique_together = [("organisation", "name")]
        verbose_name = "подразделение"
        verbose_name_plural = "подразделения"

    def __str__(self) -> str:
        return self.name

    @property
    def with_organisation(self) -> str:
        """«Бухгалтерия — КУМИ»: two departments of one name in two organisations told apart."""
        return f"{self.name} — {self.organisation}"


class Position(models.Model):
    name = models.CharField("наименование", max_length=300, unique=True)
    declaration_required = models.BooleanField(
        "в перечне должностей, обязывающих представлять сведения о доходах", default=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "должность"
        verbose_name_plural = "должности"

    def __str__(self) -> str:
        return self.name


class PersonFields(models.Model):
    """Fields a servant and a relative share; ``name_norm`` is derived on save."""

    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    middle_name = models.CharField("отчество", max_length=100, blank=True)
    # [{"last_name": "Петрова", "first_name": "", "middle_name": "", "changed_on": "2015-06-01" | null}]
    former_names = models.JSONField("прежние ФИО", default=list, blank=True)
    birth_date = models.DateField("дата рождения", null=True, blank=True)
    birth_place = models.CharField("место рождения", max_length=300, blank=True)
    inn = models.CharField("ИНН", max_length=12, blank=True, db_index=True,
                           validators=[validate_person_inn])
    snils = models.CharField("СНИЛС", max_length=11, blank=True, validators=[validate_snils])
    address = models.CharField("адрес регистрации", max_length=500, blank=True)
    name_norm = models.CharField(max_length=320, editable=False, db_index=True)

    class Meta:
        abstract = True

    @property
    def full_name(self) -> str:
        return full_name(self.last_name, self.first_name, self.middle_name)

    @property
    def former_last_names(self) -> list[str]:
        return [f["last_name"] for f in self.former_names if f.get("last_name")]

    def refresh_name_norm(self) -> None:
        """Recompute ``name_norm``; bulk writes call it since they bypass ``save``."""
        former = " ".join(self.former_last_names)
        self.name_norm = normalize_name(f"{self.full_name} {former}".strip())

    def save(self, *args: object, **kwargs: object) -> None:
        self.refresh_name_norm()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return self.full_name


class Servant(PersonFields):
    """A municipal servant, a job candidate, or a former servant (status)."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", "кандидат"
        SERVANT = "servant", "служащий"
        DISMISSED = "dismissed", "уволен"

    @property
    def status_word(self) -> str:
        """The status agreed with the person's gender («уволена» for a woman)."""
        from zorko.ru.labels import status_of

        return status_of(self)

    class Category(models.TextChoices):
        """Who files a declaration besides the positions of the перечень (Указ № 460 form)."""

        NONE = "", "—"
        INSTITUTION_HEAD = "institution_head", "руководитель муниципального учреждения"
        MUNICIPAL_OFFICE = "municipal_office", "лицо, замещающее муниципальную должность"

    personnel_number = models.CharField("табельный номер", max_length=50, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="servants",
                                     verbose_name="организация")
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name="подразделение")
    position = models.ForeignKey(Position, null=True, blank=True, on_delete=models.SET_NULL,
                                 verbose_name="должность")
    status = models.CharField("статус", max_length=16, choices=Status.choices, default=Status.SERVANT,
                              db_index=True)
    category = models.CharField("категория", max_length=32, choices=Category.choices, blank=True, default="",
                                db_index=True)
    hired_on = models.DateField("дата приёма", null=True, blank=True)
    dismissed_on = models.DateField("дата увольнения", null=True, blank=True)
    phones = models.CharField("телефоны", max_length=200, blank=True)
    emails = models.CharField("e-mail", max_length=300, blank=True)
    questionnaire_updated_on = models.DateField("анкета обновлена", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "middle_name"]
        verbose_name = "служащий"
        verbose_name_plural = "служащие"


class Relative(PersonFields):
    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="relatives",
                                verbose_name="служащий")
    kinship = models.CharField("степень родства", max_length=32, choices=Kinship.choices)
    workplace = models.CharField("место работы", max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["servant", "kinship", "last_name"]
        verbose_name = "родственник"
        verbose_name_plural = "родственники"

    @property
    def kinship_word(self) -> str:
        """The kinship as the genders say it: «тёща», «свёкор», «зять» (the stored code stays generic)."""
        from zorko.ru.labels import kinship

        return kinship(self.kinship, self.servant.full_name, self.full_name)


class ChangeRecord(models.Model):
    """One field of one person record changed: who, when, old and new value."""

    class Kind(models.TextChoices):
        CREATED = "created", "создан"
        CHANGED = "changed", "изменён"
        DELETED = "deleted", "удалён"

    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="changes")
    relative_id = models.BigIntegerField(null=True, blank=True)
    subject = models.CharField("о ком", max_length=320)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    field = models.CharField("поле", max_length=64, blank=True)
    old_value = models.TextField("было", blank=True)
    new_value = models.TextField("стало", blank=True)
    source = models.CharField("источник", max_length=300, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "изменение"
        verbose_name_plural = "история изменений"
