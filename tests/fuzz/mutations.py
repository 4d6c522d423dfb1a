"""Hypothesis strategies that damage real sample files the way the world does.

Byte-level (flips, truncation, inserted and deleted runs), text-level
(tags and attributes renamed, values replaced with hostile text, cells and
delimiters changed) and encoding-level (re-encoded, mixed encodings) — so
a fuzz test starts from a file the importer accepts and walks away from it.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import strategies as st

HOSTILE = st.sampled_from([
    "", " ", "0", "-1", "-100.50", "1e309", "NaN", "99999999999999999999999", "31.02.2020",
    "2020-13-45", "0000-00-00", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "Ё" * 300,
    "\x00", "\ufeff", "&amp;", "&unknown;", "]]>", "\"", "'", ";", "\n", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ИНН",
    "7707083893", "1027700132195", "770708389", "12345678901234567890",
])
TEXT = st.one_of(HOSTILE, st.text(max_size=40))
ENCODINGS = ["utf-8", "cp1251", "utf-16", "koi8-r", "latin-1"]


def _decode(raw: bytes) -> tuple[str, str]:
    for encoding in ("utf-8", "cp1251"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


@st.composite
def byte_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    if not raw:
        return draw(st.binary(max_size=64))
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "duplicate"]))
    at = draw(st.integers(0, len(raw) - 1))
    if kind == "flip":
        return raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1:]
    if kind == "truncate":
        return raw[:at]
    if kind == "insert":
        return raw[:at] + draw(st.binary(min_size=1, max_size=64)) + raw[at:]
    end = min(len(raw), at + draw(st.integers(1, 256)))
    if kind == "delete":
        return raw[:at] + raw[end:]
    return raw[:end] + raw[at:end] + raw[end:]


_TAG = re.compile(r"<([A-Za-zА-Яа-яЁё_][\w.:-]*)")
_ATTR = re.compile(r"""([\w.:-]+)=("[^"]*"|'[^']*')""")


@st.composite
def markup_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    """Rename a tag or an attribute, replace an attribute value, or drop an element's start."""
    text, encoding = _decode(raw)
    kind = draw(st.sampled_from(["tag", "attribute name", "attribute value", "drop attribute"]))
    pattern = _TAG if kind == "tag" else _ATTR
    found = list(pattern.finditer(text))
    if not found:
        return raw
    m = found[draw(st.integers(0, len(found) - 1))]
    if kind == "tag":
        new = "<" + draw(st.sampled_from(["x", m.group(1) + "Z", m.group(1).lower(), "Документ", "СвЮЛ"]))
    elif kind == "attribute name":
        new = draw(st.sampled_from(["x", "ИНН", "ОГРН", "Дата"])) + "=" + m.group(2)
    elif kind == "attribute value":
        value = draw(TEXT).replace('"', "&quot;").replace("<", "&lt;").replace("&", "&amp;")
        new = f'{m.group(1)}="{value}"'
    else:
        new = ""
    out = text[: m.start()] + new + text[m.end():]
    return out.encode(encoding, errors="replace")


@st.composite
def element_text_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    """Replace the text between two tags (a price, a date, a registry number) with hostile text."""
    text, encoding = _decode(raw)
    found = list(re.finditer(r">([^<>]+)</", text))
    if not found:
        return raw
    m = found[draw(st.integers(0, len(found) - 1))]
    value = draw(TEXT).replace("&", "&amp;").replace("<", "&lt;")
    return (text[: m.start(1)] + value + text[m.end(1):]).encode(encoding, errors="replace")


@st.composite
def cell_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    """Replace one cell of a CSV, or change the delimiter of one line."""
    text, encoding = _decode(raw)
    lines = text.split("\n")
    row = draw(st.integers(0, len(lines) - 1))
    delimiter = ";" if lines[row].count(";") >= lines[row].count(",") else ","
    cells = lines[row].split(delimiter)
    if draw(st.booleans()):
        cells[draw(st.integers(0, len(cells) - 1))] = draw(TEXT)
        lines[row] = delimiter.join(cells)
    else:
        lines[row] = lines[row].replace(delimiter, draw(st.sampled_from([",", "\t", "|", ";;"])))
    return "\n".join(lines).encode(encoding, errors="replace")


@st.composite
def encoding_mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    """The same text in another encoding, whole or from some line on (a file glued from two)."""
    text, _ = _decode(raw)
    encoding = draw(st.sampled_from(ENCODINGS))
    encoded = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        return encoded
    cut = draw(st.integers(0, len(raw)))
    return raw[:cut] + encoded[cut:]


def mutated(raw: bytes, *, markup: bool = False, cells: bool = False) -> st.SearchStrategy[bytes]:
    """One to three mutations of ``raw``, each of a kind that fits the format."""
    def step(data: bytes) -> st.SearchStrategy[bytes]:
        kinds = [byte_mutation(data), encoding_mutation(data)]
        if markup:
            kinds += [markup_mutation(data), element_text_mutation(data)]
        if cells:
            kinds.append(cell_mutation(data))
        return st.one_of(kinds)

    def chain(n: int) -> st.SearchStrategy[bytes]:
        strategy = step(raw)
        for _ in range(n - 1):
            strategy = strategy.flatmap(step)
        return strategy

    return st.integers(1, 3).flatmap(chain)


def seeds(*folders: Path, suffixes: tuple[str, ...], max_size: int = 60_000) -> list[Path]:
    """Real sample files small enough to be parsed many times a second."""
    found = [p for folder in folders if folder.is_dir() for p in sorted(folder.iterdir())
             if p.suffix.lower() in suffixes and p.stat().st_size <= max_size]
    assert found, folders
    return found
