"""Forms of the finding page: a judgement about a person and its revocation."""

from __future__ import annotations

from django import forms


class JudgementForm(forms.Form):
    same = forms.TypedChoiceField(choices=[("1", "то же лицо"), ("0", "другое лицо")],
                                  coerce=lambda v: v == "1", error_messages={"required": "Выберите решение"})
    reason = forms.CharField(max_length=4000, strip=True, error_messages={
        "required": "Укажите основание решения", "max_length": "Основание слишком длинное (не более 4000 знаков)"})


class RevokeForm(forms.Form):
    reason = forms.CharField(max_length=4000, strip=True, error_messages={
        "required": "Укажите причину отмены решения",
        "max_length": "Причина слишком длинная (не более 4000 знаков)"})

