"""Forms of the clarification requests area: the list filter and the steps of a request."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from zorko.clarifications.listing import STATUS_CHOICES, PersonRow
from zorko.findings.models import ClarificationRequest
from zorko.identifiers import check_inn
from zorko.web.form_actions import OrganisationChoice

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
ANSWERS = [("", "не знаю"), ("yes", "да — родственник (то же лицо)"), ("no", "нет")]


class FilterForm(forms.Form):
    status = forms.ChoiceField(label="Статус", required=False, choices=[("", "все")] + STATUS_CHOICES)
    organisation = OrganisationChoice(label="Организация", required=False, empty_label="все")
    kind = forms.ChoiceField(label="Вид", required=False,
                             choices=[("", "все")] + list(ClarificationRequest.Kind.choices))


class SendForm(forms.Form):
    sent_on = forms.DateField(label="Дата направления", input_formats=DATE_FORMATS,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                              error_messages={"required": "Укажите дату направления",
                                              "invalid": "Дата направления — в виде ДД.ММ.ГГГГ"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"sent_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class CloseForm(forms.Form):
    reason = forms.CharField(label="Причина закрытия без ответа", max_length=4000, widget=forms.Textarea(
        attrs={"rows": 2}), error_messages={"required": "Укажите причину закрытия просроченного запроса",
                                            "max_length": "Причина слишком длинная (не более 4000 знаков)"})


class AnswerForm(forms.Form):
    """One choice per registry person listed, then the ИНН or birth date and the servant's words."""

    inn = forms.CharField(label="ИНН (12 цифр)", required=False, max_length=12, error_messages={
        "max_length": "ИНН физического лица — 12 цифр"})
    birth_date = forms.DateField(label="Дата рождения", required=False, input_formats=DATE_FORMATS,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                 error_messages={"invalid": "Дата рождения — в виде ДД.ММ.ГГГГ"})
    answer = forms.CharField(label="Текст ответа", required=False, max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"max_length": "Ответ слишком длинный (не более 4000 знаков)"})

    def __init__(self, people: list[PersonRow], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = people
        for n, person in enumerate(people):
            label = f"{person.full_name}, ИНН {person.inn}" if person.inn else person.full_name
            self.fields[f"person_{n}"] = forms.ChoiceField(
                label=label, choices=ANSWERS, required=False,
                widget=forms.Select(attrs={"aria-label": f"Ответ о лице: {label}"}))

    def clean_inn(self) -> str:
        inn = str(self.cleaned_data.get("inn") or "").strip()
        if inn and (not inn.isdigit() or len(inn) != 12):
            raise forms.ValidationError("ИНН физического лица — 12 цифр")
        if inn and (problem := check_inn(inn, person=True)):
            raise forms.ValidationError(problem)
        return inn

    def person_fields(self) -> list[tuple[PersonRow, forms.BoundField]]:
        return [(p, self[f"person_{n}"]) for n, p in enumerate(self.people)]

    def decisions(self) -> dict[str, bool | None]:
        out: dict[str, bool | None] = {}
        for n, person in enumerate(self.people):
            value = self.cleaned_data.get(f"person_{n}") or ""
            out[person.key] = True if value == "yes" else False if value == "no" else None
        return out
