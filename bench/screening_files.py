"""Write the world in the real formats: people XLSX/CSV, ЕГРЮЛ and ЕГРИП XML (windows-1251), ЕИС XML."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import quoteattr

from screening_world import OTHER_REGIONS, REGION, Company, Entrepreneur, Person, World

from zorko.identifiers import make_inn, make_ogrn, make_ogrnip

PER_FILE = 1000


def _d(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def write_people(w: World, folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Служащие")
    ws.append(["табельный_номер", "фамилия", "имя", "отчество", "прежние_фамилии", "дата_рождения", "инн",
               "организация", "организация_инн", "статус", "дата_увольнения", "адрес"])
    for s in w.servants:
        p = s.person
        name, inn = w.orgs[s.org]
        ws.append([s.number, p.last, p.first, p.middle, "; ".join(p.former), _d(p.birth),
                   p.inn if p.inn_known else "", name, inn, s.status, _d(s.dismissed_on), p.address])
    servants = folder / "servants.xlsx"
    wb.save(servants)
    relatives = folder / "relatives.csv"
    with relatives.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";")
        out.writerow(["табельный_номер", "родство", "фамилия", "имя", "отчество", "прежние_фамилии",
                      "дата_рождения", "адрес", "инн"])
        for s in w.servants:
            for r in s.relatives:
                p = r.person
                out.writerow([s.number, r.kinship, p.last, p.first, p.middle, "; ".join(p.former), _d(p.birth),
                              p.address, p.inn if p.inn_known else ""])
    return servants, relatives


_HEAD = ('<?xml version="1.0" encoding="windows-1251"?>\n<Файл ИдФайл="{id}" ВерсФорм="4.06" '
         'ТипИнф="{kind}" ВерсПрог="1.0.0.2" КолДок="{count}">\n<ИдОтпр ДолжОтв="Специалист" Тлф="(495)0000000">'
         '<ФИООтв Фамилия="Тестов" Имя="Тест" Отчество="Тестович" /></ИдОтпр>\n')


def _fl(p: Person, inn: str | None) -> str:
    inn_attr = f' ИННФЛ="{inn}"' if inn else ""
    return f'<СвФЛ Фамилия={quoteattr(p.last)} Имя={quoteattr(p.first)} Отчество={quoteattr(p.middle)}{inn_attr} />'


def _region_name(code: str) -> str:
    return "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС" if code == REGION else f"ОБЛАСТЬ № {code}"


def company_xml(c: Company, extract: str) -> str:
    a = c.address
    since_any = min((s for _, _, s in c.directors + c.founders), default=date(2015, 3, 12))
    reg = since_any.isoformat()
    parts = [f'<Документ ИдДок="{c.ogrn}"><СвЮЛ ДатаВып="{extract}" ОГРН="{c.ogrn}" ДатаОГРН="{reg}" '
             f'ИНН="{c.inn}" КПП="{c.inn[:4]}01001" СпрОПФ="ОКОПФ" КодОПФ="12300" '
             f'ПолнНаимОПФ="Общества с ограниченной ответственностью">'
             f'<СвНаимЮЛ НаимЮЛПолн="ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ &quot;{c.name}&quot;">'
             f'<СвНаимЮЛСокр НаимСокр="ООО &quot;{c.name}&quot;" /></СвНаимЮЛ>'
             f'<СвАдресЮЛ><АдресРФ Индекс="{a["index"]}" КодРегион="{a["region"]}" Дом="{a["house"]}" '
             f'Кварт="{a["flat"]}"><Регион ТипРегион="ОБЛАСТЬ" НаимРегион="{_region_name(a["region"])}" />'
             f'<Город ТипГород="Г" НаимГород={quoteattr(a["city"])} />'
             f'<Улица ТипУлица="УЛ" НаимУлица={quoteattr(a["street"])} /></АдресРФ></СвАдресЮЛ>']
    if c.terminated:
        t = c.terminated.isoformat()
        parts.append(f'<СвСтатус><СвСтатус КодСтатусЮЛ="701" НаимСтатусЮЛ="Юридическое лицо ликвидировано" />'
                     f'</СвСтатус><СвПрекрЮЛ ДатаПрекрЮЛ="{t}"><СпПрекрЮЛ КодСпПрекрЮЛ="201" '
                     f'НаимСпПрекрЮЛ="Ликвидация юридического лица" /></СвПрекрЮЛ>')
    for p, inn, since in c.directors:
        parts.append(f'<СведДолжнФЛ><ГРНДатаПерв ГРН="{c.ogrn}" ДатаЗаписи="{since.isoformat()}" />{_fl(p, inn)}'
                     f'<СвДолжн ВидДолжн="02" НаимВидДолжн="Руководитель юридического лица" '
                     f'НаимДолжн="ДИРЕКТОР" /></СведДолжнФЛ>')
    if c.founders:
        parts.append("<СвУчредит>")
        share = round(100 / len(c.founders), 2)
        for p, inn, since in c.founders:
            parts.append(f'<УчрФЛ><ГРНДатаПерв ГРН="{c.ogrn}" ДатаЗаписи="{since.isoformat()}" />{_fl(p, inn)}'
                         f'<ДоляУстКап НоминСтоим="10000"><РазмерДоли><Процент>{share}</Процент></РазмерДоли>'
                         f'</ДоляУстКап></УчрФЛ>')
        parts.append("</СвУчредит>")
    parts.append("</СвЮЛ></Документ>\n")
    return "".join(parts)


def entrepreneur_xml(ip: Entrepreneur, extract: str) -> str:
    last, first, middle = ip.registry_name
    end = ""
    if ip.terminated:
        end = (f'<СвПрекращ><СвСтатус КодСтатус="201" НаимСтатус="Прекратил деятельность в связи с принятием им '
               f'решения о прекращении деятельности" ДатаПрекращ="{ip.terminated.isoformat()}" /></СвПрекращ>')
    return (f'<Документ ИдДок="{ip.ogrnip}"><СвИП ДатаВып="{extract}" ОГРНИП="{ip.ogrnip}" ДатаОГРНИП="2019-04-01" '
            f'ИННФЛ="{ip.person.inn}" КодВидИП="1" НаимВидИП="Индивидуальный предприниматель">'
            f'<СвФЛ Пол="{1 if ip.person.male else 2}"><ФИОРус Фамилия={quoteattr(last)} Имя={quoteattr(first)} '
            f'Отчество={quoteattr(middle)} /></СвФЛ>{end}</СвИП></Документ>\n')


def _write_chunks(folder: Path, prefix: str, kind: str, records: Iterator[str], extract: str) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    chunk: list[str] = []
    index = 0

    def flush() -> None:
        nonlocal index
        path = folder / f"{prefix}_{extract.replace('-', '')}_{index:06d}.xml"
        body = _HEAD.format(id=path.stem, kind=kind, count=len(chunk)) + "".join(chunk) + "</Файл>\n"
        path.write_bytes(body.encode("cp1251"))
        index += 1

    for rec in records:
        chunk.append(rec)
        total += 1
        if len(chunk) == PER_FILE:
            flush()
            chunk = []
    if chunk:
        flush()
    return total


def _filler_companies(w: World, count: int) -> Iterator[Company]:
    rng = w.rng
    for i in range(count):
        region = REGION if rng.random() < 0.03 else rng.choice(OTHER_REGIONS)
        n = 5_000_000 + i
        ogrn = make_ogrn(f"1{10 + n % 15:02d}{region}{n % 100:02d}{n // 100 % 100000:05d}")
        inn = make_inn(f"{region}{n % 100:02d}{n // 100 % 100000:05d}", person=False)
        c = Company(ogrn, inn, f"ФИРМА-{n}", region, w.random_company_address(region))
        since = date(2010, 1, 1) + timedelta(days=n % 5000)
        d = w.person(rng.random() < 0.6, region=region)
        c.directors.append((d, d.inn if rng.random() < 0.85 else None, since))
        for _ in range(1 if rng.random() < 0.7 else 2):
            f = d if rng.random() < 0.5 else w.person(rng.random() < 0.6, region=region)
            c.founders.append((f, f.inn if rng.random() < 0.85 else None, since))
        yield c


def _filler_entrepreneurs(w: World, count: int) -> Iterator[Entrepreneur]:
    for i in range(count):
        region = REGION if w.rng.random() < 0.03 else w.rng.choice(OTHER_REGIONS)
        p = w.person(w.rng.random() < 0.6, region=region)
        ogrnip = make_ogrnip(f"3{10 + i % 15:02d}{region}{7_000_000 + i:09d}")
        yield Entrepreneur(ogrnip, p, (p.last.upper(), p.first.upper(), p.middle.upper()), region)


def write_egrul(w: World, folder: Path, filler: int, extract: str) -> int:
    def records() -> Iterator[str]:
        for c in w.companies:
            yield company_xml(c, extract)
        for c in _filler_companies(w, filler):
            yield company_xml(c, extract)

    return _write_chunks(folder, "VO_RUGFO_0000_9965", "ЕГРЮЛ_ОТКР_СВЕД", records(), extract)


def write_egrip(w: World, folder: Path, filler: int, extract: str) -> int:
    def records() -> Iterator[str]:
        for ip in w.entrepreneurs:
            yield entrepreneur_xml(ip, extract)
        for ip in _filler_entrepreneurs(w, filler):
            yield entrepreneur_xml(ip, extract)

    return _write_chunks(folder, "VO_RIGFO_0000_9965", "ЕГРИП_ОТКР_СВЕД", records(), extract)


CONTRACT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns2:export xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/export/1">
    <ns2:contract schemeVersion="7.0">
        <id>{id}</id>
        <customer><fullName>{customer}</fullName><inn>{customer_inn}</inn><kpp>{customer_kpp}</kpp></customer>
        <signDate>{sign}</signDate>
        <regNum>{reg_num}</regNum>
        <priceInfo><price>{price}</price><currency><code>RUB</code><name>Российский рубль</name></currency></priceInfo>
        <products><product><name>Поставка товаров для муниципальных нужд</name></product></products>
        <suppliers><supplier>{supplier}</supplier></suppliers>
    </ns2:contract>
</ns2:export>
"""


def write_contracts(w: World, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for c in w.contracts:
        if c.customer >= 0:
            customer, customer_inn = w.orgs[c.customer]
        else:
            customer, customer_inn = "Заказчик вне округа", make_inn("540500001", person=False)
        s = c.supplier
        if isinstance(s, Company):
            supplier = (f"<legalEntityRF><fullName>ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ &quot;{s.name}&quot;"
                        f"</fullName><INN>{s.inn}</INN><KPP>{s.inn[:4]}01001</KPP></legalEntityRF>")
        else:
            last, first, middle = s.registry_name
            supplier = (f"<individualPersonRF><lastName>{last}</lastName><firstName>{first}</firstName>"
                        f"<middleName>{middle}</middleName><INN>{s.person.inn}</INN><isIP>true</isIP>"
                        f"</individualPersonRF>")
        xml = CONTRACT.format(id=c.reg_num[-8:], customer=customer, customer_inn=customer_inn,
                              customer_kpp=customer_inn[:4] + "01001", sign=c.sign_date.isoformat(),
                              reg_num=c.reg_num, price=c.price, supplier=supplier)
        (folder / f"contract_{c.reg_num}_{c.reg_num[-8:]}.xml").write_text(xml, encoding="utf-8")
    return len(w.contracts)
