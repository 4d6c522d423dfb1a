"""Helpers the program pages share: the chosen year, file responses, audited exports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from zorko.audit.log import client_ip, record
from zorko.web.params import bounded_int

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
TYPES = {"xlsx": XLSX, "docx": DOCX, "pdf": PDF, "zip": "application/zip"}


MIN_YEAR, MAX_YEAR = 2000, 2100


def year_of(request: HttpRequest) -> int:
    """The year asked for, or this year: «²» or «1e9» never reach int()."""
    year = bounded_int(request.GET.get("year"), MIN_YEAR, MAX_YEAR)
    return year if year is not None else timezone.localdate().year


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
