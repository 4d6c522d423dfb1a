"""Findings pages: the list, one finding with its evidence, review actions, screening launch."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.exceptions import ValidationError
from zorko.findings.evidence import read_evidence
from zorko.findings.graph_data import path_labels
from zorko.findings.models import Finding
from zorko.findings.review import TRANSITIONS, review_finding
from zorko.findings.rules_info import SEVERITY_ORDER, rule_name, rule_names
from zorko.findings.service import export_findings
from zorko.people.models import Organisation, Servant
from zorko.people.organisation_labels import labelled
from zorko.tasks import queue
from zorko.web.access import requires
from zorko.web.downloads import export_download
from zorko.web.findings.judgements import HIDDEN_RULE, judgements_about, requests_about
from zorko.web.params import object_id

# Button captions of the review transitions.
ACTIONS = {
    Finding.Status.IN_REVIEW: "Взять на рассмотрение",
    Finding.Status.CONFIRMED: "Подтвердить",
    Finding.Status.DISMISSED: "Отклонить",
    Finding.Status.REFERRED: "Передать в комиссию",
}
PAGE_SIZE = 50


def _by_severity(qs: QuerySet[Finding]) -> QuerySet[Finding]:
    rank = Case(*[When(severity=s, then=Value(n)) for s, n in SEVERITY_ORDER.items()],
                default=Value(9), output_field=IntegerField())
    return qs.annotate(severity_rank=rank).order_by("severity_rank", "-score", "pk")


def _filtered(request: HttpRequest) -> tuple[QuerySet[Finding], dict[str, str]]:
    qs = Finding.objects.filter(active=True).select_related("servant", "servant__organisation", "relative")
    chosen = {k: request.GET.get(k, "").strip() for k in ("rule", "severity", "status", "organisation")}
    if chosen["rule"]:
        qs = qs.filter(rule=chosen["rule"])
    if chosen["severity"]:
        qs = qs.filter(severity=chosen["severity"])
    if chosen["status"]:
        qs = qs.filter(status=chosen["status"])
    organisation = object_id(chosen["organisation"])
    if organisation:
        qs = qs.filter(servant__organisation_id=organisation)
    else:
        chosen["organisation"] = ""
    return _by_severity(qs), chosen


@requires("findings.view")
def finding_list(request: HttpRequest) -> HttpResponse:
    qs, chosen = _filtered(request)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in chosen.items() if v)
    return render(request, "findings/list.html", {
        "page": page, "chosen": chosen, "query": query, "total": qs.count(),
        "rules": sorted(rule_names().items(), key=lambda kv: kv[1]), "severities": Finding.Severity.choices,
        "statuses": Finding.Status.choices, "organisations": labelled(Organisation.objects.all()),
    })


@requires("findings.view")
def finding_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered list as JSON, CSV or XLSX, written by the same service as the CLI (audited there)."""
    qs, _chosen = _filtered(request)
    return export_download(fmt, "findings", lambda path: export_findings(fmt, path, qs, user=request.user))


@requires("findings.view")
def finding_detail(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("servant", "servant__organisation",
                                                               "servant__position", "relative"), pk=finding_id)
    # The page shows the servant's personal data: a card read for the audit log.
    record(request.user, "person.view", finding.servant, ip=client_ip(request), finding=finding.pk)
    allowed = [(s, ACTIONS[s]) for s in Finding.Status.values if s in TRANSITIONS[finding.status]]
    ev = read_evidence(finding.evidence or {}, finding.servant.organisation)
    return render(request, "findings/detail.html", {
        "finding": finding, "ev": ev, "judgements": judgements_about(finding, ev),
        "requests": requests_about(finding),
        "hint": finding.rule == HIDDEN_RULE,
        "path": path_labels(finding), "rule_name": rule_name(finding.rule),
        "actions": allowed if can(request.user, "findings.review") else [],
        "decisions": finding.decisions.all(), "servant": finding.servant,
    })


@require_POST
@requires("findings.review")
def finding_review(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = get_object_or_404(Finding, pk=finding_id)
    to_status = request.POST.get("to_status", "")
    try:
        review_finding(finding, to_status, request.user, request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Статус срабатывания: «{Finding.Status(to_status).label}»")
    return redirect("finding-detail", finding_id=finding.pk)


@require_POST
@requires("screening.run")
def screening_start(request: HttpRequest) -> HttpResponse:
    """Queue a screening of everyone, one organisation or one person; show its progress page."""
    scope = request.POST.get("scope", "all")
    value = ""
    if scope == "organisation":
        org = get_object_or_404(Organisation, pk=request.POST.get("organisation") or 0)
        if not org.inn:  # the screening selects an organisation's people by its ИНН
            messages.error(request, f"У организации «{org}» не указан ИНН: проверку по организации запустить нельзя")
            return redirect("finding-list")
        value = org.inn
        what = f"организации «{org}»"
    elif scope == "person":
        servant = get_object_or_404(Servant, pk=request.POST.get("servant") or 0)
        value = servant.personnel_number
        what = servant.full_name
    else:
        scope, what = "all", "всех служащих, родственников и кандидатов"
    job = queue.enqueue("screening.run", {"scope": scope, "value": value, "user_id": request.user.pk},
                        request.user)
    record(request.user, "screening.run", job, ip=client_ip(request), scope=scope, value=value)
    messages.success(request, f"Проверка {what} поставлена в очередь")
    return redirect("job-status", job_id=job.pk)
