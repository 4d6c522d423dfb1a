"""ЕГРИП open extract (``ЕГРИП_ОТКР_СВЕД``, formats 4.0x) → :class:`Entrepreneur` records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from zorko.exceptions import ImportFailed
from zorko.registry.importers.fns_xml import Source, extract_records, xml_date

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
    ogrnip = el.get("ОГРНИП")
    if not ogrnip:
        raise ImportFailed(file, "у индивидуального предпринимателя нет ОГРНИП", el.sourceline, "ОГРНИП")
    item = Entrepreneur(
        ogrnip=ogrnip, inn=el.get("ИННФЛ"), last_name=None, first_name=None, middle_name=None,
        kind=el.get("НаимВидИП"), status=None, terminated_on=None, region=None, okved=None,
        registered_on=xml_date(el.get("ДатаОГРНИП"), el, "ДатаОГРНИП", file),
        extract_date=xml_date(el.get("ДатаВып"), el, "ДатаВып", file),
        line=el.sourceline or 0,
    )
    for child in el:
        tag = child.tag
        if tag == "СвФЛ":
            name = child.find("ФИОРус")
            if name is not None:
                item.last_name = name.get("Фамилия")
                item.first_name = name.get("Имя")
                item.middle_name = name.get("Отчество")
        elif tag == "СвАдрМЖ":
            address = child.find("АдресРФ")
            if address is not None:
                item.region = address.get("КодРегион")
        elif tag == "СвСтатус":
            status = child.find("СвСтатус")
            if status is not None:
                item.status = status.get("НаимСтатус")
        elif tag == "СвПрекращ":
            status = child.find("СвСтатус")
            if status is not None:
                item.status = status.get("НаимСтатус") or item.status
                item.terminated_on = xml_date(status.get("ДатаПрекращ"), status, "ДатаПрекращ", file)
        elif tag == "СвОКВЭД":
            main = child.find("СвОКВЭДОсн")
            if main is not None:
                item.okved = main.get("КодОКВЭД")
    if item.region is None and len(ogrnip) == 15:
        # ОГРНИП digits 4–5 are the region code of the registering office.
        item.region = ogrnip[3:5]
    return item
