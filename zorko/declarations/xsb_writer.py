"""Write ``.xsb`` files from the format description (no real file may be published).

Used by the tests, the demo and the benchmark. The reader is tested on files
this writer did not make too (``tests/declarations/pack_xml.py``).
"""

from __future__ import annotations

import base64
from decimal import Decimal
from pathlib import Path

from lxml import etree

from zorko.declarations import xsb_fields as F
from zorko.declarations.records import Item, ParsedDeclaration
from zorko.declarations.xsb import ATTR, HEADER, NAME


def _field(parent: etree._Element, name: str, value: object) -> etree._Element:
    el = etree.SubElement(parent, ATTR)
    el.set(NAME, name)
    if value not in (None, ""):
        el.text = _plain(value)
    return el


def _plain(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return str(value)


def _item(parent: etree._Element, item: Item) -> None:
    line = etree.SubElement(parent, F.ITEM_ELEMENTS[item.section])
    _, mapping = F.SECTIONS[F.SECTION_ELEMENTS[item.section]]
    written: set[str] = set()
    for xml_name, target in mapping.items():
        if target in written:
            continue
        value = item.extra.get(target[6:]) if target.startswith("extra:") else getattr(item, target)
        if value not in (None, ""):
            _field(line, xml_name, value)
            written.add(target)
    if item.co_owners:
        others = _field(line, F.CO_OWNERS, None)
        for owner in item.co_owners:
            person = etree.SubElement(others, "Лицо")
            _field(person, "Наименование", owner.get("name", ""))
            for name, key in (("ИНН", "inn"), ("ДатаРождения", "birth_date")):
                if owner.get(key):
                    _field(person, name, owner[key])
    sources = item.extra.get("sources")
    if sources:
        holder = _field(line, F.FUND_SOURCES, None)
        for source in sources:
            one = etree.SubElement(holder, "ИсточникСредств")
            _field(one, "ВидДохода", source.get("kind", ""))
            _field(one, "СуммаСредств", source.get("amount", ""))


def to_xml(declarations: list[ParsedDeclaration]) -> str:
    root = etree.Element("Пакет")
    holder = _field(root, "Справки", None)
    for decl in declarations:
        node = etree.SubElement(holder, "Справка")
        if decl.signed_on:
            _field(node, "ДатаОтчета", decl.signed_on)
        if decl.year:
            _field(node, "ОтчетныйПериодНачало", f"{decl.year}-01-01")
            _field(node, "ОтчетныйПериодКонец", f"{decl.year}-12-31")
        _field(node, "Уточнение", "1" if decl.correction else "0")
        _field(node, "ЗаполняетсяНа", F.MEMBER_TEXT[decl.member])
        if decl.position_type:
            _field(node, "ТипДолжностиЗаявителя", decl.position_type)
        p = decl.person
        doc = _field(node, "ДокументУдостоверяющийЛичность", None)
        for name, value in (("Фамилия", p.last_name), ("Имя", p.first_name), ("Отчество", p.middle_name),
                            ("ДатаРождения", p.birth_date)):
            _field(doc, name, value)
        personal = _field(node, "ЛичныеДанные", None)
        for name, value in (("СНИЛС", p.snils), ("Должность", p.position), ("НазваниеОрганизации", p.organisation)):
            if value:
                _field(personal, name, value)
        sections: dict[str, etree._Element] = {}
        for item in decl.items:
            element = F.SECTION_ELEMENTS[item.section]
            if element not in sections:
                sections[element] = _field(node, element, None)
            _item(sections[element], item)
    return str(etree.tostring(root, encoding="unicode"))


def pack(xml: str) -> bytes:
    """The ``.xsb`` bytes of an XML text: header, then base64 of UTF-32LE."""
    return (HEADER + base64.b64encode(xml.encode("utf-32-le")).decode("ascii")).encode("ascii")


def write(path: Path, declarations: list[ParsedDeclaration]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pack(to_xml(declarations)))
    return path
