"""One way for a POST view to run a step from a form: the form's or the service's error, or the success."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from zorko.exceptions import ValidationError


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
