"""Forms of the journals area: list filters, one registration form per kind, the review actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.db.models import Q

from zorko.accounts.roles import ADMINISTRATOR, INSPECTOR
from zorko.accounts.users import display_name
from zorko.journals.models import JournalEntry, Kind, Status
from zorko.journals.queries import EntryFilter
from zorko.journals.services import COMMON_FIELDS, KIND_FIELDS
from zorko.people.models import Servant
from zorko.web.form_actions import DateInput, OrganisationChoice


class FilterForm(forms.Form):
    kind = forms.ChoiceField(label="Журнал", required=False)
    status = forms.ChoiceField(label="Статус", required=False, choices=[("", "все"), *Status.choices])
    organisation = OrganisationChoice(label="Организация", required=False, empty_label="все")
    overdue = forms.BooleanField(label="Только просроченные", required=False)

    def __init__(self, data: Any, kinds: list[str]) -> None:
        super().__init__(data)
        self.fields["kind"].choices = [("", "все доступные"), *((k, Kind(k).label) for k in kinds)]

    def to_filter(self) -> EntryFilter:
        data = self.cleaned_data if self.is_valid() else {}
        org = data.get("organisation")
        return EntryFilter(kind=data.get("kind", ""), status=data.get("status", ""),
                           organisation_id=org.pk if org else None, overdue_only=bool(data.get("overdue")))


class ServantChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name}, таб. № {obj.personnel_number} ({obj.status_word})"


class ResponsibleChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj)


EVENT_LABELS = {
    Kind.INTEREST: "Дата возникновения личной заинтересованности",
    Kind.INDUCEMENT: "Дата обращения в целях склонения",
    Kind.GIFT: "Дата получения подарка (мероприятия)",
    Kind.EMPLOYER_MESSAGE: "Дата трудового (гражданско-правового) договора",
}


def entry_form_class(kind: str) -> type[forms.ModelForm]:
    """A form with the common fields and the fields of this journal only."""
    names = ["servant", *COMMON_FIELDS, *KIND_FIELDS[kind]]

    class EntryForm(forms.ModelForm):
        servant = ServantChoice(label="Служащий (бывший служащий)",
                                queryset=Servant.objects.select_related("organisation").order_by(
                                    "last_name", "first_name"))
        responsible = ResponsibleChoice(label="Ответственный инспектор", required=False,
                                        queryset=User.objects.filter(
                                            Q(groups__name__in=[INSPECTOR, ADMINISTRATOR]) | Q(is_superuser=True),
                                            is_active=True).distinct().order_by("username"))

        class Meta:
            model = JournalEntry
            fields = names
            widgets = {name: DateInput() for name in names if name.endswith("_on")}
            widgets["content"] = forms.Textarea(attrs={"rows": 4})

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["registered_on"].required = False
            if "event_on" in self.fields:
                self.fields["event_on"].label = EVENT_LABELS[kind]
            if "gift_value" in self.fields:  # «4 500,00» as a Russian user types it
                self.fields["gift_value"].localize = True
                self.fields["gift_value"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
                self.fields["gift_value"].widget.is_localized = True
            if kind == Kind.APPLICATION:
                self.fields["application_kind"].required = True

    return EntryForm


class ExtendForm(forms.Form):
    until = forms.DateField(label="Продлить до", widget=DateInput())
    reason = forms.CharField(label="Основание", max_length=300)


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(label="Мотивированное заключение", widget=forms.Textarea(attrs={"rows": 5}))


class CloseForm(forms.Form):
    decision = forms.CharField(label="Решение", widget=forms.Textarea(attrs={"rows": 3}))
    decided_on = forms.DateField(label="Дата решения", widget=DateInput())


class AttachForm(forms.Form):
    file = forms.FileField(label="Файл (PDF, JPEG или PNG)")
