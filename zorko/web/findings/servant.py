"""The findings part of a servant's card: findings list, link graph, graph export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from zorko.affiliation.ftm_export import graph_entities, to_json_lines
from zorko.audit.log import client_ip, record
from zorko.findings.graph_data import servant_graph_json
from zorko.findings.models import Finding
from zorko.people.models import Servant
from zorko.web.access import requires
from zorko.web.clarifications.card import review_context
from zorko.web.params import object_id


def servant_findings_context(servant: Servant, selected_id: str | None = None) -> dict[str, object]:
    """Context of the include ``findings/_servant_findings.html`` (also used by the card)."""
    findings = list(servant.findings.filter(active=True).order_by("-score"))
    selected = next((f for f in findings if str(f.pk) == str(selected_id)), findings[0] if findings else None)
    # Findings the latest screening no longer produced (e.g. the company was terminated): history.
    history = list(servant.findings.filter(active=False).order_by("-last_found_at"))
    return {"servant": servant, "servant_findings": findings, "selected_finding": selected,
            "servant_findings_history": history} | review_context(servant)


def _servant(servant_id: int) -> Servant:
    return get_object_or_404(Servant.objects.select_related("organisation", "position"), pk=servant_id)


@requires("findings.view")
def servant_findings(request: HttpRequest, servant_id: int) -> HttpResponse:
    servant = _servant(servant_id)
    record(request.user, "person.view", servant, ip=client_ip(request), page="findings")
    return render(request, "findings/servant_findings.html",
                  servant_findings_context(servant, request.GET.get("finding")))


@requires("findings.view")
def servant_graph(request: HttpRequest, servant_id: int) -> HttpResponse:
    servant = _servant(servant_id)
    selected = None
    finding_id = object_id(request.GET.get("finding"))
    if finding_id:
        selected = get_object_or_404(Finding, pk=finding_id, servant=servant)
    return JsonResponse(servant_graph_json(servant, selected), json_dumps_params={"ensure_ascii": False})


@requires("findings.view")
def servant_graph_ftm(request: HttpRequest, servant_id: int) -> HttpResponse:
    servant = _servant(servant_id)
    entities = graph_entities(servant_graph_json(servant))
    record(request.user, "export", servant, ip=client_ip(request), format="ftm", entities=len(entities))
    response = HttpResponse(to_json_lines(entities), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="graph-{servant.personnel_number}.ftm.json"'
    return response
