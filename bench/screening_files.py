"""Write the world in the real formats: people XLSX/CSV, ЕГРЮЛ and ЕГРИП XML (windows-1251), ЕИС XML.

The registry files come from the writers of :mod:`zorko.demo.registry_records` (the ones the
demo uses): the world's companies, entrepreneurs and contracts are turned into its records here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from itertools import chain
from pathlib import Path

from screening_world import OTHER_REGIONS, REGION, Company, Contract, Entrepreneur, Person, World

from zorko.demo import registry_records as records
from zorko.identifiers import make_inn, make_ogrn, make_ogrnip


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


def _region_name(code: str) -> str:
    return "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС" if code == REGION else f"ОБЛАСТЬ № {code}"


def _holder(p: Person, inn: str | None, since: date) -> records.Holder:
    return records.Holder(p.last, p.first, p.middle, inn, since, female=not p.male)


def _company(w: World, c: Company) -> records.Company:
    for p, _, _ in c.directors + c.founders:
        w.note(p.last, p.first, p.middle, p.inn, c.region)
    a = c.address
    address = records.Address(a["region"], _region_name(a["region"]), "Г", a["city"], a["street"],
                              a["house"], a["flat"], a["index"])
    registered = min((s for _, _, s in c.directors + c.founders), default=date(2015, 3, 12))
    return records.Company(c.ogrn, c.inn, c.name, address, registered,
                           directors=[_holder(*d) for d in c.directors],
                           founders=[_holder(*f) for f in c.founders], terminated=c.terminated)


def _entrepreneur(w: World, ip: Entrepreneur) -> records.Entrepreneur:
    last, first, middle = ip.registry_name
    w.note(last, first, middle, ip.person.inn, ip.region)
    return records.Entrepreneur(ip.ogrnip, ip.person.inn, last, first, middle, not ip.person.male,
                                date(2019, 4, 1), ip.terminated)


def _filler_companies(w: World, count: int) -> Iterator[Company]:
    rng = w.rng
    for i in range(count):
        region = REGION if rng.random() < w.region_share else rng.choice(OTHER_REGIONS)
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
        region = REGION if w.rng.random() < w.region_share else w.rng.choice(OTHER_REGIONS)
        p = w.person(w.rng.random() < 0.6, region=region)
        ogrnip = make_ogrnip(f"3{10 + i % 15:02d}{region}{7_000_000 + i:09d}")
        yield Entrepreneur(ogrnip, p, (p.last.upper(), p.first.upper(), p.middle.upper()), region)


def write_egrul(w: World, folder: Path, filler: int, extract: date) -> int:
    companies = chain(w.companies, _filler_companies(w, filler))
    records.write_egrul(folder, map(partial(_company, w), companies), extract)
    return len(w.companies) + filler


def write_egrip(w: World, folder: Path, filler: int, extract: date) -> int:
    entrepreneurs = chain(w.entrepreneurs, _filler_entrepreneurs(w, filler))
    records.write_egrip(folder, map(partial(_entrepreneur, w), entrepreneurs), extract)
    return len(w.entrepreneurs) + filler


def write_contracts(w: World, folder: Path) -> int:
    records.write_contracts(folder, map(partial(_contract, w), w.contracts))
    return len(w.contracts)


def _contract(w: World, c: Contract) -> records.Contract:
    if c.customer >= 0:
        customer, customer_inn = w.orgs[c.customer]
    else:
        customer, customer_inn = "Заказчик вне округа", make_inn("540500001", person=False)
    s = c.supplier
    supplier = _company(w, s) if isinstance(s, Company) else _entrepreneur(w, s)
    return records.Contract(c.reg_num, customer, customer_inn, customer_inn[:4] + "01001", c.sign_date,
                            Decimal(c.price), "Поставка товаров для муниципальных нужд", supplier)
