"""ЕГРЮЛ open extract (``ЕГРЮЛ_ОТКР_СВЕД``, formats 4.0x) → :class:`Company` records.

Reads only the children of ``СвЮЛ`` that Zorko stores and skips the rest
(registry entries ``СвЗапЕГРЮЛ`` make up most of a file), so unknown or
new elements never stop a load. Either address form is read (``АдресРФ``
or ``СвАдрЮЛФИАС``, the ФИАС one preferred), all six founder kinds, the
directors, the managing company and the «недостоверность» marks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from zorko.registry.address import address_line
from zorko.registry.importers.fns_xml import (
    Source,
    attr_date,
    child_attr,
    extract_records,
    person_name,
    record_date,
    registration_number,
    xml_date,
    xml_number,
)

FILE_TYPE = "ЕГРЮЛ_ОТКР_СВЕД"
OWNER_KINDS = ("УчрЮЛРос", "УчрЮЛИн", "УчрРФСубМО", "УчрПИФ", "УчрДогИнвТов")
# КодУчрРФСубМО: who owns on behalf of the state when no name is given.
_STATE_OWNERS = {"1": "Российская Федерация", "2": "Субъект Российской Федерации", "3": "Муниципальное образование"}


@dataclass(slots=True)
class Role:
    """A person named in a company's record: director, founder, head of the managing company…"""

    role: str
    last_name: str | None
    first_name: str | None
    middle_name: str | None
    inn: str | None
    share_percent: float | None = None
    share_nominal: float | None = None
    title: str | None = None
    since: str | None = None
    unreliable: bool = False


@dataclass(slots=True)
class Owner:
    """A founder that is not a person: a company, the state, a fund, a partnership."""

    kind: str
    ogrn: str | None
    inn: str | None
    name: str | None
    share_percent: float | None = None
    share_nominal: float | None = None
    since: str | None = None
    unreliable: bool = False


@dataclass(slots=True)
class Manager:
    """A managing company (``СвУпрОрг``) that acts as the company's executive body."""

    ogrn: str | None
    inn: str | None
    name: str | None
    since: str | None = None
    unreliable: bool = False


@dataclass(slots=True)
class Company:
    ogrn: str
    inn: str | None
    kpp: str | None
    full_name: str | None
    short_name: str | None
    legal_form: str | None
    status: str | None
    terminated_on: str | None
    region: str | None
    address_parts: dict[str, str]
    okved: str | None
    registered_on: str | None
    capital: float | None
    extract_date: str | None
    line: int
    roles: list[Role] = field(default_factory=list)
    owners: list[Owner] = field(default_factory=list)
    managers: list[Manager] = field(default_factory=list)

    @property
    def address(self) -> str:
        return address_line(self.address_parts)


def parse(source: Source, name: str | None = None) -> Iterator[Company]:
    """Yield one :class:`Company` per ``СвЮЛ``; raises ImportFailed naming file and line."""
    for element, file in extract_records(source, name, "СвЮЛ", FILE_TYPE, "EGRUL"):
        yield _company(element, file)


def _company(el: etree._Element, file: str) -> Company:
    ogrn = registration_number(el, "ОГРН", file, "юридического лица")
    company = Company(
        ogrn=ogrn, inn=el.get("ИНН"), kpp=el.get("КПП"), full_name=None, short_name=None,
        legal_form=el.get("ПолнНаимОПФ"), status=None, terminated_on=None, region=None,
        address_parts={}, okved=None,
        registered_on=attr_date(el, "ДатаОГРН", file), capital=None,
        extract_date=attr_date(el, "ДатаВып", file),
        line=el.sourceline or 0,
    )
    fias: etree._Element | None = None
    kladr: etree._Element | None = None
    founders: etree._Element | None = None
    for child in el:
        tag = child.tag
        if tag == "СвНаимЮЛ":
            company.full_name = child.get("НаимЮЛПолн")
            company.short_name = child_attr(child, "СвНаимЮЛСокр", "НаимСокр")
        elif tag == "СвАдресЮЛ":
            fias = child.find("СвАдрЮЛФИАС")
            kladr = child.find("АдресРФ")
        elif tag == "СвСтатус":
            company.status = child_attr(child, "СвСтатус", "НаимСтатусЮЛ") or company.status
        elif tag == "СвПрекрЮЛ":
            company.terminated_on = attr_date(child, "ДатаПрекрЮЛ", file)
            how = child.find("СпПрекрЮЛ")
            if how is not None and company.status is None:
                company.status = how.get("НаимСпПрекрЮЛ")
        elif tag == "СвУстКап":
            company.capital = xml_number(child.get("СумКап"), child, "СумКап", file)
        elif tag == "СведДолжнФЛ":
            company.roles.append(_director(child, file))
        elif tag == "СвУпрОрг":
            _managing_company(child, file, company)
        elif tag == "СвУчредит":
            founders = child
        elif tag == "СвОКВЭД":
            company.okved = child_attr(child, "СвОКВЭДОсн", "КодОКВЭД")
    if fias is not None:
        company.region, company.address_parts = _fias_address(fias)
    if kladr is not None:
        region, parts = _kladr_address(kladr)
        company.region = company.region or region
        if not company.address_parts:
            company.address_parts = parts
    if founders is not None:
        _founders(founders, file, company)
    return company


