"""KPI dashboard: share of servants checked per month against the program plan."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zorko.findings import kpi
from zorko.people.models import Organisation
from zorko.web.access import requires


@requires("findings.view")
def kpi_dashboard(request: HttpRequest) -> HttpResponse:
    now = timezone.localtime()
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else now.year
    organisation = None
    if request.GET.get("organisation", "").isdigit():
        organisation = Organisation.objects.filter(pk=int(request.GET["organisation"])).first()
    months = kpi.monthly(year, organisation)
    started = [m for m in months if m.checked is not None]
    month = int(request.GET["month"]) if request.GET.get("month", "").isdigit() else (
        started[-1].month if started else 1)
    month = min(max(month, 1), 12)
    by_org = kpi.by_organisation(year, month)
    chart = {
        "labels": [m.name for m in months],
        "plan": [m.plan for m in months],
        "actual": [m.percent for m in months],
        "organisations": {"labels": [str(r["organisation"]) for r in by_org],
                          "actual": [r["percent"] for r in by_org], "plan": kpi.plan_percent(month)},
    }
    return render(request, "findings/kpi.html", {
        "year": year, "months": months, "organisation": organisation, "month": month,
        "month_name": kpi.MONTHS[month - 1], "organisations": Organisation.objects.all(),
        "by_org": by_org, "chart_json": json.dumps(chart, ensure_ascii=False),
        "current": started[-1] if started else None, "definition": kpi.DEFINITION,
    })
