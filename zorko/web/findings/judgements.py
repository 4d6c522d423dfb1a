"""Judgements about people from the finding page: «это то же лицо» / «это другое лицо», and their revocation."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from zorko.findings.clarifications import status_label
from zorko.findings.evidence import Evidence
from zorko.findings.judgements import note_of, record_judgement, revoke_judgement
from zorko.findings.models import ClarificationRequest, Finding, IdentityJudgement
from zorko.web.access import requires
from zorko.web.findings.forms import JudgementForm, RevokeForm
from zorko.web.form_actions import run_step
from zorko.web.params import object_id

HIDDEN_RULE = "hidden_relative"


def judgements_about(finding: Finding, ev: Evidence) -> list[dict[str, Any]]:
    """The judgements (active and revoked) about the finding's registry person, with how they read."""
    key = str(ev.registry_person.get("key") or "")
    if not key:
        return []
    qs = IdentityJudgement.objects.filter(servant_id=finding.servant_id, registry_person=key)
    qs = qs.filter(kinship_hint=True) if finding.rule == HIDDEN_RULE else qs.filter(
        Q(relative_id=finding.relative_id) if finding.relative_id else Q(relative__isnull=True), kinship_hint=False)
    return [{"j": j, "note": note_of(j)} for j in qs.select_related("user", "revoked_by")]


def requests_about(finding: Finding) -> list[dict[str, Any]]:
    """The clarification requests to the servant about the same person (or his undeclared relatives)."""
    qs = ClarificationRequest.objects.filter(servant_id=finding.servant_id)
    qs = qs.filter(kind=ClarificationRequest.Kind.HIDDEN) if finding.rule == HIDDEN_RULE else qs.filter(
        relative_id=finding.relative_id)
    return [{"r": r, "status": status_label(r)} for r in qs]


@require_POST
@requires("findings.review")
def finding_judge(request: HttpRequest, finding_id: int) -> HttpResponse:
    from zorko.findings.evidence import read_evidence

    finding = get_object_or_404(Finding.objects.select_related("servant", "relative"), pk=finding_id)
    ev = read_evidence(finding.evidence or {})
    hint = finding.rule == HIDDEN_RULE

    def judge(data: dict[str, Any]) -> str:
        # record_judgement refuses a finding without a registry person, in Russian.
        j = record_judgement(finding.servant, None if hint else finding.relative, ev.registry_person,
                             data["same"], data["reason"], request.user, kinship_hint=hint)
        return f"Решение записано: {note_of(j)}"

    run_step(request, JudgementForm(request.POST), judge)
    return redirect("finding-detail", finding_id=finding.pk)


@require_POST
@requires("findings.review")
def judgement_revoke(request: HttpRequest, judgement_id: int) -> HttpResponse:
    j = get_object_or_404(IdentityJudgement, pk=judgement_id)

    def revoke(data: dict[str, Any]) -> str:
        revoke_judgement(j, request.user, data["reason"])
        return "Решение о тождестве отменено"

    run_step(request, RevokeForm(request.POST), revoke)
    finding = request.POST.get("finding", "")
    finding_id = object_id(finding)
    if finding_id and Finding.objects.filter(pk=finding_id, servant_id=j.servant_id).exists():
        return redirect("finding-detail", finding_id=finding_id)
    return redirect("servant-card", servant_id=j.servant_id)
