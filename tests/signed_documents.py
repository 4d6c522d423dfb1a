"""Checks every DOCX a lawyer signs must pass: the signature kept with the text above it, Zorko's properties."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def _blocks(doc: Any) -> list[Paragraph | Table]:
    out: list[Paragraph | Table] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            out.append(Table(child, doc))
    return out


def _text(block: Paragraph | Table) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return " ".join(cell.text for row in block.rows for cell in row.cells)


def _paragraphs(block: Paragraph | Table) -> list[Paragraph]:
    if isinstance(block, Paragraph):
        return [block]
    return [p for row in block.rows for cell in row.cells for p in cell.paragraphs]


def assert_signature_kept(data: bytes, signature: str) -> None:
    """Word cannot put the block holding ``signature`` alone at the top of a page.

    The last paragraph of substance before it is kept with the next one (and so is
    everything in between, empty paragraphs too), and no row of a signature table splits.
    """
    blocks = _blocks(Document(io.BytesIO(data)))
    at = next(i for i, b in enumerate(blocks) if signature in _text(b))
    before = max(i for i in range(at) if _text(blocks[i]).strip())
    for block in blocks[before:at]:
        for paragraph in _paragraphs(block):
            assert paragraph.paragraph_format.keep_with_next, (signature, paragraph.text)
    sign = blocks[at]
    if isinstance(sign, Table):
        for row in sign.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None, signature
        for row in list(sign.rows)[:-1]:
            assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs), signature


def assert_zorko_properties(data: bytes, title: str, organisation: str) -> None:
    """The file's properties name the document and «Зорко — организация», not python-docx's defaults."""
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == title
    assert props.author == f"Зорко — {organisation}"
    assert props.last_modified_by == "Зорко" and "python-docx" not in (props.comments + props.keywords)
    assert props.created is not None and props.created.year >= 2026  # not the template's 2013
