"""One writer interface for every report format; one module per format."""

from __future__ import annotations

from typing import Protocol

from zorko.reports.person_report import PersonReport


class ReportWriter(Protocol):
    extension: str
    content_type: str

    def write(self, report: PersonReport) -> bytes: ...


def writer_for(extension: str) -> ReportWriter:
    from zorko.reports.docx import DocxWriter
    from zorko.reports.pdf import PdfWriter

    writers: dict[str, ReportWriter] = {"pdf": PdfWriter(), "docx": DocxWriter()}
    return writers[extension]
