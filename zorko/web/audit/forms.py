"""The audit log filter."""

from __future__ import annotations

from django import forms

from zorko.audit.log import ACTIONS
from zorko.audit.query import AuditFilter


class AuditFilterForm(forms.Form):
    username = forms.CharField(label="Пользователь", required=False)
    action = forms.ChoiceField(label="Действие", required=False,
                               choices=[("", "все")] + sorted(ACTIONS.items(), key=lambda a: a[1]))
    date_from = forms.DateField(label="С", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="По", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    obj = forms.CharField(label="Объект", required=False)

    def to_filter(self) -> AuditFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return AuditFilter(username=data.get("username", ""), action=data.get("action", ""),
                           date_from=data.get("date_from"), date_to=data.get("date_to"),
                           obj=data.get("obj", ""))

