"""Candidate checks on the web: the waiting list, a check record, decision, conclusion, hiring, the log."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zorko.audit.log import client_ip, record
from zorko.candidates import conclusion, services
from zorko.candidates.log_export import log_xlsx
from zorko.candidates.models import CandidateCheck
from zorko.candidates.sources import source_title
from zorko.exceptions import ZorkoError
from zorko.people.models import Servant
from zorko.registry import npd_online
from zorko.reports.names import agreed
from zorko.reports.person_report import fmt_date
from zorko.tasks import queue
from zorko.web.access import requires
from zorko.web.candidates.forms import DecisionForm, HireForm, PeriodForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCUMENT_TYPES = {"pdf": "application/pdf",
                  "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@requires("people.view")
def waiting(request: HttpRequest) -> HttpResponse:
    rows = services.waiting_list()
    record(request.user, "candidates.list", None, ip=client_ip(request), people=len(rows))
    return render(request, "candidates/list.html", {"rows": rows, "period": PeriodForm.this_year()})


@requires("people.view")
def person_checks(request: HttpRequest, person_id: int) -> HttpResponse:
    """Every check of one person, kept after he is hired."""
    person = get_object_or_404(Servant.objects.select_related("organisation"), pk=person_id)
    record(request.user, "candidates.view", person, ip=client_ip(request), checks="все проверки")
    return render(request, "candidates/person.html", {"person": person, "checks": person.candidate_checks.all(),
                                                      "is_candidate": person.status == Servant.Status.CANDIDATE})


@require_POST
@requires("screening.run")
def run(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Servant, pk=person_id)
    if npd_online.enabled():
        # Online НПД requests are spaced by half a minute: run it as a job, show its progress.
        job = queue.enqueue("candidates.check", {"person_id": person.pk, "user_id": request.user.pk}, request.user)
        return redirect("job-status", job_id=job.pk)
    try:
        check = services.run_check(person, request.user)
    except ZorkoError as exc:
        messages.error(request, str(exc))
        return redirect("candidate-checks")
    return redirect("candidate-check", check_id=check.pk)


@requires("people.view")
def detail(request: HttpRequest, check_id: int) -> HttpResponse:
    check = get_object_or_404(CandidateCheck.objects.select_related("person", "person__organisation"), pk=check_id)
    record(request.user, "candidates.view", check, ip=client_ip(request), person=check.person.full_name)
    history = check.person.candidate_checks.exclude(pk=check.pk)
    return render(request, "candidates/check.html", {
        "check": check, "history": history, "decision_form": DecisionForm(initial={"decision": check.decision}),
        "hire_form": HireForm(), "is_candidate": check.person.status == Servant.Status.CANDIDATE,
        "registries": [(source_title(s), fmt_date(d)) for s, d in check.registries.items()],
    })


@require_POST
@requires("candidates.decide")
def decide(request: HttpRequest, check_id: int) -> HttpResponse:
    check = get_object_or_404(CandidateCheck, pk=check_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Выберите решение")
        return redirect("candidate-check", check_id=check.pk)
    try:
        services.decide(check, form.cleaned_data["decision"], request.user, form.cleaned_data["note"])
    except ZorkoError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Решение записано: {check.get_decision_display()}")
    return redirect("candidate-check", check_id=check.pk)


@requires("findings.view")
def conclusion_file(request: HttpRequest, check_id: int, fmt: str) -> HttpResponse:
    check = get_object_or_404(CandidateCheck.objects.select_related("person", "person__organisation"), pk=check_id)
    body = conclusion.pdf(check) if fmt == "pdf" else conclusion.docx(check)
    record(request.user, "candidates.conclusion", check, ip=client_ip(request), format=fmt,
           person=check.person.full_name)
    response = HttpResponse(body, content_type=DOCUMENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{conclusion.filename(check, fmt)}"'
    return response


@require_POST
@requires("people.edit")
def hire(request: HttpRequest, check_id: int) -> HttpResponse:
    check = get_object_or_404(CandidateCheck.objects.select_related("person"), pk=check_id)
    form = HireForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Укажите дату приёма (ДД.ММ.ГГГГ)")
        return redirect("candidate-check", check_id=check.pk)
    try:
        services.hire(check.person, request.user, form.cleaned_data["hired_on"])
    except ZorkoError as exc:
        messages.error(request, str(exc))
        return redirect("candidate-check", check_id=check.pk)
    hired = agreed("принят", "принята", check.person.full_name)
    messages.success(request, f"{check.person.full_name} {hired} на службу; проверки сохранены в карточке")
    return redirect("servant-card", servant_id=check.person.pk)


@requires("findings.view")
def log_export(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Период указан неверно: " + " ".join(
            str(e) for errors in form.errors.values() for e in errors))
        return redirect("candidate-checks")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    checks = services.checks_between(start, end)
    record(request.user, "candidates.log_export", None, ip=client_ip(request), start=start.isoformat(),
           end=end.isoformat(), checks=len(checks))
    response = HttpResponse(log_xlsx(checks), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="candidate-checks-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
    return response
