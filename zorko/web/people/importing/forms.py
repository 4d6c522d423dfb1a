"""The upload form of the people import."""

from __future__ import annotations

from django import forms


class UploadForm(forms.Form):
    servants = forms.FileField(label="Файл служащих (XLSX или CSV)")
    relatives = forms.FileField(label="Файл родственников (необязательно)", required=False)

