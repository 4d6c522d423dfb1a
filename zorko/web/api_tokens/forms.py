from __future__ import annotations

from django import forms

from zorko.accounts.scopes import SCOPES
from zorko.accounts.tokens import NAME_LIMIT


class NewTokenForm(forms.Form):
    name = forms.CharField(label="Система", max_length=NAME_LIMIT,
                           help_text="например, «1С ЗУП»; по этому названию обращения видны в журнале аудита")
    scope = forms.ChoiceField(label="Право", choices=list(SCOPES.items()))
