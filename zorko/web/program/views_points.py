"""Control points: the year as a table and a timeline, marks with documents, the file, the report."""

from __future__ import annotations

import json
from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.exceptions import InputFileError
from zorko.program import control_points as cp
from zorko.program.models import ControlPointMark
from zorko.program.progress_report import progress_docx, progress_rows, progress_xlsx
from zorko.program.status import STATUS_NAMES, statuses, year_summary
from zorko.web.access import requires
from zorko.web.program.common import audited_export, year_of
from zorko.web.program.forms import MarkForm, UploadForm

MONTH_SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]


@requires("program.view")
def points(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    today = timezone.localdate()
    rows = statuses(year, today)
    return render(request, "program/points.html", {
        "year": year, "rows": rows, "summary": year_summary(rows),
        "status_names": STATUS_NAMES, "today": today, "form": MarkForm(),
        "current_year": today.year == year,
        "can_mark": can(request.user, "program.mark"), "months": MONTH_SHORT})


@require_POST
@requires("program.mark")
def mark(request: HttpRequest, code: str, year: int) -> HttpResponse:
    code = cp.normalise_code(code)
    if code not in {p.code for p in cp.load_points()}:
        raise Http404("Нет такой контрольной точки")
    form = MarkForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, f"Отметка не сохранена: {errors}")
        return redirect(f"/program/points/?year={year}")
    data = form.cleaned_data
    quarter = data.get("quarter") or 0
    row, _ = ControlPointMark.objects.get_or_create(code=code, year=year, quarter=quarter,
                                                    defaults={"status": data["status"]})
    row.status, row.document_link, row.note = data["status"], data["document_link"], data["note"]
    if data.get("document"):
        row.document_name = data["document"].name[:255]
        row.document_content = data["document"].read()
    row.marked_by = request.user
    row.save()
    record(request.user, "program.point.mark", row, object_repr=f"контрольная точка {code} ({year})",
           ip=client_ip(request), status=row.get_status_display(), document=row.document_name or row.document_link)
    messages.success(request, f"Контрольная точка {code}: «{row.get_status_display()}»")
    return redirect(f"/program/points/?year={year}")


@requires("program.view")
def document(request: HttpRequest, mark_id: int) -> HttpResponse:
    row = ControlPointMark.objects.filter(pk=mark_id).exclude(document_name="").first()
    if row is None:
        raise Http404("Документа нет")
    record(request.user, "export", row, object_repr=f"документ к контрольной точке {row.code}", ip=client_ip(request))
    response = HttpResponse(bytes(row.document_content or b""), content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(row.document_name)}"
    return response


@requires("program.view")
def report(request: HttpRequest, fmt: str) -> HttpResponse:
    year = year_of(request)
    q = request.GET.get("quarter", "")
    quarter = int(q) if q in ("1", "2", "3", "4") else 0
    rows = progress_rows(year, quarter, timezone.localdate())
    period = f"{quarter} квартал {year}" if quarter else f"{year} год"
    body = progress_docx(year, quarter, rows) if fmt == "docx" else progress_xlsx(year, quarter, rows)
    return audited_export(request, f"отчёт о ходе реализации программы за {period}", body,
                          f"Ход реализации программы {period}.{fmt}", len(rows))


@requires("program.configure")
def edit(request: HttpRequest) -> HttpResponse:
    """The administrator edits the control points as JSON text, or loads a file (all or nothing)."""
    text = json.dumps(cp.current_content(), ensure_ascii=False, indent=1)
    upload = UploadForm()
    errors: list[str] = []
    if request.method == "POST":
        try:
            if request.FILES.get("file"):
                f = request.FILES["file"]
                content = cp.read_file(f.read(), f.name)
                source = f.name
            elif request.POST.get("reset"):
                content, source = cp.shipped_content(), "файл поставки"
            else:
                text = request.POST.get("content", "")
                content, source = cp.read_file(text.encode("utf-8"), "текст на странице"), "правка на странице"
            saved = cp.save_content(content, source, request.user)
        except InputFileError as exc:
            errors = [str(p) for p in exc.problems]
        else:
            messages.success(request, f"Контрольные точки сохранены: {len(saved)}")
            return redirect("program-points")
    return render(request, "program/points_edit.html", {"text": text, "upload": upload, "errors": errors})
