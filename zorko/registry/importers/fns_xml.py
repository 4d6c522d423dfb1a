"""Value readers shared by the ЕГРЮЛ and ЕГРИП importers (ФНС open-data XML 4.0x)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from zorko.exceptions import ImportFailed
from zorko.registry import xmlstream

Source = str | Path | BinaryIO


def open_source(source: Source, name: str | None) -> tuple[BinaryIO, str, bool]:
    """The byte stream, the name used in error messages, and whether we must close it."""
    if isinstance(source, (str, Path)):
        return open(source, "rb"), name or str(source), True
    return source, name or str(getattr(source, "name", None) or "поток"), False


def xml_date(value: str | None, element: etree._Element, field: str, file: str) -> str | None:
    """An ISO date as the ФНС writes it (YYYY-MM-DD), checked cheaply; DuckDB casts it."""
    if not value:
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit() \
            and value[5:7].isdigit() and value[8:].isdigit():
        return value
    raise ImportFailed(file, f"неверная дата «{value}», ожидается ГГГГ-ММ-ДД", element.sourceline, field)


def xml_number(value: str | None, element: etree._Element, field: str, file: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise ImportFailed(file, f"неверное число «{value}»", element.sourceline, field) from None


def attr_date(element: etree._Element, attr: str, file: str) -> str | None:
    """The date in attribute ``attr``; an error names that attribute."""
    return xml_date(element.get(attr), element, attr, file)


def registration_number(element: etree._Element, attr: str, file: str, holder: str) -> str:
    """The ОГРН / ОГРНИП a record is keyed by: a record without it cannot be stored."""
    value: str | None = element.get(attr)
    if not value:
        raise ImportFailed(file, f"у {holder} нет {attr}", element.sourceline, attr)
    return value


def child_attr(element: etree._Element, path: str, attr: str) -> str | None:
    """``attr`` of the child at ``path``, or None when either is missing."""
    found = element.find(path)
    return None if found is None else found.get(attr)


def person_name(element: etree._Element | None
                ) -> tuple[str | None, str | None, str | None, str | None]:
    """(last, first, middle name, ИННФЛ) of an ``СвФЛ`` / ``ФИОРус`` element."""
    if element is None:
        return None, None, None, None
    return element.get("Фамилия"), element.get("Имя"), element.get("Отчество"), element.get("ИННФЛ")


def record_date(element: etree._Element, file: str, tag: str = "ГРНДатаПерв") -> str | None:
    """The date the registry first recorded this person or fact (``ГРНДатаПерв@ДатаЗаписи``)."""
    found = element.find(tag)
    if found is None:
        return None
    return xml_date(found.get("ДатаЗаписи"), found, tag, file)


def extract_records(
    source: Source, name: str | None, record_tag: str, file_type: str, legacy_root: str
) -> Iterator[tuple[etree._Element, str]]:
    """Stream the ``record_tag`` elements of an open extract with the file name for errors."""
    stream, file, owned = open_source(source, name)
    try:
        check = lambda root: file_type_problem(root, file_type, legacy_root)  # noqa: E731
        for element in xmlstream.records(stream, file, record_tag, check):
            yield element, file
    finally:
        if owned:
            stream.close()


def file_type_problem(root: etree._Element, expected: str, legacy_root: str) -> str | None:
    """Russian error when the root is not an open extract of the expected kind."""
    tag = root.tag
    if tag == legacy_root:
        return None
    if tag != "Файл":
        return f"неизвестный корневой элемент «{tag}»: ожидается «Файл» с ТипИнф=«{expected}»"
    kind = root.get("ТипИнф")
    if kind and kind != expected:
        return f"файл содержит «{kind}», а ожидается «{expected}» — выбран не тот реестр"
    return None