def _role_parts(el: etree._Element, file: str, role: Role, unreliable_tag: str
                ) -> Iterator[etree._Element]:
    """Fill ``role`` with the person, the first record date and the unreliability mark
    that a director's and a founder's element spell alike; yield the children left."""
    for child in el:
        tag = child.tag
        if tag == "СвФЛ":
            role.last_name, role.first_name, role.middle_name, role.inn = person_name(child)
        elif tag == "ГРНДатаПерв":
            role.since = xml_date(child.get("ДатаЗаписи"), child, tag, file)
        elif tag == unreliable_tag:
            role.unreliable = True
        else:
            yield child


def _director(el: etree._Element, file: str) -> Role:
    role = Role("director", None, None, None, None)
    for child in _role_parts(el, file, role, "СвНедДанДолжнФЛ"):
        if child.tag == "СвДолжн":
            role.title = child.get("НаимДолжн") or child.get("НаимВидДолжн")
    return role


def _managing_company(el: etree._Element, file: str, company: Company) -> None:
    org = el.find("НаимИННЮЛ")
    since = record_date(el, file)
    unreliable = el.find("СвНедДанУпрОрг") is not None
    manager = Manager(
        ogrn=org.get("ОГРН") if org is not None else None,
        inn=org.get("ИНН") if org is not None else None,
        name=org.get("НаимЮЛПолн") if org is not None else None,
        since=since, unreliable=unreliable,
    )
    company.managers.append(manager)
    # The person who heads the managing company on its behalf, when named.
    for holder in (el.find("ПредИнЮЛ"), el.find("СвПредЮЛ")):
        if holder is not None and holder.find("СвФЛ") is not None:
            last, first, middle, inn = person_name(holder.find("СвФЛ"))
            title = f"представитель управляющей организации «{manager.name}»" if manager.name else None
            company.roles.append(Role("manager", last, first, middle, inn, title=title,
                                      since=since, unreliable=unreliable))


def _share(share: etree._Element | None, file: str) -> tuple[float | None, float | None]:
    """(percent, nominal) of ``ДоляУстКап``; the percent may be missing (computed later)."""
    if share is None:
        return None, None
    nominal = xml_number(share.get("НоминСтоим"), share, "НоминСтоим", file)
    percent = None
    for size in share:
        if size.tag != "РазмерДоли":
            continue
        for part in size:
            if part.tag == "Процент":
                percent = xml_number(part.text, part, "Процент", file)
            elif part.tag == "ДробДесят":
                value = xml_number(part.text, part, "ДробДесят", file)
                percent = None if value is None else value * 100
            elif part.tag == "ДробПрост":
                numerator = xml_number(part.get("Числит"), part, "Числит", file)
                denominator = xml_number(part.get("Знаменат"), part, "Знаменат", file)
                if numerator is not None and denominator:
                    percent = numerator / denominator * 100
    return percent, nominal


def _founders(el: etree._Element, file: str, company: Company) -> None:
    for child in el:
        tag = child.tag
        if tag == "УчрФЛ":
            _person_founder(child, file, company)
        elif tag in OWNER_KINDS:
            company.owners.append(_owner(child, tag, file))
            if tag == "УчрРФСубМО":
                agent = child.find("СвФЛОсущПр/СвФЛ")
                if agent is not None:
                    last, first, middle, inn = person_name(agent)
                    company.roles.append(Role("other", last, first, middle, inn,
                                              title="осуществляет права учредителя",
                                              since=record_date(child, file)))
    capital = company.capital
    if capital:
        holders: list[Role | Owner] = [*company.roles, *company.owners]
        for holder in holders:
            if holder.share_percent is None and holder.share_nominal is not None:
                holder.share_percent = round(holder.share_nominal / capital * 100, 4)


# People who exercise a founder's rights without owning the share.
_AGENTS = {
    "СвДовУпрФЛ": "доверительный управляющий долей",
    "ЛицоУпрНасл": "управляющий наследственной долей",
}


