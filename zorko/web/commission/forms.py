"""Forms of the commission area."""

from __future__ import annotations

from typing import Any

from django import forms

from zorko.commission import decisions
from zorko.commission.cases import findings_to_refer
from zorko.commission.models import Case, Measure, Member, Rules
from zorko.findings.models import Finding
from zorko.web.form_actions import DateInput


class CaseChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.label}: {obj.servant.full_name} — {decisions.ground_name(obj.ground)}"


class FindingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"№ {obj.pk}: {obj.servant.full_name} — {obj.subject_name or obj.rule}"


class OpenFromFindingForm(forms.Form):
    finding = FindingChoice(label="Подтверждённое или переданное в комиссию срабатывание",
                            queryset=Finding.objects.none())
    summary = forms.CharField(label="Существо вопроса (если не указать — пояснение срабатывания)", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = findings_to_refer()


class MeetingForm(forms.Form):
    date = forms.DateField(label="Дата заседания", widget=DateInput())
    time = forms.RegexField(label="Время", regex=r"^\d{1,2}:\d{2}$", initial="10:00", max_length=5)
    place = forms.CharField(label="Место", max_length=300, required=False)
    cases = CaseChoice(label="Повестка: дела", queryset=Case.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = Case.objects.filter(status=Case.Status.OPEN).select_related("servant")


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(label="Присутствуют", queryset=Member.objects.none(), required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="Решение")
    votes_for = forms.IntegerField(label="За", min_value=0)
    votes_against = forms.IntegerField(label="Против", min_value=0, initial=0)
    votes_abstained = forms.IntegerField(label="Воздержались", min_value=0, initial=0)
    statements = forms.CharField(label="Выступления и пояснения", required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, ground: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [(d.code, d.text) for d in decisions.choices(ground)]


class ExtractSentForm(forms.Form):
    sent_on = forms.DateField(label="Выписка направлена", widget=DateInput())


class EndMembershipForm(forms.Form):
    member = forms.ModelChoiceField(label="Член комиссии", queryset=Member.objects.all())
    until = forms.DateField(label="Исключить с", widget=DateInput())


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["last_name", "first_name", "middle_name", "position", "role", "independent", "since", "until"]
        widgets = {"since": DateInput(), "until": DateInput()}


class RulesForm(forms.ModelForm):
    class Meta:
        model = Rules
        fields = ["name", "quorum_num", "quorum_den", "independent_num", "independent_den", "extract_days"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for num, den in (("quorum_num", "quorum_den"), ("independent_num", "independent_den")):
            if data.get(den) in (None, 0) or (data.get(num) or 0) > data[den]:
                raise forms.ValidationError("Доля задаётся дробью не больше единицы, знаменатель не равен нулю")
        return data


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label="Мера", choices=Measure.Kind.choices)
    order_number = forms.CharField(label="Номер распоряжения", max_length=50)
    order_date = forms.DateField(label="Дата распоряжения", widget=DateInput())
    note = forms.CharField(label="Примечание", required=False, widget=forms.Textarea(attrs={"rows": 2}))
