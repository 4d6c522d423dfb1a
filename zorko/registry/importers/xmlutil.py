"""Namespace-blind helpers over lxml elements.

The ЕИС changes namespaces between schema versions and mixes case
(``inn`` in the old schema, ``INN`` in the current one), so lookups go by
local name, case-insensitively.
"""

from __future__ import annotations

from lxml import etree


def local(tag: object) -> str:
    """Local name of a tag («{http://…}contract» → «contract»); '' for comments."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def child(el: etree._Element | None, name: str) -> etree._Element | None:
    """First direct child with this local name (case-insensitive)."""
    if el is None:
        return None
    wanted = name.lower()
    for item in el:
        if local(item.tag).lower() == wanted:
            return item
    return None


def children(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    wanted = name.lower()
    return [item for item in el if local(item.tag).lower() == wanted]


def path(el: etree._Element | None, *names: str) -> etree._Element | None:
    for name in names:
        el = child(el, name)
    return el


def text(el: etree._Element | None, *names: str) -> str | None:
    """Stripped text at a child path, or None when absent or blank."""
    node = path(el, *names)
    if node is None or node.text is None:
        return None
    value = node.text.strip()
    return value or None


def first_texts(el: etree._Element) -> dict[str, str]:
    """First non-blank text of every descendant, keyed by lower-case local name."""
    found: dict[str, str] = {}
    for node in el.iter():
        name = local(node.tag).lower()
        if name and name not in found and node.text and node.text.strip():
            found[name] = node.text.strip()
    return found


def syntax_reason(exc: etree.XMLSyntaxError) -> str:
    """Russian wording for lxml's parse errors: the user needs to know what to fix."""
    message = str(exc.msg or exc)
    lowered = message.lower()
    if "encoding" in lowered or "utf-8" in lowered or "bytes:" in lowered:
        return f"неверная кодировка файла (ожидалась кодировка из заголовка XML): {message}"
    if "premature end" in lowered or "end of data" in lowered or "not closed" in lowered:
        return f"файл обрезан (XML не завершён): {message}"
    if "document is empty" in lowered or "start tag expected" in lowered:
        return f"файл пуст или не является XML: {message}"
    return f"ошибка в структуре XML: {message}"
