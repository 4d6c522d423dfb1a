"""«Справки БК» ``.xsb`` files: the reader (intake) and a writer (tests, the demo, the benchmark).

An ``.xsb`` file is text: 6 characters of header, then base64 of the XML in
UTF-32LE. The XML is ``Пакет/Атрибут[@Имя='Справки']/Справка*``; every field
is an ``<Атрибут Имя="…">`` (an element named after the field is read too),
sections hold one element per line. Fields are read by name; unknown
sections and fields are ignored, missing ones stay empty.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from zorko.declarations import xsb_fields as F
from zorko.declarations.records import Item, Member, ParsedDeclaration, Person
from zorko.exceptions import ImportFailed, InputFileError, InputProblem

HEADER = "XSB001"  # any 6 characters: the reader skips them unread
ATTR = "Атрибут"
NAME = "Имя"
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def decode(raw: bytes, file: str) -> str:
    """The XML text of an ``.xsb`` file; ``ImportFailed`` names what is broken."""
    text = raw.decode("latin-1")[len(HEADER):]
    payload = re.sub(r"\s+", "", text)
    if not payload:
        raise ImportFailed(file, "файл пуст или обрезан: после заголовка нет данных")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ImportFailed(file, f"файл повреждён: данные не в кодировке base64 ({exc})") from exc
    if len(data) % 4:
        raise ImportFailed(file, "файл повреждён: длина данных не кратна 4 байтам (ожидается UTF-32LE)")
    try:
        xml = data.decode("utf-32-le")
    except UnicodeDecodeError as exc:
        raise ImportFailed(file, f"файл повреждён: текст не в кодировке UTF-32LE ({exc.reason})") from exc
    return xml.lstrip("\ufeff")


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def field_name(el: etree._Element) -> str:
    return (el.get(NAME) or "").strip() if _local(el.tag) == ATTR else _local(el.tag)


def fields(node: etree._Element) -> dict[str, etree._Element]:
    """A node's fields by name (the first of a repeated name wins)."""
    out: dict[str, etree._Element] = {}
    for child in node:
        name = field_name(child)
        if name and name not in out:
            out[name] = child
    return out


