"""«Отчет о проверке ФЛ» about one servant, as PDF or DOCX (every download is audited)."""

from __future__ import annotations

import datetime as dt
import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from zorko.audit.log import client_ip, record
from zorko.people.models import Servant
from zorko.reports.person_report import build_report
from zorko.reports.writer import writer_for
from zorko.web.access import requires


@requires("findings.view")
def servant_report(request: HttpRequest, servant_id: int, fmt: str) -> HttpResponse:
    servant = get_object_or_404(Servant.objects.select_related("organisation", "position"), pk=servant_id)
    writer = writer_for(fmt)
    body = writer.write(build_report(servant, request.user))
    record(request.user, "report.download", servant, ip=client_ip(request), format=fmt,
           report="Отчет о проверке ФЛ")
    number = re.sub(r"[^\w.-]", "_", servant.personnel_number)  # the file name goes into a header
    name = f"report-{number}-{dt.date.today():%Y%m%d}.{writer.extension}"
    response = HttpResponse(body, content_type=writer.content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
