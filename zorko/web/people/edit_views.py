"""Create and edit servants and relatives; every save writes field-level history."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from zorko.audit.log import client_ip, record
from zorko.people.models import Relative, Servant
from zorko.web.access import requires
from zorko.web.people.changes import snapshot, write_changes
from zorko.web.people.forms import RelativeForm, ServantForm


@requires("people.edit")
def servant_edit(request: HttpRequest, servant_id: int | None = None) -> HttpResponse:
    servant = get_object_or_404(Servant, pk=servant_id) if servant_id else None
    initial = {"status": request.GET.get("status")} if servant is None and request.GET.get("status") else {}
    # Taken before validation: a valid ModelForm already copies the new values onto the instance.
    before = snapshot(servant) if servant else None
    form = ServantForm(request.POST or None, instance=servant, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            changed = write_changes(saved, before, request.user)
            if before is None or changed:
                record(request.user, "person.create" if before is None else "person.update", saved,
                       ip=client_ip(request), fields=changed)
        messages.success(request, "Карточка создана." if before is None else
                         (f"Изменения сохранены (полей: {changed})." if changed else "Изменений нет."))
        return redirect("servant-card", servant_id=saved.pk)
    return render(request, "people/servant_form.html", {"form": form, "servant": servant})


@requires("people.edit")
def relative_edit(request: HttpRequest, servant_id: int, relative_id: int | None = None) -> HttpResponse:
    servant = get_object_or_404(Servant, pk=servant_id)
    relative = get_object_or_404(Relative, pk=relative_id, servant=servant) if relative_id else None
    before = snapshot(relative) if relative else None
    form = RelativeForm(request.POST or None, instance=relative or Relative(servant=servant))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            changed = write_changes(saved, before, request.user)
            if before is None or changed:
                record(request.user, "relative.create" if before is None else "relative.update", saved,
                       ip=client_ip(request), servant=servant.pk, fields=changed)
        messages.success(request, "Родственник добавлен." if before is None else
                         (f"Изменения сохранены (полей: {changed})." if changed else "Изменений нет."))
        return redirect("servant-card", servant_id=servant.pk)
    return render(request, "people/relative_form.html",
                  {"form": form, "servant": servant, "relative": relative})
