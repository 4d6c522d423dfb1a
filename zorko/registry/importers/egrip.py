"""ЕГРИП open extract (``ЕГРИП_ОТКР_СВЕД``, formats 4.0x) → :class:`Entrepreneur` records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from zorko.registry.importers.fns_xml import (
    Source,
    attr_date,
    child_attr,
    extract_records,
    person_name,
    registration_number,
)

FILE_TYPE = "ЕГРИП_ОТКР_СВЕД"


@dataclass(slots=True)
class Entrepreneur:
    ogrnip: str
    inn: str | None
    last_name: str | None
    first_name: str | None
    middle_name: str | None
    kind: str | None
    status: str | None
    terminated_on: str | None
    region: str | None
    okved: str | None
    registered_on: str | None
    extract_date: str | None
    line: int


def parse(source: Source, name: str | None = None) -> Iterator[Entrepreneur]:
    """Yield one :class:`Entrepreneur` per ``СвИП``; raises ImportFailed naming file and line."""
    for element, file in extract_records(source, name, "СвИП", FILE_TYPE, "EGRIP"):
        yield _entrepreneur(element, file)


def _entrepreneur(el: etree._Element, file: str) -> Entrepreneur:
    ogrnip = registration_number(el, "ОГРНИП", file, "индивидуального предпринимателя")
    item = Entrepreneur(
        ogrnip=ogrnip, inn=el.get("ИННФЛ"), last_name=None, first_name=None, middle_name=None,
        kind=el.get("НаимВидИП"), status=None, terminated_on=None, region=None, okved=None,
        registered_on=attr_date(el, "ДатаОГРНИП", file), extract_date=attr_date(el, "ДатаВып", file),
        line=el.sourceline or 0,
    )
    for child in el:
        tag = child.tag
        if tag == "СвФЛ":
            item.last_name, item.first_name, item.middle_name, _ = person_name(child.find("ФИОРус"))
        elif tag == "СвАдрМЖ":
            item.region = child_attr(child, "АдресРФ", "КодРегион")
        elif tag == "СвСтатус":
            item.status = child_attr(child, "СвСтатус", "НаимСтатус")
        elif tag == "СвПрекращ":
            status = child.find("СвСтатус")
            if status is not None:
                item.status = status.get("НаимСтатус") or item.status
                item.terminated_on = attr_date(status, "ДатаПрекращ", file)
        elif tag == "СвОКВЭД":
            item.okved = child_attr(child, "СвОКВЭДОсн", "КодОКВЭД")
    if item.region is None and len(ogrnip) == 15:
        # ОГРНИП digits 4–5 are the region code of the registering office.
        item.region = ogrnip[3:5]
    return item
