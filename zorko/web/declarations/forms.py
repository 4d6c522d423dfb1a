"""Forms of the declarations pages: filters, upload, manual entry of a paper справка, documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils import timezone

from zorko.declarations.campaign import LISTED, STATUS_NAMES, last_reporting_year
from zorko.declarations.records import MEMBER_NAMES, SECTION_NAMES
from zorko.people.models import Servant
from zorko.web.form_actions import OrganisationChoice
from zorko.web.journals.forms import ServantChoice

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _year_field(**kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(label="Отчётный год", min_value=2000, max_value=2100, **kwargs)


def default_year() -> int:
    return last_reporting_year(timezone.localdate())


class CampaignFilterForm(forms.Form):
    year = _year_field(required=False)
    organisation = OrganisationChoice(required=False, label="Организация",
                                          empty_label="все организации")
    category = forms.ChoiceField(label="Категория", required=False, choices=[
        ("", "все категории"), (LISTED, "по перечню должностей"), *Servant.Category.choices[1:]])
    status = forms.ChoiceField(label="Статус", required=False, choices=[
        ("", "любой статус"), *[(k.value, v) for k, v in STATUS_NAMES.items()], ("corrected", "с уточнённой")])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(label="Файлы «Справки БК» (.xsb) или ZIP-архивы")
    year = _year_field(required=False, help_text="Необязательно: для справок без отчётного периода.")

    def clean_files(self) -> list[Any]:
        files = self.cleaned_data["files"]
        for f in files:
            if not (f.name or "").lower().endswith((".xsb", ".zip")):
                raise forms.ValidationError(f"Файл «{f.name}»: ожидается .xsb или .zip")
        return list(files)


class DeclarationForm(forms.Form):
    # namesakes are common: each servant is told apart by the personnel number
    servant = ServantChoice(Servant.objects.filter(status=Servant.Status.SERVANT), label="Служащий")
    year = _year_field()
    member = forms.ChoiceField(label="На кого", choices=[(m.value, n) for m, n in MEMBER_NAMES.items()])
    last_name = forms.CharField(label="Фамилия члена семьи", max_length=100, required=False)
    first_name = forms.CharField(label="Имя члена семьи", max_length=100, required=False)
    middle_name = forms.CharField(label="Отчество члена семьи", max_length=100, required=False)
    birth_date = forms.DateField(label="Дата рождения члена семьи", required=False, widget=DATE_INPUT)
    filed_on = forms.DateField(label="Дата представления", widget=DATE_INPUT)
    correction = forms.BooleanField(label="Уточнённая справка", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("member") != "declarant" and not (data.get("last_name") and data.get("first_name")):
            raise forms.ValidationError("Для справки члена семьи укажите его фамилию и имя")
        filed_on = data.get("filed_on")
        if isinstance(filed_on, date) and filed_on > timezone.localdate():
            self.add_error("filed_on", "Дата представления не может быть позже сегодняшнего дня")
        return data


class AmountField(forms.DecimalField):
    """A sum as people type it: «1 200 000,50» (spaces between thousands, comma before kopecks)."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        return super().to_python(value)


class ItemForm(forms.Form):
    section = forms.ChoiceField(label="Раздел", required=False,
                                choices=[("", "—"), *[(s.value, n) for s, n in SECTION_NAMES.items()]])
    kind = forms.CharField(label="Вид", max_length=300, required=False)
    name = forms.CharField(label="Наименование, организация, марка", max_length=500, required=False)
    amount = AmountField(label="Сумма, руб.", max_digits=18, decimal_places=2, min_value=0, required=False)
    area = AmountField(label="Площадь, кв. м", max_digits=12, decimal_places=2, min_value=0, required=False)
    country = forms.CharField(label="Страна", max_length=100, required=False)
    ownership = forms.CharField(label="Вид собственности", max_length=200, required=False)
    share = forms.CharField(label="Доля", max_length=50, required=False)
    basis = forms.CharField(label="Основание, источник средств", max_length=500, required=False)
    inn = forms.RegexField(label="ИНН организации", regex=r"^(\d{10}|\d{12})$", required=False,
                           error_messages={"invalid": "ИНН — 10 или 12 цифр"})
    ogrn = forms.RegexField(label="ОГРН", regex=r"^(\d{13}|\d{15})$", required=False,
                            error_messages={"invalid": "ОГРН — 13 цифр (ОГРНИП — 15)"})
    co_owners = forms.CharField(label="Иные правообладатели (через «;»)", max_length=1000, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any(v for k, v in data.items() if k != "section") and not data.get("section"):
            raise forms.ValidationError("Выберите раздел справки для заполненной строки")
        return data


ItemFormSet = formset_factory(ItemForm, extra=8, max_num=200)


class RemindersForm(forms.Form):
    year = _year_field()
    as_of = forms.DateField(label="Не представившие на дату", widget=DATE_INPUT)
    organisation = OrganisationChoice(required=False, label="Организация",
                                          empty_label="все организации")


class PublicationForm(forms.Form):
    organisation = OrganisationChoice(label="Организация")
    year = _year_field()
    format = forms.ChoiceField(label="Формат", choices=[("docx", "DOCX"), ("xlsx", "XLSX")])
