"""The people import page: upload, preview of the changes, confirm; XLSX templates.

The views are thin: checking is ``plan_import``; the confirmed import is
written by the background job ``people.import`` (``jobs``), whose
page shows the progress and then the summary or the errors.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from zorko.audit.log import client_ip
from zorko.exceptions import InputFileError
from zorko.people.importing.refusals import record_refusal
from zorko.people.importing.templates import TEMPLATE_NAMES, template_bytes
from zorko.tasks import queue
from zorko.web import uploads
from zorko.web.access import requires
from zorko.web.people.importing.forms import UploadForm
from zorko.web.people.importing.jobs import file_names, plan_uploaded

SESSION_KEY = "people_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        plan = plan_uploaded(stored, token)
    except InputFileError as exc:
        uploads.discard(token)
        record_refusal(request.user, file_names(stored), exc, ip=client_ip(request), stage="preview")
        return _page(request, UploadForm(), problems=exc.problems, status=400)
    previous = request.session.get(SESSION_KEY)
    if previous:
        uploads.discard(previous["token"])
    request.session[SESSION_KEY] = {"token": token, "files": stored}
    return render(request, "people_import/preview.html", {"plan": plan, "token": token})


@requires("people.import")
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    """Queue the previewed import and open its progress page.

    The job checks the files again against the database as it is then; the
    files stay until it has run, and the session forgets them so that the
    same upload cannot be confirmed twice.
    """
    pending = request.session.pop(SESSION_KEY, None)
    if not pending or pending["token"] != request.POST.get("token"):
        if pending:  # another upload's form: keep this one
            request.session[SESSION_KEY] = pending
        return _page(request, UploadForm(), expired=True, status=400)
    job = queue.enqueue("people.import", {"token": pending["token"], "files": pending["files"],
                                          "user_id": request.user.pk, "ip": client_ip(request)},
                        user=request.user)
    return redirect("job-status", job_id=job.pk)


@requires("people.import")
def template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in TEMPLATE_NAMES:
        raise Http404
    response = HttpResponse(template_bytes(kind), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, TEMPLATE_NAMES[kind])
    return response
