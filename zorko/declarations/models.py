"""Справки in the case store: one row per справка (declarant, spouse or child) and its lines.

A справка for one person and one year is a *slot* (servant, year, member,
name, birth date). A уточнённая справка supersedes the current one of its
slot: the old row stays (``superseded_by`` points to the new one), so the
history is kept and only current rows are analysed and published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zorko.declarations.records import MEMBER_NAMES, SECTION_NAMES, Member, Section
from zorko.people.models import Servant


class Declaration(models.Model):
    class Source(models.TextChoices):
        XSB = "xsb", "файл «Справки БК»"
        MANUAL = "manual", "введена вручную"

    servant = models.ForeignKey(Servant, on_delete=models.CASCADE, related_name="declarations",
                                verbose_name="служащий")
    year = models.IntegerField("отчётный год", db_index=True)
    member = models.CharField("на кого", max_length=16, choices=[(m.value, n) for m, n in MEMBER_NAMES.items()])
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    middle_name = models.CharField("отчество", max_length=100, blank=True)
    birth_date = models.DateField("дата рождения", null=True, blank=True)
    position = models.CharField("должность", max_length=300, blank=True)
    filed_on = models.DateField("дата представления")
    correction = models.BooleanField("уточнённая", default=False)
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="supersedes", verbose_name="заменена уточнённой")
    source = models.CharField("источник", max_length=8, choices=Source.choices)
    source_file = models.CharField("файл", max_length=300, blank=True)
    # sha256 of the справка's content and slot: the same справка imported twice is recognised.
    content_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["servant", "year", "member", "filed_on", "pk"]
        indexes = [models.Index(fields=["year", "servant"])]
        verbose_name = "справка о доходах"
        verbose_name_plural = "справки о доходах"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def current(self) -> bool:
        return self.superseded_by_id is None

    @property
    def member_name(self) -> str:
        return MEMBER_NAMES[Member(self.member)]

    def __str__(self) -> str:
        return f"Справка за {self.year} год: {self.full_name} ({self.member_name})"


class DeclarationItem(models.Model):
    """One line of a section; which fields mean what depends on the section (``records.Item``)."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="items")
    section = models.CharField("раздел", max_length=16, choices=[(s.value, n) for s, n in SECTION_NAMES.items()],
                               db_index=True)
    kind = models.CharField("вид", max_length=300, blank=True)
    name = models.CharField("наименование", max_length=500, blank=True)
    amount = models.DecimalField("сумма, руб.", max_digits=18, decimal_places=2, null=True, blank=True)
    area = models.DecimalField("площадь, кв. м", max_digits=12, decimal_places=2, null=True, blank=True)
    country = models.CharField("страна", max_length=100, blank=True)
    ownership = models.CharField("вид собственности", max_length=200, blank=True)
    share = models.CharField("доля", max_length=50, blank=True)
    basis = models.CharField("основание, источник средств", max_length=500, blank=True)
    inn = models.CharField("ИНН", max_length=12, blank=True, db_index=True)
    ogrn = models.CharField("ОГРН", max_length=15, blank=True)
    co_owners = models.JSONField("иные правообладатели", default=list, blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["declaration", "section", "pk"]
        verbose_name = "строка справки"
        verbose_name_plural = "строки справок"

    @property
    def section_name(self) -> str:
        return SECTION_NAMES[Section(self.section)]
