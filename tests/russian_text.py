"""What «reads as Russian» means for the guards: no codes, ISO dates, dot decimals or English words.

Shared by the crawl of the demo's pages and documents
(``tests/web/test_russian_everywhere.py``) and the CLI's
(``tests/test_cli_russian.py``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

SNAKE = re.compile(r"(?<![\w./-])[a-z]+(?:_[a-z]+)+(?![\w./-])")
ISO_DATE = re.compile(r"(?<![\w/-])\d{4}-\d{2}-\d{2}(?![\w/-])")
# A score («0.85»), an amount («1695612.71», «96.00 руб.»); not a section or ОКВЭД code («2.10», «46.90»).
DOT_DECIMAL = re.compile(r"(?<![\w./-])(?:0\.\d{2}|\d{3,}\.\d{2}|\d+\.\d{2}(?=\s*(?:руб|₽|%)))(?![\w./-])")
ENGLISH = re.compile(r"(?<![\w./-])(Usage|Options|None|True|False|high|medium|low|new|company|entrepreneur|director|"
                     r"founder|in_review|confirmed|dismissed|referred|Error|error|Page not found|Not Found|"
                     r"Forbidden|Server Error)(?![\w./-])")
CHECKS = (("код", SNAKE), ("дата ISO", ISO_DATE), ("десятичная точка", DOT_DECIMAL), ("английское слово", ENGLISH))
# Text a user reads but that is not prose: file names, e-mail and web addresses.
NOT_PROSE = re.compile(r"\S+\.(?:csv|xlsx|pdf|docx|json|zip|txt)\b|\S+@\S+|https?://\S+|/[\w/.-]+")


def problems(text: str) -> Iterator[tuple[str, str]]:
    """(what, where) of each place that is not Russian: «код relative_supplier», its context."""
    prose = NOT_PROSE.sub(" ", text)
    for name, pattern in CHECKS:
        for m in pattern.finditer(prose):
            start = max(0, m.start() - 40)
            yield f"{name} «{m.group(0)}»", prose[start:m.end() + 40].replace("\n", " ")


def download_text(content: bytes, ctype: str, name: str) -> str:
    if "csv" in ctype or name.endswith(".csv"):
        return content.decode("utf-8-sig")
    if "spreadsheet" in ctype or name.endswith(".xlsx"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                         for v in row if isinstance(v, str))
    if "pdf" in ctype or name.endswith(".pdf"):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
    if "wordprocessing" in ctype or name.endswith(".docx"):
        from docx import Document

        doc = Document(io.BytesIO(content))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    return ""  # JSON keeps codes by design; a ZIP holds the documents read elsewhere


