"""Synthetic registry records written in the real formats: ЕГРЮЛ, ЕГРИП (ФНС open extract, windows-1251)
and ЕИС 44-ФЗ contracts (``export/contract``, UTF-8).

Unlike :mod:`zorko.demo.registry_random`, which invents its own random
companies for the load benchmark, these writers take the records as data —
who directs and founds what, at which address, since when, what is
terminated — so a caller (the demo municipality, tests) decides the cases.
The shapes follow the ФНС and ЕИС files the importers read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from zorko.demo.registry_random import HEAD

PER_FILE = 1000


@dataclass(slots=True)
class Holder:
    """A person in a ЕГРЮЛ role, spelled as the registry spells it."""

    last: str
    first: str
    middle: str
    inn: str | None
    since: date
    female: bool = False


@dataclass(slots=True)
class Address:
    region: str  # two-digit code
    region_name: str
    settlement_kind: str  # «Г», «П», «С», «Д»
    settlement: str
    street: str
    house: str
    flat: str = ""
    index: str = "650000"


@dataclass(slots=True)
class Company:
    ogrn: str
    inn: str
    name: str  # without the legal form: «СИБСТРОЙ»
    address: Address
    registered: date
    directors: list[Holder] = field(default_factory=list)
    founders: list[Holder] = field(default_factory=list)
    terminated: date | None = None

    @property
    def kpp(self) -> str:
        return f"{self.inn[:4]}01001"

    @property
    def full_name(self) -> str:
        return f"ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «{self.name}»"


@dataclass(slots=True)
class Entrepreneur:
    ogrnip: str
    inn: str
    last: str
    first: str
    middle: str
    female: bool
    registered: date
    terminated: date | None = None


@dataclass(slots=True)
class Contract:
    reg_num: str
    customer_name: str
    customer_inn: str
    customer_kpp: str
    sign_date: date
    price: Decimal
    subject: str
    supplier: Company | Entrepreneur


def _fl(h: Holder) -> str:
    inn = f" ИННФЛ={quoteattr(h.inn)}" if h.inn else ""
    return (f"<СвФЛ Фамилия={quoteattr(h.last)} Имя={quoteattr(h.first)} Отчество={quoteattr(h.middle)}"
            f"{inn} />")


def _grn(ogrn: str, on: date) -> str:
    return f'<ГРНДата ГРН="{ogrn}" ДатаЗаписи="{on.isoformat()}" />'


def company_xml(c: Company, extract: date) -> str:
    a = c.address
    reg = c.registered.isoformat()
    flat = f" Кварт={quoteattr(a.flat)}" if a.flat else ""
    parts = [
        f'<Документ ИдДок="{c.ogrn}"><СвЮЛ ДатаВып="{extract.isoformat()}" ОГРН="{c.ogrn}" ДатаОГРН="{reg}" '
        f'ИНН="{c.inn}" КПП="{c.kpp}" СпрОПФ="ОКОПФ" КодОПФ="12300" '
        f'ПолнНаимОПФ="Общества с ограниченной ответственностью">'
        f'<СвНаимЮЛ НаимЮЛПолн={quoteattr(c.full_name)}>{_grn(c.ogrn, c.registered)}'
        f'<СвНаимЮЛСокр НаимСокр={quoteattr(f"ООО «{c.name}»")} /></СвНаимЮЛ>'
        f'<СвАдресЮЛ><АдресРФ Индекс="{a.index}" КодРегион="{a.region}" Дом={quoteattr(a.house)}{flat}>'
        f'<Регион ТипРегион="ОБЛАСТЬ" НаимРегион={quoteattr(a.region_name)} />'
        f'<НаселПункт ТипНаселПункт={quoteattr(a.settlement_kind)} НаимНаселПункт={quoteattr(a.settlement)} />'
        f'<Улица ТипУлица="УЛ" НаимУлица={quoteattr(a.street)} />{_grn(c.ogrn, c.registered)}'
        f'</АдресРФ></СвАдресЮЛ>'
        f'<СвОбрЮЛ ОГРН="{c.ogrn}" ДатаОГРН="{reg}"><СпОбрЮЛ КодСпОбрЮЛ="01" '
        f'НаимСпОбрЮЛ="Создание юридического лица" /></СвОбрЮЛ>',
    ]
    if c.terminated:
        parts.append(f'<СвСтатус><СвСтатус КодСтатусЮЛ="701" НаимСтатусЮЛ="Юридическое лицо ликвидировано" />'
                     f'</СвСтатус><СвПрекрЮЛ ДатаПрекрЮЛ="{c.terminated.isoformat()}"><СпПрекрЮЛ '
                     f'КодСпПрекрЮЛ="201" НаимСпПрекрЮЛ="Ликвидация юридического лица" /></СвПрекрЮЛ>')
    for h in c.directors:
        parts.append(f'<СведДолжнФЛ><ГРНДатаПерв ГРН="{c.ogrn}" ДатаЗаписи="{h.since.isoformat()}" />{_fl(h)}'
                     f'<СвДолжн ВидДолжн="02" НаимВидДолжн="Руководитель юридического лица" '
                     f'НаимДолжн="ДИРЕКТОР" /><СвПолФЛ Пол="{2 if h.female else 1}" /></СведДолжнФЛ>')
    if c.founders:
        parts.append("<СвУчредит>")
        share = round(100 / len(c.founders), 2)
        for h in c.founders:
            parts.append(f'<УчрФЛ><ГРНДатаПерв ГРН="{c.ogrn}" ДатаЗаписи="{h.since.isoformat()}" />{_fl(h)}'
                         f'<ДоляУстКап НоминСтоим="{int(10000 * share)}"><РазмерДоли><Процент>{share}</Процент>'
                         f'</РазмерДоли></ДоляУстКап></УчрФЛ>')
        parts.append("</СвУчредит>")
    parts.append('<СвОКВЭД><СвОКВЭДОсн КодОКВЭД="46.90" НаимОКВЭД="Торговля оптовая неспециализированная" '
                 'ПрВерсОКВЭД="2014" /></СвОКВЭД></СвЮЛ></Документ>\n')
    return "".join(parts)


def entrepreneur_xml(ip: Entrepreneur, extract: date) -> str:
    end = ""
    if ip.terminated:
        end = (f'<СвПрекращ><СвСтатус КодСтатус="201" НаимСтатус="Прекратил деятельность в связи с принятием им '
               f'решения о прекращении деятельности" ДатаПрекращ="{ip.terminated.isoformat()}" /></СвПрекращ>')
    return (f'<Документ ИдДок="{ip.ogrnip}"><СвИП ДатаВып="{extract.isoformat()}" ОГРНИП="{ip.ogrnip}" '
            f'ДатаОГРНИП="{ip.registered.isoformat()}" ИННФЛ="{ip.inn}" КодВидИП="1" '
            f'НаимВидИП="Индивидуальный предприниматель"><СвФЛ Пол="{2 if ip.female else 1}">'
            f'<ФИОРус Фамилия={quoteattr(ip.last)} Имя={quoteattr(ip.first)} Отчество={quoteattr(ip.middle)} />'
            f'</СвФЛ>{end}<СвОКВЭД><СвОКВЭДОсн КодОКВЭД="47.19" '
            f'НаимОКВЭД="Торговля розничная прочая в неспециализированных магазинах" ПрВерсОКВЭД="2014" />'
            f'</СвОКВЭД></СвИП></Документ>\n')


def _write_chunks(folder: Path, prefix: str, kind: str, records: Iterator[str], extract: date) -> list[Path]:
    """ФНС files hold up to 1000 documents each; names carry the extract date like the real ones."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    chunk: list[str] = []

    def flush() -> None:
        path = folder / f"{prefix}_{extract:%Y%m%d}_{len(paths):06d}.xml"
        body = HEAD.format(file_id=path.stem, count=len(chunk)).replace("ЕГРЮЛ_ОТКР_СВЕД", kind)
        path.write_bytes((body + "".join(chunk) + "</Файл>\n").encode("cp1251"))
        paths.append(path)

    for rec in records:
        chunk.append(rec)
        if len(chunk) == PER_FILE:
            flush()
            chunk = []
    if chunk:
        flush()
    return paths


