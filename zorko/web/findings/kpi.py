"""KPI dashboard: share of servants checked per month against the program plan."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zorko.findings import kpi
from zorko.people.models import Organisation
from zorko.people.organisation_labels import labelled
from zorko.web.access import requires
from zorko.web.params import bounded_int, object_id


@requires("findings.view")
def kpi_dashboard(request: HttpRequest) -> HttpResponse:
    now = timezone.localtime()
    year = bounded_int(request.GET.get("year"), 2000, 2100) or now.year
    organisation_id = object_id(request.GET.get("organisation"))
    organisation = Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None
    history = kpi.year_history(year, organisation)
    months = kpi.monthly(year, organisation, history=history)
    started = [m for m in months if m.checked is not None]
    month = bounded_int(request.GET.get("month"), 1, 12) or (started[-1].month if started else 1)
    by_org = kpi.by_organisation(year, month, None if organisation else history)
    chart = {
        "labels": [m.name for m in months],
        "plan": [m.plan for m in months],
        "actual": [m.percent for m in months],
        "organisations": {"labels": [str(r["organisation"]) for r in by_org],
                          "actual": [r["percent"] for r in by_org], "plan": kpi.plan_percent(month)},
    }
    return render(request, "findings/kpi.html", {
        "year": year, "months": months, "organisation": organisation, "month": month,
        "month_name": kpi.MONTHS[month - 1], "organisations": labelled(Organisation.objects.all()),
        "by_org": by_org, "chart": chart,
        "current": started[-1] if started else None, "definition": kpi.DEFINITION,
    })