def text(el: etree._Element | None) -> str:
    if el is None or len(el):
        return ""
    return " ".join((el.text or "").split())


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[InputProblem] = []
        self.number = 0

    def problem(self, field: str, value: str | None, reason: str) -> None:
        self.problems.append(InputProblem(f"{self.file}, справка № {self.number}", None, field, value, reason))

    def amount(self, field: str, value: str) -> Decimal | None:
        if not value:
            return None
        cleaned = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or number < 0:
            self.problem(field, value, "ожидается неотрицательное число")
            return None
        return number

    def day(self, field: str, value: str) -> date | None:
        if not value:
            return None
        try:
            if re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", value):
                return date(int(value[6:]), int(value[3:5]), int(value[:2]))
            return date.fromisoformat(value[:10])
        except ValueError:
            self.problem(field, value, "ожидается дата ГГГГ-ММ-ДД")
            return None

    def member(self, value: str) -> Member:
        low = value.lower()
        if "супруг" in low:
            return Member.SPOUSE
        if "ребен" in low or "ребён" in low or low.startswith(("сын", "доч")) or low == Member.CHILD:
            return Member.CHILD
        if not low or low in {"себя", "служащий", "заявитель", "декларант", "себя лично", Member.DECLARANT}:
            return Member.DECLARANT
        self.problem("ЗаполняетсяНа", value, "ожидается «служащий», «супруг(а)» или «несовершеннолетний ребенок»")
        return Member.DECLARANT

    def person(self, f: dict[str, etree._Element]) -> Person:
        doc = fields(f["ДокументУдостоверяющийЛичность"]) if "ДокументУдостоверяющийЛичность" in f else {}
        personal = fields(f["ЛичныеДанные"]) if "ЛичныеДанные" in f else {}
        both = {**doc, **personal}
        person = Person(
            last_name=text(both.get("Фамилия")), first_name=text(both.get("Имя")),
            middle_name=text(both.get("Отчество")),
            birth_date=self.day("ДатаРождения", text(both.get("ДатаРождения"))),
            snils=re.sub(r"\D", "", text(both.get("СНИЛС"))),
            position=text(both.get("Должность")), organisation=text(both.get("НазваниеОрганизации")),
        )
        if not person.last_name or not person.first_name:
            self.problem("ДокументУдостоверяющийЛичность", None, "не указаны фамилия и имя")
        return person

    def item(self, section_name: str, node: etree._Element) -> Item:
        section, mapping = F.SECTIONS[section_name]
        item = Item(section)
        f = fields(node)
        for xml_name, target in mapping.items():
            value = text(f.get(xml_name))
            if not value:
                continue
            where = f"{section_name}/{xml_name}"
            if target.startswith("extra:"):
                item.extra[target[6:]] = value
            elif target in F.AMOUNT_FIELDS:
                setattr(item, target, self.amount(where, value))
            elif target in ("inn", "ogrn"):
                setattr(item, target, re.sub(r"\D", "", value))
            elif not getattr(item, target):
                setattr(item, target, value)
        if F.CO_OWNERS in f:
            item.co_owners = [{"name": " ".join(p for p in (text(o.get("Фамилия")), text(o.get("Имя")),
                                                             text(o.get("Отчество")), text(o.get("Наименование")))
                                                if p),
                               "inn": re.sub(r"\D", "", text(o.get("ИНН"))),
                               "birth_date": text(o.get("ДатаРождения"))}
                              for o in (fields(x) for x in f[F.CO_OWNERS])]
        if F.FUND_SOURCES in f:
            sources = [fields(x) for x in f[F.FUND_SOURCES]]
            item.extra["sources"] = [{"kind": text(s.get("ВидДохода")),
                                      "amount": str(self.amount(f"{section_name}/СуммаСредств",
                                                                text(s.get("СуммаСредств"))) or "")}
                                     for s in sources]
            if not item.basis:
                item.basis = "; ".join(s["kind"] for s in item.extra["sources"] if s["kind"])
        return item

    def declaration(self, node: etree._Element) -> ParsedDeclaration:
        f = fields(node)
        end = self.day("ОтчетныйПериодКонец", text(f.get("ОтчетныйПериодКонец")))
        start = self.day("ОтчетныйПериодНачало", text(f.get("ОтчетныйПериодНачало")))
        period = end or start
        decl = ParsedDeclaration(
            year=period.year if period else None,
            member=self.member(text(f.get("ЗаполняетсяНа"))),
            person=self.person(f),
            correction=text(f.get("Уточнение")).lower() in F.TRUE_WORDS,
            signed_on=self.day("ДатаОтчета", text(f.get("ДатаОтчета")) or text(f.get("ДатаПодписи"))),
            position_type=text(f.get("ТипДолжностиЗаявителя")),
        )
        for name, el in f.items():
            section = F.SECTION_ALIASES.get(name, name)
            if section in F.SECTIONS:
                decl.items.extend(self.item(section, line) for line in el if isinstance(line.tag, str))
        return decl


def parse_xml(xml: str, file: str) -> list[ParsedDeclaration]:
    try:
        root = etree.fromstring(_DECLARATION.sub("", xml, count=1), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(file, f"файл повреждён: ошибка XML ({exc.msg})", line=exc.lineno) from exc
    if _local(root.tag) != "Пакет":
        raise ImportFailed(file, f"это не пакет «Справки БК»: корневой элемент «{_local(root.tag)}» вместо «Пакет»")
    holder = fields(root).get("Справки")
    nodes = [n for n in holder if isinstance(n.tag, str) and _local(n.tag) == "Справка"] if holder is not None else []
    if not nodes:
        raise ImportFailed(file, "в пакете нет справок (Пакет/Атрибут Имя=«Справки»/Справка)")
    reader = _Reader(file)
    out = []
    for number, node in enumerate(nodes, 1):
        reader.number = number
        out.append(reader.declaration(node))
    if reader.problems:
        raise InputFileError(reader.problems)
    return out


def read(raw: bytes, file: str) -> list[ParsedDeclaration]:
    """Every справка of one ``.xsb`` file (errors name the справка by its number in the file)."""
    return parse_xml(decode(raw, file), file)
