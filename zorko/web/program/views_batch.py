"""The batch «Отчет о проверке ФЛ»: the form, the background job, the ZIP download."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from zorko.audit.log import client_ip, record
from zorko.program.batch import exports_dir, select
from zorko.program.jobs import BATCH_JOB
from zorko.tasks import queue
from zorko.tasks.models import Job
from zorko.web.access import requires
from zorko.web.program.forms import BatchForm


@requires("findings.view")
def batch(request: HttpRequest) -> HttpResponse:
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        numbers = data["numbers"].replace(",", " ").split()
        org = data["organisation"].pk if data["organisation"] else None
        count = select(data["scope"], org, data["month"] or "", numbers).count()  # refuses a bad choice now
        job = queue.enqueue(BATCH_JOB, {"scope": data["scope"], "fmt": data["fmt"], "organisation": org,
                                        "month": data["month"] or "", "numbers": numbers,
                                        "user_id": request.user.pk}, request.user)
        job.params["job_id"] = job.pk
        job.total = count
        job.save(update_fields=["params", "total"])
        return redirect("job-status", job_id=job.pk)
    jobs = Job.objects.filter(kind=BATCH_JOB).order_by("-created_at")[:10]
    return render(request, "program/batch.html", {"form": form, "jobs": jobs})


@requires("findings.view")
def batch_download(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id, kind=BATCH_JOB, status=Job.Status.DONE)
    name = (job.result or {}).get("file", "")
    path = exports_dir() / name
    if not name or "/" in name or not path.exists():
        raise Http404("Архив не найден")
    record(request.user, "export", object_type="program", object_repr=f"пакет отчетов о проверке ФЛ № {job.pk}",
           ip=client_ip(request), file=name, rows=(job.result or {}).get("count"))
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"Отчеты о проверке ФЛ {job.pk}.zip")
