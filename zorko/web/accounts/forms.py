"""Forms of the accounts area: login and a new user."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from zorko.accounts.roles import ROLE_NAMES
from zorko.accounts.users import normalize_username


class LoginForm(AuthenticationForm):
    """Django's form, with the user name in the form accounts are stored in (NFKC, case)."""

    def clean(self) -> dict[str, Any]:
        if self.cleaned_data.get("username"):
            self.cleaned_data["username"] = normalize_username(self.cleaned_data["username"])
        return super().clean()


class NewUserForm(forms.Form):
    username = forms.CharField(label="Логин", max_length=150)
    full_name = forms.CharField(label="Имя и фамилия", max_length=300, required=False)
    role = forms.ChoiceField(label="Роль", choices=list(ROLE_NAMES.items()))
    password = forms.CharField(label="Пароль (пусто — создать автоматически)", required=False,
                               widget=forms.PasswordInput)