def _person_founder(el: etree._Element, file: str, company: Company) -> None:
    role = Role("founder", None, None, None, None)
    agents: list[tuple[etree._Element, str]] = []
    for child in _role_parts(el, file, role, "СвНедДанУчр"):
        tag = child.tag
        if tag == "ДоляУстКап":
            role.share_percent, role.share_nominal = _share(child, file)
        elif tag in _AGENTS:
            agents.append((child, _AGENTS[tag]))
    company.roles.append(role)
    for agent, title in agents:
        person = agent.find("СвФЛ")
        if person is not None:
            last, first, middle, inn = person_name(person)
            company.roles.append(Role("other", last, first, middle, inn, title=title, since=role.since))


def _owner(el: etree._Element, kind: str, file: str) -> Owner:
    percent, nominal = _share(el.find("ДоляУстКап"), file)
    org: etree._Element | None
    name: str | None = None
    if kind == "УчрРФСубМО":
        org = el.find("СвОргОсущПр/НаимИННЮЛ")
        what = el.find("ВидНаимУчр")
        if what is not None:
            name = what.get("НаимМО") or what.get("НаимРегион") \
                or _STATE_OWNERS.get(what.get("КодУчрРФСубМО") or "")
    elif kind == "УчрПИФ":
        org = el.find("СвУпрКомпПИФ/УпрКомпПиф")
        fund = el.find("СвНаимПИФ")
        name = fund.get("НаимПИФ") if fund is not None else None
    elif kind == "УчрДогИнвТов":
        org = next(el.iter("НаимИННЮЛ"), None)
        contract = next((c for c in el if c.get("НаимДог")), None)
        name = contract.get("НаимДог") if contract is not None else None
    else:
        org = el.find("НаимИННЮЛ")
    if org is not None:
        name = name or org.get("НаимЮЛПолн")
    return Owner(
        kind=kind,
        ogrn=org.get("ОГРН") if org is not None else None,
        inn=org.get("ИНН") if org is not None else None,
        name=name, share_percent=percent, share_nominal=nominal,
        since=record_date(el, file), unreliable=el.find("СвНедДанУчр") is not None,
    )


def _typed(el: etree._Element | None, kind: str, name: str) -> str | None:
    if el is None:
        return None
    text = " ".join(v for v in (el.get(kind), el.get(name)) if v)
    return text or None


_KLADR_PARTS = {
    "Регион": ("region", "ТипРегион", "НаимРегион"),
    "Район": ("district", "ТипРайон", "НаимРайон"),
    "Город": ("city", "ТипГород", "НаимГород"),
    "НаселПункт": ("locality", "ТипНаселПункт", "НаимНаселПункт"),
    "Улица": ("street", "ТипУлица", "НаимУлица"),
}


def _kladr_address(el: etree._Element) -> tuple[str | None, dict[str, str]]:
    parts: dict[str, str] = {}
    get = el.get
    if index := get("Индекс"):
        parts["index"] = index
    for child in el:
        spec = _KLADR_PARTS.get(child.tag)
        if spec is not None:
            name = child.get(spec[2])
            if spec[0] == "region":
                if name:
                    parts["region"] = name
            elif kind := child.get(spec[1]):
                parts[spec[0]] = f"{kind} {name}" if name else kind
            elif name:
                parts[spec[0]] = name
    for key, attr in (("house", "Дом"), ("building", "Корпус"), ("flat", "Кварт")):
        if value := get(attr):
            parts[key] = value
    return get("КодРегион"), parts


def _fias_address(el: etree._Element) -> tuple[str | None, dict[str, str]]:
    parts: dict[str, str | None] = {"index": el.get("Индекс")}
    region: str | None = None
    buildings: list[str] = []
    for child in el:
        tag = child.tag
        if tag == "Регион":
            region = (child.text or "").strip() or None
        elif tag == "НаимРегион":
            parts["region"] = child.text
        elif tag == "МуниципРайон":
            parts["district"] = child.get("Наим")
        elif tag == "ГородСелПоселен":
            parts["city"] = child.get("Наим")
        elif tag == "НаселенПункт":
            parts["locality"] = _typed(child, "Вид", "Наим")
        elif tag in ("ЭлУлДорСети", "ЭлПланСтруктур"):
            street = _typed(child, "Тип", "Наим")
            parts["street"] = f"{parts['street']}, {street}" if parts.get("street") else street
        elif tag == "Здание":
            number = _typed(child, "Тип", "Номер")
            if number:
                buildings.append(number)
        elif tag in ("ПомещЗдания", "ПомещКвартиры"):
            flat = _typed(child, "Тип", "Номер")
            parts["flat"] = f"{parts['flat']}, {flat}" if parts.get("flat") else flat
    if buildings:
        parts["house"] = buildings[0]
        if len(buildings) > 1:
            parts["building"] = ", ".join(buildings[1:])
    return region, {k: v for k, v in parts.items() if v}
