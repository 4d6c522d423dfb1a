"""What every DOCX a lawyer signs shares: the signature kept with the text above it, Zorko's properties.

Word breaks pages itself, so a document cannot know where its signature lands;
it can only ask Word to keep it with what precedes it. ``keep_tail_together``
marks the last blocks of the body «keep with next» (paragraphs, and every row
of a table but the last) and forbids a table row to split, so the signature
block never starts a page alone. ``set_properties`` replaces python-docx's
defaults («python-docx», 2013) with the document's title and «Зорко — организация».
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.table import Table
from docx.text.paragraph import Paragraph

AUTHOR = "Зорко"


def set_properties(doc: Any, title: str, organisation: str = "", subject: str = "",
                   created: datetime | None = None) -> None:
    """Core properties a file manager and a registry of documents show."""
    props = doc.core_properties
    props.title, props.subject = title[:255], subject
    props.author = f"{AUTHOR} — {organisation}" if organisation else AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = props.keywords = props.category = ""
    props.language = "ru-RU"
    props.revision = 1
    props.created = props.modified = created or timezone.now()


def _blocks(doc: Any) -> list[Any]:
    """The body's paragraphs and tables in order (the section properties apart)."""
    body = doc.element.body
    out: list[Any] = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            out.append(Table(child, doc))
    return out


def _cant_split(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))


def _keep(paragraph: Paragraph, with_next: bool) -> None:
    paragraph.paragraph_format.keep_together = True
    if with_next:
        paragraph.paragraph_format.keep_with_next = True


def keep_tail_together(doc: Any, blocks: int) -> None:
    """Keep the last ``blocks`` blocks of the body (the signature and what leads to it) on one page."""
    every = _blocks(doc)
    # Count blocks with content; empty paragraphs between them are kept in the chain too.
    filled = [i for i, b in enumerate(every) if not (isinstance(b, Paragraph) and not b.text.strip())]
    tail = every[filled[-blocks]:] if len(filled) >= blocks else every
    for n, block in enumerate(tail):
        last_block = n == len(tail) - 1
        if isinstance(block, Paragraph):
            _keep(block, with_next=not last_block)
            continue
        rows = list(block.rows)
        for r, row in enumerate(rows):
            _cant_split(row)
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    _keep(paragraph, with_next=not (last_block and r == len(rows) - 1))



def repeat_header(table: Table) -> None:
    """A long table repeats its header row on every page, and no row splits across two pages."""
    for n, row in enumerate(table.rows):
        _cant_split(row)
        if n == 0:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
