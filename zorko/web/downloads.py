"""A file written by an export service, handed to the browser as a download."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_download(fmt: str, stem: str, write: Callable[[Path], Any]) -> HttpResponse:
    """Let ``write`` (the same service as the CLI, which audits) fill a private temporary file; send it."""
    with tempfile.TemporaryDirectory(prefix="zorko-export-") as tmp:
        path = Path(tmp) / f"{stem}.{fmt}"
        write(path)
        body = path.read_bytes()
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}-{timezone.localdate():%Y%m%d}.{fmt}"'
    return response
