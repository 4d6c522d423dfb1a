"""Clarification request pages: the list with statuses, one request with its steps, the letters."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.clarifications.export import export_requests
from zorko.clarifications.listing import (
    PersonRow,
    effective_status,
    filtered,
    kinship_of,
    overdue_first,
    persons,
)
from zorko.findings.clarifications import (
    close_overdue,
    is_overdue,
    mark_sent,
    record_answer,
    status_label,
)
from zorko.findings.judgements import note_of
from zorko.findings.models import ClarificationRequest, IdentityJudgement
from zorko.people.models import Organisation
from zorko.reports.clarification_letter import letter_filename, letters_zip, write_letter
from zorko.web.access import requires
from zorko.web.clarifications.forms import AnswerForm, CloseForm, FilterForm, SendForm
from zorko.web.downloads import export_download
from zorko.web.form_actions import run_step

R = ClarificationRequest.Status
PAGE_SIZE = 50
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _request(request_id: int) -> ClarificationRequest:
    return get_object_or_404(ClarificationRequest.objects.select_related(
        "servant", "servant__organisation", "servant__position", "relative"), pk=request_id)


def _signer(user: Any) -> str:
    return (user.get_full_name() or "").strip()


def _filtered(request: HttpRequest) -> tuple[FilterForm, Organisation | None, QuerySet[ClarificationRequest]]:
    """The filter form from the query string, the organisation chosen, and the requests it selects."""
    form = FilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    org = chosen.get("organisation")
    return form, org, filtered(chosen.get("status") or "", org.pk if org else None, chosen.get("kind") or "")


@requires("findings.view")
def request_list(request: HttpRequest) -> HttpResponse:
    form, org, qs = _filtered(request)
    today = timezone.localdate()
    rows = [{"r": r, "status": status_label(r, today), "code": effective_status(r, today),
             "kinship": kinship_of(r)} for r in overdue_first(qs, today)]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    return render(request, "clarifications/list.html", {
        "form": form, "page": page, "total": len(rows), "query": query, "organisation": org,
        "prepared_in_org": bool(org) and ClarificationRequest.objects.filter(
            servant__organisation=org, status=R.PREPARED).exists(),
    })


def _label(code: str) -> str:
    return str(R(code).label) if code in R.values else code


def _events(req: ClarificationRequest) -> list[dict[str, Any]]:
    return [{"e": e, "from": _label(e.from_status), "to": _label(e.to_status)} for e in req.events.all()]


@requires("findings.view")
def requests_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered list as JSON or XLSX, written by the same service as the CLI (audited there)."""
    _form, _org, qs = _filtered(request)
    return export_download(fmt, "zaprosy", lambda path: export_requests(fmt, path, qs, user=request.user))


def _judgements(req: ClarificationRequest, people: list[PersonRow]) -> list[dict[str, Any]]:
    """The decisions about the persons this request lists (from its answer or from finding pages)."""
    qs = IdentityJudgement.objects.filter(servant_id=req.servant_id, registry_person__in=[p.key for p in people],
                                          kinship_hint=req.kind == ClarificationRequest.Kind.HIDDEN)
    if req.kind != ClarificationRequest.Kind.HIDDEN:
        qs = qs.filter(relative_id=req.relative_id)
    return [{"j": j, "note": note_of(j)} for j in qs.select_related("user")]


@requires("findings.view")
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    req = _request(request_id)
    # The page shows the servant's and relatives' personal data: a card read for the audit log.
    record(request.user, "person.view", req.servant, ip=client_ip(request), clarification=req.pk)
    people = persons(req)
    reviewer = can(request.user, "findings.review")
    return render(request, "clarifications/detail.html", {
        "req": req, "servant": req.servant, "people": people, "kinship": kinship_of(req),
        "status": status_label(req), "overdue": is_overdue(req), "events": _events(req),
        "can_send": reviewer and req.status == R.PREPARED,
        "can_answer": reviewer and req.status in (R.PREPARED, R.SENT),
        "can_close": reviewer and is_overdue(req), "reviewer": reviewer,
        "send_form": SendForm(), "answer_form": AnswerForm(people), "close_form": CloseForm(),
        "judgements": _judgements(req, people),
    })


@requires("findings.review")
def request_letter(request: HttpRequest, request_id: int) -> HttpResponse:
    req = _request(request_id)
    body = write_letter(req, _signer(request.user))
    record(request.user, "clarification.letter", req, ip=client_ip(request), format="docx",
           servant=req.servant.full_name)
    response = HttpResponse(body, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(req)}"'
    return response


@requires("findings.review")
def letters_batch(request: HttpRequest) -> HttpResponse:
    """The letters of every prepared request of one organisation, in one ZIP."""
    form = FilterForm(request.GET)
    org = form.cleaned_data.get("organisation") if form.is_valid() else None
    if org is None:
        messages.error(request, "Выберите организацию, чтобы выгрузить письма")
        return redirect("clarification-list")
    requests = list(filtered(str(R.PREPARED), org.pk).order_by("servant__personnel_number", "pk"))
    if not requests:
        messages.error(request, f"У организации «{org}» нет подготовленных запросов")
        return redirect("clarification-list")
    body = letters_zip(requests, _signer(request.user))
    for req in requests:
        record(request.user, "clarification.letter", req, ip=client_ip(request), format="zip",
               servant=req.servant.full_name)
    response = HttpResponse(body, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="zaprosy-{org.pk}-{timezone.localdate():%Y%m%d}.zip"'
    return response


@require_POST
@requires("findings.review")
def request_send(request: HttpRequest, request_id: int) -> HttpResponse:
    req = _request(request_id)

    def send(data: dict[str, Any]) -> str:
        mark_sent(req, request.user, data["sent_on"])
        return f"Запрос отмечен как направленный; срок ответа — {req.due_on:%d.%m.%Y}"

    run_step(request, SendForm(request.POST), send)
    return redirect("clarification-detail", request_id=req.pk)


@require_POST
@requires("findings.review")
def request_answer(request: HttpRequest, request_id: int) -> HttpResponse:
    req = _request(request_id)
    form = AnswerForm(persons(req), request.POST)

    def answer(data: dict[str, Any]) -> str:
        record_answer(req, request.user, form.decisions(), data.get("answer") or "", data.get("inn") or "",
                      data.get("birth_date"))
        return "Ответ записан; проверка служащего повторена с новыми сведениями"

    run_step(request, form, answer)
    return redirect("clarification-detail", request_id=req.pk)


@require_POST
@requires("findings.review")
def request_close(request: HttpRequest, request_id: int) -> HttpResponse:
    req = _request(request_id)

    def close(data: dict[str, Any]) -> str:
        close_overdue(req, request.user, data["reason"])
        return "Просроченный запрос закрыт без ответа"

    run_step(request, CloseForm(request.POST), close)
    return redirect("clarification-detail", request_id=req.pk)
