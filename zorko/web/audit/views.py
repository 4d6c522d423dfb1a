"""The audit log for administrators: browse with filters, export as CSV (itself audited)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from zorko.audit.log import ACTIONS, client_ip, record
from zorko.audit.query import AuditFilter, csv_lines, select
from zorko.web.access import requires
from zorko.web.audit.forms import AuditFilterForm

PAGE_SIZE = 50


@requires("audit.view")
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    events = select(form.to_filter()) if form.is_bound else select(AuditFilter())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/log.html", {
        "form": form, "page": page, "actions": ACTIONS, "query": query.urlencode(),
    })


@requires("audit.view")
def audit_export(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    flt = form.to_filter() if form.is_bound else AuditFilter()
    # Select before recording the export, so the file holds exactly what existed when it was asked for.
    events = list(select(flt))
    record(request.user, "audit.export", object_type="audit.auditevent",
           object_repr=f"журнал аудита: {len(events)} записей", ip=client_ip(request),
           rows=len(events), filter=flt.as_details())
    response = StreamingHttpResponse(csv_lines(events), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="zorko-audit-{stamp}.csv"'
    return response
