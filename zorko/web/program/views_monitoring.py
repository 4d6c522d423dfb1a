"""«Мониторинг-К»: the quarters, fill and submit, the template, the XLSX in the template's layout."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.exceptions import InputFileError, InputProblem, NotFound
from zorko.program import monitoring
from zorko.program.models import MonitoringReport
from zorko.program.monitoring_export import monitoring_xlsx
from zorko.program.status import monitoring_day
from zorko.web.access import requires
from zorko.web.program.common import MAX_YEAR, MIN_YEAR, audited_export, year_of
from zorko.web.program.forms import UploadForm


def _quarter_ok(quarter: int, year: int = 2026) -> int:
    from django.http import Http404

    if quarter not in (1, 2, 3, 4):
        raise Http404("Квартал — от 1 до 4")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404(f"Год — от {MIN_YEAR} до {MAX_YEAR}")
    return quarter


@requires("program.view")
def quarters(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    reports = {r.quarter: r for r in MonitoringReport.objects.filter(year=year)}
    return render(request, "program/monitoring_list.html", {
        "year": year, "quarters": [(q, reports.get(q)) for q in range(1, 5)], "day": monitoring_day()})


@requires("program.view")
def quarter(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    _quarter_ok(quarter, year)
    report = MonitoringReport.objects.filter(year=year, quarter=quarter).first()
    if request.method == "POST" and can(request.user, "program.edit"):
        monitoring.fill(year, quarter, {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"},
                        request.user)
        messages.success(request, "Форма заполнена по данным Зорко")
        return redirect("program-monitoring-quarter", year=year, quarter=quarter)
    rows = monitoring.rows(report, monitoring.previous_of(report)) if report else []
    return render(request, "program/monitoring.html", {
        "year": year, "quarter": quarter, "report": report, "rows": rows,
        "frozen": bool(report and report.status == MonitoringReport.Status.SUBMITTED),
        "previous": monitoring.previous_of(report) if report else None})


@require_POST
@requires("program.mark")
def submit(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    _quarter_ok(quarter, year)
    monitoring.submit(year, quarter, request.user)
    messages.success(request, f"Форма за {quarter} квартал {year} г. представлена и заморожена")
    return redirect("program-monitoring-quarter", year=year, quarter=quarter)


@requires("program.view")
def export(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    _quarter_ok(quarter, year)
    report = MonitoringReport.objects.filter(year=year, quarter=quarter).first()
    if report is None:
        raise NotFound(f"Форма за {quarter} квартал {year} г. ещё не заполнена")
    return audited_export(request, f"«Мониторинг-К» за {quarter} квартал {year} г.", monitoring_xlsx(report),
                          f"Мониторинг-К {quarter} кв {year}.xlsx", len(report.values))


@requires("program.configure")
def template(request: HttpRequest) -> HttpResponse:
    current = monitoring.active_template()
    text = json.dumps(current.definition, ensure_ascii=False, indent=1)
    errors: list[str] = []
    if request.method == "POST":
        try:
            if request.FILES.get("file"):
                f = request.FILES["file"]
                content = f.read().decode("utf-8-sig", errors="replace")
                source = f.name
            elif request.POST.get("reset"):
                content, source = json.dumps(monitoring.default_definition()), "шаблон поставки"
            else:
                content, source = request.POST.get("content", ""), "правка на странице"
                text = content
            try:
                definition = json.loads(content)
            except json.JSONDecodeError as exc:
                raise InputFileError([InputProblem(source, exc.lineno, None, None,
                                                   "текст не читается как JSON")]) from exc
            monitoring.save_template(definition, source, request.user)
        except InputFileError as exc:
            errors = [str(p) for p in exc.problems]
        else:
            messages.success(request, "Шаблон сохранён; представленные формы не изменились")
            return redirect("program-monitoring")
    from zorko.program.formulas import COMBINERS, FORMULAS

    names = sorted([(k, v[0]) for k, v in FORMULAS.items()] + list(COMBINERS.items()))
    return render(request, "program/monitoring_template.html", {
        "text": text, "errors": errors, "upload": UploadForm(), "formulas": names,
        "today": timezone.localdate()})
