"""Forms of the program pages; a servant is named by the personnel number, as in the HR files."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from zorko.people.models import Servant
from zorko.program.models import Category, ControlPointMark, Event, TrainingCourse
from zorko.program.training import NEW_HIRE_DAYS
from zorko.web.form_actions import OrganisationChoice

DATE_INPUT = {"type": "date"}
MAX_DOCUMENT = 10 * 1024 * 1024


class ServantField(forms.CharField):
    """A personnel number that must name a known servant or candidate."""

    def clean(self, value: Any) -> Servant:
        number = super().clean(value).strip()
        servant = Servant.objects.filter(personnel_number=number).select_related("organisation", "position").first()
        if servant is None:
            raise forms.ValidationError(f"Служащий с табельным номером «{number[:50]}» не найден")
        return servant


class YearFilter(forms.Form):
    year = forms.IntegerField(label="Год", min_value=2000, max_value=2100, required=False)
    organisation = OrganisationChoice(label="Организация", required=False,
                                          empty_label="все организации")
    category = forms.ChoiceField(label="Категория", required=False,
                                 choices=[("", "все категории"), *Category.choices])


class CourseForm(forms.ModelForm):
    class Meta:
        model = TrainingCourse
        fields = ["year", "programme", "provider", "hours", "starts_on", "ends_on", "contract_number",
                  "contract_date", "contract_price"]
        widgets = {f: forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d")
                   for f in ("starts_on", "ends_on", "contract_date")}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "Окончание раньше начала")
        return data


class _CategoryForm(forms.Form):
    servant = ServantField(label="Табельный номер", max_length=50)
    category = forms.ChoiceField(label="Категория", choices=Category.choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        servant = data.get("servant")
        if data.get("category") == Category.NEW_HIRE and servant is not None and not (
                servant.position is not None and servant.position.declaration_required and servant.hired_on
                and (timezone.localdate() - servant.hired_on).days <= NEW_HIRE_DAYS):
            self.add_error("category", "Эта категория — для принятых на должность из перечня в течение "
                                       "последнего года; у служащего другая должность или дата приёма")
        return data


class ParticipantForm(_CategoryForm):
    certificate_number = forms.CharField(label="Номер удостоверения", max_length=100, required=False)
    certificate_date = forms.DateField(label="Дата удостоверения", required=False,
                                       widget=forms.DateInput(attrs=DATE_INPUT))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if bool(data.get("certificate_number")) != bool(data.get("certificate_date")):
            raise forms.ValidationError("Укажите и номер, и дату удостоверения (или ни то, ни другое)")
        return data


class PlanEntryForm(_CategoryForm):
    pass


class EventForm(forms.ModelForm):
    attendee_numbers = forms.CharField(label="Присутствовали (табельные номера через запятую или пробел)",
                                       required=False, widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        model = Event
        fields = ["kind", "title", "held_on", "place", "speaker"]
        widgets = {"held_on": forms.DateInput(attrs=DATE_INPUT)}

    def clean_attendee_numbers(self) -> list[Servant]:
        numbers = [n for n in self.cleaned_data["attendee_numbers"].replace(",", " ").split() if n]
        found = {s.personnel_number: s for s in Servant.objects.filter(personnel_number__in=numbers)}
        missing = [n[:50] for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError("Не найдены табельные номера: " + ", ".join(missing[:10]))
        return list(found.values())


class TalkForm(forms.Form):
    servant = ServantField(label="Табельный номер", max_length=50)
    held_on = forms.DateField(label="Дата беседы", widget=forms.DateInput(attrs=DATE_INPUT))
    held_by = forms.CharField(label="Провёл", max_length=300, required=False)
    note = forms.CharField(label="Примечание", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class MarkForm(forms.Form):
    status = forms.ChoiceField(label="Статус", choices=ControlPointMark.Status.choices)
    document = forms.FileField(label="Документ (файл)", required=False)
    document_link = forms.CharField(label="Ссылка или реквизиты документа", max_length=500, required=False)
    note = forms.CharField(label="Примечание", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    quarter = forms.IntegerField(required=False, min_value=0, max_value=4, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        document = data.get("document")
        if document is not None and document.size > MAX_DOCUMENT:
            self.add_error("document", "Файл больше 10 МБ")
        if data.get("status") == ControlPointMark.Status.DONE and not (document or data.get("document_link")):
            raise forms.ValidationError("Чтобы отметить выполнение, приложите документ или укажите его реквизиты")
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label="Файл JSON")


class BatchForm(forms.Form):
    SCOPES = [("organisation", "служащие организации"), ("candidates", "кандидаты за месяц"),
              ("selection", "выбранные по табельным номерам")]
    scope = forms.ChoiceField(label="Кого", choices=SCOPES, widget=forms.RadioSelect, initial="organisation")
    organisation = OrganisationChoice(label="Организация", required=False)
    month = forms.CharField(label="Месяц (ГГГГ-ММ)", required=False, widget=forms.DateInput(attrs={"type": "month"}))
    numbers = forms.CharField(label="Табельные номера", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    fmt = forms.ChoiceField(label="Формат", choices=[("pdf", "PDF"), ("docx", "DOCX")], initial="pdf")
