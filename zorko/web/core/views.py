"""Home page and background-job progress."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from zorko.accounts.roles import capabilities_of
from zorko.tasks.models import Job
from zorko.tasks.queue import with_live_progress
from zorko.web.core.dashboard import home_context, visible_job


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The inspector's morning page: people, open findings, KPI, registry freshness, deadlines, jobs."""
    return render(request, "web/home.html", home_context(capabilities_of(request.user)))


@login_required
def job_status(request: HttpRequest, job_id: int) -> HttpResponse:
    """One job's progress: HTML page that refreshes itself, or JSON for scripts."""
    job = visible_job(with_live_progress(get_object_or_404(Job, pk=job_id)), capabilities_of(request.user))
    if request.headers.get("Accept", "").startswith("application/json") or request.GET.get("format") == "json":
        return JsonResponse({
            "id": job.pk, "kind": job.kind, "status": job.status, "done": job.done,
            "total": job.total, "percent": job.percent, "message": job.message,
            "error": job.error, "result": job.result,
        })
    from zorko.web.core.dashboard import JOB_TITLES

    return render(request, "web/job.html", {"job": job, "title": JOB_TITLES.get(job.kind, "")})
