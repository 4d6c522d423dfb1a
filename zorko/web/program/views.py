"""The program's overview page: links to each part with this year's figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zorko.program import training
from zorko.program.status import statuses, year_summary
from zorko.web.access import requires


@requires("program.view")
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    months = training.monthly(today.year, today)
    current = [m for m in months if m.trained is not None][-1]
    return render(request, "program/overview.html", {
        "year": today.year, "current": current, "target": training.annual_target(),
        "summary": year_summary(statuses(today.year, today)),
        "due": training.due_list(today.year).count(),
        "without_talk": training.hired_without_talk(today.year, today).count()})