def write_egrul(folder: Path, companies: Iterable[Company], extract: date) -> list[Path]:
    return _write_chunks(folder, "VO_RUGFO_0000_9965", "ЕГРЮЛ_ОТКР_СВЕД",
                         (company_xml(c, extract) for c in companies), extract)


def write_egrip(folder: Path, entrepreneurs: Iterable[Entrepreneur], extract: date) -> list[Path]:
    return _write_chunks(folder, "VO_RIGFO_0000_9965", "ЕГРИП_ОТКР_СВЕД",
                         (entrepreneur_xml(ip, extract) for ip in entrepreneurs), extract)


CONTRACT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns2:export xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/export/1">
    <ns2:contract schemeVersion="7.0">
        <id>{id}</id>
        <customer><fullName>{customer}</fullName><inn>{customer_inn}</inn><kpp>{customer_kpp}</kpp></customer>
        <signDate>{sign}</signDate>
        <regNum>{reg_num}</regNum>
        <priceInfo><price>{price}</price><currency><code>RUB</code><name>Российский рубль</name></currency></priceInfo>
        <products><product><name>{subject}</name></product></products>
        <suppliers><supplier>{supplier}</supplier></suppliers>
    </ns2:contract>
</ns2:export>
"""


def contract_xml(c: Contract) -> str:
    s = c.supplier
    if isinstance(s, Company):
        supplier = (f"<legalEntityRF><fullName>{escape(s.full_name)}</fullName><INN>{s.inn}</INN>"
                    f"<KPP>{s.kpp}</KPP></legalEntityRF>")
    else:
        supplier = (f"<individualPersonRF><lastName>{escape(s.last)}</lastName><firstName>{escape(s.first)}"
                    f"</firstName><middleName>{escape(s.middle)}</middleName><INN>{s.inn}</INN><isIP>true</isIP>"
                    f"</individualPersonRF>")
    return CONTRACT.format(id=c.reg_num[-8:], customer=escape(c.customer_name), customer_inn=c.customer_inn,
                           customer_kpp=c.customer_kpp, sign=c.sign_date.isoformat(), reg_num=c.reg_num,
                           price=f"{c.price:.2f}", subject=escape(c.subject), supplier=supplier)


def write_contracts(folder: Path, contracts: Iterable[Contract]) -> list[Path]:
    """One file per contract, named like the files of the ЕИС FTP dumps."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for c in contracts:
        path = folder / f"contract_{c.reg_num}_{c.reg_num[-8:]}.xml"
        path.write_text(contract_xml(c), encoding="utf-8")
        paths.append(path)
    return paths
