"""The people import page: upload, preview of the changes, confirm; XLSX templates.

The views are thin: checking and writing are ``plan_import``/``apply_import``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from zorko.audit.log import client_ip
from zorko.exceptions import InputFileError
from zorko.people.importing import ImportPlan, apply_import, plan_import
from zorko.people.importing.templates import TEMPLATE_NAMES, template_bytes
from zorko.web import uploads
from zorko.web.access import requires

SESSION_KEY = "people_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    servants = forms.FileField(label="Файл служащих (XLSX или CSV)")
    relatives = forms.FileField(label="Файл родственников (необязательно)", required=False)


def _plan(stored: dict[str, Any], token: str) -> ImportPlan:
    relatives = stored.get("relatives")
    return plan_import(
        uploads.path_of(token, stored["servants"]["path"]),
        uploads.path_of(token, relatives["path"]) if relatives else None,
        servants_name=stored["servants"]["name"],
        relatives_name=relatives["name"] if relatives else None,
    )


def _page(request: HttpRequest, form: UploadForm, status: int = 200, **context: Any) -> HttpResponse:
    return render(request, "people_import/upload.html", {"form": form, **context}, status=status)


@requires("people.import")
def upload(request: HttpRequest) -> HttpResponse:
    """Upload the files; show the preview of what would change, or every problem found."""
    if request.method != "POST":
        return _page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form)
    files = {role: form.cleaned_data[role] for role in ("servants", "relatives")
             if form.cleaned_data.get(role)}
    token, names = uploads.store(files)
    stored = {role: {"path": names[role], "name": files[role].name} for role in files}
    try:
        plan = _plan(stored, token)
    except InputFileError as exc:
        uploads.discard(token)
        return _page(request, UploadForm(), problems=exc.problems, status=400)
    previous = request.session.get(SESSION_KEY)
    if previous:
        uploads.discard(previous["token"])
    request.session[SESSION_KEY] = {"token": token, "files": stored}
    return render(request, "people_import/preview.html", {"plan": plan, "token": token})


@requires("people.import")
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    """Apply the previewed import; the files are checked again against the current database."""
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["token"] != request.POST.get("token"):
        return _page(request, UploadForm(), expired=True, status=400)
    try:
        plan = _plan(pending["files"], pending["token"])
        summary = apply_import(plan, user=request.user, ip=client_ip(request))
    except InputFileError as exc:
        return _page(request, UploadForm(), problems=exc.problems, status=400)
    finally:
        uploads.discard(pending["token"])
        request.session.pop(SESSION_KEY, None)
    return render(request, "people_import/done.html", {"summary": summary, "plan": plan})


@requires("people.import")
def template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in TEMPLATE_NAMES:
        raise Http404
    response = HttpResponse(template_bytes(kind), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, TEMPLATE_NAMES[kind])
    return response
