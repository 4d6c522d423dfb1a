"""Helpers the program pages share: the chosen year, file responses, audited exports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from zorko.audit.log import client_ip, record

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
TYPES = {"xlsx": XLSX, "docx": DOCX, "pdf": PDF, "zip": "application/zip"}


def year_of(request: HttpRequest) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year


def download(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=TYPES[filename.rsplit(".", 1)[-1]])
    # An ASCII name for old browsers, the Russian one for the rest.
    from urllib.parse import quote

    response["Content-Disposition"] = (f'attachment; filename="zorko-export.{filename.rsplit(".", 1)[-1]}"; '
                                       f"filename*=UTF-8''{quote(filename)}")
    return response


def audited_export(request: HttpRequest, what: str, body: bytes, filename: str, rows: int, **details: Any
                   ) -> HttpResponse:
    """Every export is in the audit log with its filter and size."""
    record(request.user, "export", object_type="program", object_repr=what[:300], ip=client_ip(request),
           rows=rows, file=filename, filter={k: v for k, v in request.GET.items() if v}, **details)
    return download(body, filename)
