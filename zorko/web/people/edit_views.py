"""Create and edit servants and relatives; every save writes field-level history.

The form only validates: it works on its own copy of the record, and the
change is written by :mod:`zorko.people.history`, which compares the
stored record with the submitted values and records each changed field.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from zorko.audit.log import client_ip, record
from zorko.people.history import save_relative, save_servant
from zorko.people.models import Relative, Servant
from zorko.web.access import requires
from zorko.web.people.forms import RelativeForm, ServantForm

SOURCE = "веб-форма"


def _saved_message(created: bool, changed: int, created_text: str) -> str:
    if created:
        return created_text
    return f"Изменения сохранены (полей: {changed})." if changed else "Изменений нет."


@requires("people.edit")
def servant_edit(request: HttpRequest, servant_id: int | None = None) -> HttpResponse:
    servant = get_object_or_404(Servant, pk=servant_id) if servant_id else None
    initial = {"status": request.GET.get("status")} if servant is None and request.GET.get("status") else {}
    # A separate copy for the form: a valid ModelForm writes the new values onto its instance.
    form_copy = Servant.objects.get(pk=servant.pk) if servant else None
    form = ServantForm(request.POST or None, instance=form_copy, initial=initial)
    if request.method == "POST" and form.is_valid():
        target = servant or Servant()
        created = target.pk is None
        changes = save_servant(target, form.changes(target.former_names or []), request.user, SOURCE)
        if created or changes:
            record(request.user, "person.create" if created else "person.update", target,
                   ip=client_ip(request), fields=[c.field for c in changes])
        messages.success(request, _saved_message(created, len(changes), "Карточка создана."))
        return redirect("servant-card", servant_id=target.pk)
    return render(request, "people/servant_form.html", {"form": form, "servant": servant})


@requires("people.edit")
def relative_edit(request: HttpRequest, servant_id: int, relative_id: int | None = None) -> HttpResponse:
    servant = get_object_or_404(Servant, pk=servant_id)
    relative = get_object_or_404(Relative, pk=relative_id, servant=servant) if relative_id else None
    form_copy = Relative.objects.get(pk=relative.pk) if relative else Relative(servant=servant)
    form = RelativeForm(request.POST or None, instance=form_copy)
    if request.method == "POST" and form.is_valid():
        target = relative or Relative(servant=servant)
        created = target.pk is None
        changes = save_relative(target, form.changes(target.former_names or []), request.user, SOURCE)
        if created or changes:
            record(request.user, "relative.create" if created else "relative.update", target,
                   ip=client_ip(request), servant=servant.pk, fields=[c.field for c in changes])
        messages.success(request, _saved_message(created, len(changes), "Родственник добавлен."))
        return redirect("servant-card", servant_id=servant.pk)
    return render(request, "people/relative_form.html",
                  {"form": form, "servant": servant, "relative": relative})
