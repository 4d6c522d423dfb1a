"""Forms of the candidate checks: the decision, hiring, the log period."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.utils import timezone

from zorko.candidates.models import CandidateCheck

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="Решение", choices=[c for c in CandidateCheck.Decision.choices if c[0]],
                                 widget=forms.RadioSelect)
    note = forms.CharField(label="Обоснование", required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class HireForm(forms.Form):
    hired_on = forms.DateField(label="Дата приёма", input_formats=DATE_FORMATS, widget=DATE_INPUT)


class PeriodForm(forms.Form):
    start = forms.DateField(label="С", input_formats=DATE_FORMATS, widget=DATE_INPUT)
    end = forms.DateField(label="По", input_formats=DATE_FORMATS, widget=DATE_INPUT)

    @classmethod
    def this_year(cls) -> PeriodForm:
        today = timezone.localdate()
        return cls(initial={"start": date(today.year, 1, 1), "end": today})

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date):
            if end < start:
                raise forms.ValidationError("Начало периода позже его окончания")
            if end - start > timedelta(days=3700):
                raise forms.ValidationError("Период не длиннее десяти лет")
        return data
