"""Form helpers every area shares: a POST step run from a form (its or the service's error, or the success),
a posted form's data or one Russian error, the date input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from zorko.exceptions import ValidationError


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def form_errors(form: forms.Form) -> str:
    return "; ".join(str(e) for errors in form.errors.values() for e in errors)


def run_step(request: HttpRequest, form: forms.Form, step: Callable[[dict[str, Any]], str]) -> bool:
    """Validate, run ``step`` (it returns the success message); the user stays on the page either way."""
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return False
    try:
        done = step(form.cleaned_data)
    except ValidationError as exc:  # a refused step is shown on the page it came from
        messages.error(request, str(exc))
        return False
    messages.success(request, done)
    return True


def cleaned_or_error(form: forms.Form) -> dict[str, Any]:
    """A posted action form's data, or its errors as one Russian message (mapped once by the middleware)."""
    if not form.is_valid():
        raise ValidationError("; ".join(f"{form.fields[k].label if k in form.fields else 'Форма'}: {' '.join(v)}"
                                        for k, v in form.errors.items()))
    return dict(form.cleaned_data)


class OrganisationChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    """An organisation to choose, named so that two with one short name are told apart."""

    def __init__(self, **kwargs: Any) -> None:
        from zorko.people.models import Organisation

        super().__init__(Organisation.objects.all(), **kwargs)
        self._labels: dict[int, str] | None = None

    def label_from_instance(self, obj: Any) -> str:
        if self._labels is None:
            from zorko.people.organisation_labels import distinct_labels

            self._labels = distinct_labels(self.queryset)
        return self._labels.get(obj.pk, str(obj))
