"""KPI dashboard: share of servants checked per month against the program plan."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zorko.findings.kpi import kpi_by_organisation, monthly_kpi, plan_percent
from zorko.people.models import Organisation
from zorko.web.access import requires

MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь"]


def _int(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def _rows(year: int, organisation: Organisation | None) -> list[dict[str, Any]]:
    """Twelve rows: months not yet begun show the plan only."""
    done = {m.month: m for m in monthly_kpi(year, organisation)}
    rows = []
    for month in range(1, 13):
        m = done.get(month)
        rows.append({"month": month, "name": MONTHS[month - 1], "plan": plan_percent(month),
                     "checked": m.checked if m else None, "total": m.total if m else None,
                     "percent": m.percent if m else None, "met": m.on_plan if m else None})
    return rows


@requires("findings.view")
def kpi_dashboard(request: HttpRequest) -> HttpResponse:
    now = timezone.localdate()
    year = _int(request, "year") or now.year
    org_id = _int(request, "organisation")
    organisation = Organisation.objects.filter(pk=org_id).first() if org_id else None
    rows = _rows(year, organisation)
    started = [r for r in rows if r["checked"] is not None]
    month = _int(request, "month") or (started[-1]["month"] if started else 1)
    month = min(max(month, 1), 12)
    chart = {"labels": [r["name"] for r in rows], "plan": [r["plan"] for r in rows],
             "actual": [r["percent"] for r in rows]}
    by_org = sorted(kpi_by_organisation(year, month), key=lambda o: (o.kpi.percent, str(o.organisation)))
    return render(request, "findings/kpi.html", {
        "year": year, "months": rows, "organisation": organisation, "month": month,
        "month_name": MONTHS[month - 1], "organisations": Organisation.objects.all(),
        "by_org": by_org, "chart_json": json.dumps(chart, ensure_ascii=False),
        "current": started[-1] if started else None,
    })
