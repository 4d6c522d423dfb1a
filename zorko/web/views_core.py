"""Home page and background-job progress."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from zorko.tasks.models import Job


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {})


@login_required
def job_status(request: HttpRequest, job_id: int) -> HttpResponse:
    """One job's progress: HTML page that refreshes itself, or JSON for scripts."""
    job = get_object_or_404(Job, pk=job_id)
    if request.headers.get("Accept", "").startswith("application/json") or request.GET.get("format") == "json":
        return JsonResponse({
            "id": job.pk, "kind": job.kind, "status": job.status, "done": job.done,
            "total": job.total, "percent": job.percent, "message": job.message,
            "error": job.error, "result": job.result,
        })
    return render(request, "web/job.html", {"job": job})
