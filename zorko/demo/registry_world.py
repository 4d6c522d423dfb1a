"""The demo registry world: background companies, entrepreneurs and contracts, and the planted cases.

Deterministic by seed, built from the demo people's rows
(:func:`zorko.demo.people.generate`), so ``zorko demo`` gives the same
registry for the same municipality. Dates are anchored on the day the demo
people were generated (``DemoData.today``), so the extract counts as fresh for the KPI.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from zorko.demo import registry_people as rp
from zorko.demo import world as demo_world
from zorko.demo.people import DemoData, organisation_inn
from zorko.demo.registry_records import Address, Company, Contract, Entrepreneur, Holder
from zorko.identifiers import make_inn, make_ogrn, make_ogrnip

HOME_REGION, HOME_REGION_NAME = "42", "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС"
OTHER_REGIONS = {"54": ("НОВОСИБИРСКАЯ ОБЛАСТЬ", "НОВОСИБИРСК"), "70": ("ТОМСКАЯ ОБЛАСТЬ", "ТОМСК"),
                 "22": ("АЛТАЙСКИЙ КРАЙ", "БАРНАУЛ"), "24": ("КРАСНОЯРСКИЙ КРАЙ", "КРАСНОЯРСК"),
                 "38": ("ИРКУТСКАЯ ОБЛАСТЬ", "ИРКУТСК"), "55": ("ОМСКАЯ ОБЛАСТЬ", "ОМСК")}
CITY_STREETS = ("ЛЕНИНА", "СОВЕТСКИЙ", "КИРОВА", "ГАГАРИНА", "ШАХТЕРОВ", "ВЕСЕННЯЯ", "КУЗНЕЦКИЙ",
                "ТУХАЧЕВСКОГО", "ПИОНЕРСКИЙ", "ЮБИЛЕЙНАЯ", "ПРОМЫШЛЕННАЯ", "ЗАВОДСКАЯ")
WORDS = ("СИБ", "КУЗБАСС", "СТРОЙ", "ТОРГ", "СЕРВИС", "ПРОМ", "ТЕХНО", "АГРО", "ЛЕС", "ТРАНС", "УГОЛЬ",
         "ЭНЕРГО", "МОНТАЖ", "СНАБ", "ДОРСТРОЙ", "КОМПЛЕКТ", "ИНВЕСТ", "ГРУПП", "ЛАЙН", "ПЛЮС")
SUBJECTS = ("Поставка канцелярских товаров", "Ремонт автомобильной дороги", "Поставка продуктов питания",
            "Уборка территории", "Поставка компьютерной техники", "Текущий ремонт здания",
            "Вывоз твёрдых коммунальных отходов", "Поставка горюче-смазочных материалов",
            "Содержание автомобильных дорог в зимний период", "Поставка мебели",
            "Оказание услуг по охране объекта", "Благоустройство общественной территории")
# A surname borne by at most this many demo people (in any form, former ones included) counts as rare.
RARE_SURNAME = 8
OUTSIDE_CUSTOMER = ("ГКУ «Центр закупок Новосибирской области» (демо)", make_inn("540500001", person=False))


@dataclass(frozen=True, slots=True)
class Planted:
    rule: str
    personnel_number: str
    subject: str  # ОГРН or ОГРНИП
    note: str


@dataclass(slots=True)
class RegistryWorld:
    companies: list[Company] = field(default_factory=list)
    entrepreneurs: list[Entrepreneur] = field(default_factory=list)
    contracts: list[Contract] = field(default_factory=list)
    planted: list[Planted] = field(default_factory=list)
    decoys: list[Planted] = field(default_factory=list)


class RegistryBuilder:
    def __init__(self, data: DemoData, seed: int) -> None:
        self.rng = random.Random(f"zorko-demo-registry-{seed}")
        self.world = RegistryWorld()
        self.data = data
        self.today = data.today
        self.orgs = {organisation_inn(o): o["name"] for o in demo_world.ORGANISATIONS}
        self.relatives: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in data.relatives:
            self.relatives[row["табельный_номер"]].append(row)
        self.used: set[str] = set()
        # How many demo people (servants and relatives) bear each full name, now or under a former surname.
        self.name_count = Counter(name for r in (*data.servants, *data.relatives) for name in all_names(r))
        self.surname_count = Counter(rp.male_surname(n.split(" ")[0])
                                     for r in (*data.servants, *data.relatives) for n in all_names(r))
        self.n_company = self.n_ip = self.n_contract = self.n_inn = 0

    # --- identifiers and records ---------------------------------------------------------------
    def person_inn(self, region: str = HOME_REGION) -> str:
        self.n_inn += 1
        return make_inn(f"{region}11{self.n_inn:06d}", person=True)

    def capped(self, day: date) -> date:
        """No record of an extract dated today can bear a later date (a planted case may ask for one)."""
        return min(day, self.today)

    def date_before(self, days_from: int, days_to: int, anchor: date | None = None) -> date:
        return (anchor or self.today) - timedelta(days=self.rng.randrange(days_from, days_to))

    def city_address(self, region: str = HOME_REGION) -> Address:
        name, city = (HOME_REGION_NAME, "КЕМЕРОВО") if region == HOME_REGION else OTHER_REGIONS[region]
        return Address(region, name, "Г", city, self.rng.choice(CITY_STREETS), f"Д. {self.rng.randrange(1, 150)}",
                       f"ОФ. {self.rng.randrange(1, 40)}" if self.rng.random() < 0.5 else "",
                       index=f"650{self.rng.randrange(1000):03d}" if region == HOME_REGION
                       else f"6{self.rng.randrange(30000, 99999)}")

    def company(self, region: str = HOME_REGION, address: Address | None = None, name: str = "",
                registered: date | None = None) -> Company:
        self.n_company += 1
        n = self.n_company
        registered = self.capped(registered or self.date_before(200, 5000))
        company = Company(
            make_ogrn(f"1{registered.year % 100:02d}{region}{n:07d}"),
            make_inn(f"{region}{self.rng.choice(('05', '06', '07', '34'))}{n:05d}", person=False),
            name or f"{self.rng.choice(WORDS)}{self.rng.choice(WORDS)}-{n}",
            address or self.city_address(region), registered)
        self.world.companies.append(company)
        return company

    def stranger(self, region: str = HOME_REGION, since: date | None = None) -> Holder:
        last, first, middle, female = rp.background_person(self.rng)
        inn = self.person_inn(region) if self.rng.random() < 0.85 else None
        return Holder(*rp.registry_spelling(self.rng, last, first, middle), inn, self.capped(since or self.today),
                      female)

    def entrepreneur(self, last: str, first: str, middle: str, inn: str, female: bool,
                     region: str = HOME_REGION, registered: date | None = None) -> Entrepreneur:
        self.n_ip += 1
        registered = self.capped(registered or self.date_before(100, 4000))
        ip = Entrepreneur(make_ogrnip(f"3{registered.year % 100:02d}{region}{7_000_000 + self.n_ip:09d}"), inn,
                          *rp.registry_spelling(self.rng, last, first, middle), female, registered)
        self.world.entrepreneurs.append(ip)
        return ip

    def contract(self, customer_inn: str | None, supplier: Company | Entrepreneur,
                 sign_date: date | None = None) -> Contract:
        self.n_contract += 1
        name, inn = (self.orgs[customer_inn], customer_inn) if customer_inn else OUTSIDE_CUSTOMER
        sign = self.capped(sign_date or self.date_before(5, 700))
        contract = Contract(f"3{inn}{sign.year % 100:02d}{self.n_contract:06d}", name, inn, f"{inn[:4]}01001",
                            sign, Decimal(self.rng.randrange(3_000_000, 300_000_000)) / 100,
                            self.rng.choice(SUBJECTS), supplier)
        self.world.contracts.append(contract)
        return contract

    # --- the haystack ----------------------------------------------------------------------------
    def background(self, companies: int, entrepreneurs: int) -> None:
        local: list[Company] = []
        for _ in range(companies):
            region = HOME_REGION if self.rng.random() < 0.2 else self.rng.choice(list(OTHER_REGIONS))
            c = self.company(region)
            c.directors.append(self.stranger(region, c.registered))
            for _ in range(self.rng.choice((1, 1, 2, 3))):
                c.founders.append(c.directors[0] if self.rng.random() < 0.4 else self.stranger(region, c.registered))
            if self.rng.random() < 0.06:
                c.terminated = self.date_before(30, 2000)
            elif region == HOME_REGION:
                local.append(c)
        ips: list[Entrepreneur] = []
        for _ in range(entrepreneurs):
            region = HOME_REGION if self.rng.random() < 0.3 else self.rng.choice(list(OTHER_REGIONS))
            last, first, middle, female = rp.background_person(self.rng)
            ip = self.entrepreneur(last, first, middle, self.person_inn(region), female, region)
            if region == HOME_REGION:
                ips.append(ip)
        # Suppliers of the municipality: the administration buys most, КУМИ least.
        shares = dict(zip(self.orgs, (0.55, 0.3, 0.15), strict=True))
        for org, share in shares.items():
            for supplier in self.rng.sample(local, min(len(local), max(3, int(len(local) * share)))):
                for _ in range(self.rng.randint(1, 3)):
                    self.contract(org, supplier)
            for ip in self.rng.sample(ips, min(len(ips), max(2, int(len(ips) * share / 3)))):
                self.contract(org, ip)
        for supplier in self.rng.sample(local, min(len(local), len(local) // 5)):
            self.contract(None, supplier)

    # --- picking demo people ---------------------------------------------------------------------
    def pick(self, status: str = "служащий", relative: tuple[str, ...] = (), maiden: bool = False,
             with_inn: bool = False, where: Callable[[dict[str, str]], bool] | None = None
             ) -> tuple[dict[str, str], dict[str, str] | None] | None:
        """An unused servant (and one of their relatives of the given kinships); None when none is left.

        The person who goes into the registry (the relative, else the servant) is chosen, where
        possible, with a name nobody else in the demo bears and a rare surname (see ``distinct``):
        a case should produce its own finding, not a crowd of namesakes' findings.
        """
        rows = [s for s in self.data.servants if s["статус"] == status and s["табельный_номер"] not in self.used
                and (where is None or where(s))]
        self.rng.shuffle(rows)
        for strict in (2, 1, 0):
            for s in rows:
                rel = None
                if relative:
                    fitting = [r for r in self.relatives[s["табельный_номер"]] if r["родство"] in relative
                               and (not maiden or r["прежние_фамилии"]) and (not with_inn or r["инн"])
                               and self.distinct(r, strict)]
                    if not fitting:
                        continue
                    rel = self.rng.choice(fitting)
                elif not self.distinct(s, strict):
                    continue
                self.used.add(s["табельный_номер"])
                return s, rel
        return None

    def distinct(self, row: dict[str, str], level: int) -> bool:
        """Level 2: a name nobody else bears and a rare surname; 1: the name alone; 0: anybody."""
        names = all_names(row)
        if level >= 1 and any(self.name_count[n] > 1 for n in names):
            return False
        surnames = {rp.male_surname(n.split(" ")[0]) for n in names}
        return level < 2 or all(self.surname_count[x] <= RARE_SURNAME for x in surnames)

    def holder(self, row: dict[str, str], since: date, with_inn: bool = True, last: str = "") -> Holder:
        female = row["отчество"].endswith("на")
        spelled = rp.registry_spelling(self.rng, last or row["фамилия"], row["имя"], row["отчество"])
        return Holder(*spelled, row["инн"] if with_inn and row["инн"] else None, self.capped(since), female)

    def plant(self, rule: str, servant: dict[str, str], subject: Company | Entrepreneur, note: str,
              decoy: bool = False) -> None:
        ident = subject.ogrn if isinstance(subject, Company) else subject.ogrnip
        (self.world.decoys if decoy else self.world.planted).append(
            Planted(rule, servant["табельный_номер"], ident, note))


def full_name(row: dict[str, str], last: str = "") -> str:
    return f"{last or row['фамилия']} {row['имя']} {row['отчество']}".replace("ё", "е")


def all_names(row: dict[str, str]) -> set[str]:
    former = [f.split(" (")[0].strip() for f in row["прежние_фамилии"].split(";") if f.strip()]
    return {full_name(row), *(full_name(row, last) for last in former)}


def address_of(home: str) -> Address:
    """The demo questionnaire address («…, п. Ясногорский, ул. Лесная, д. 5, кв. 7») as ЕГРЮЛ parts."""
    parts = [p.strip() for p in home.split(",")][2:]
    kind, settlement = parts[0].split(" ", 1)
    street = parts[1].split(" ", 1)[1]
    house = parts[2].split(" ", 1)[1]
    flat = f"КВ. {parts[3].split(' ', 1)[1]}" if len(parts) > 3 else ""
    return Address(HOME_REGION, HOME_REGION_NAME, kind.rstrip(".").upper(), settlement.upper(), street.upper(),
                   f"Д. {house}", flat)


def build(data: DemoData, seed: int = 1, companies: int | None = None) -> RegistryWorld:
    """The registry for the demo people: background plus one or more cases of every screening rule."""
    from zorko.demo.registry_cases import plant_cases, plant_decoys

    b = RegistryBuilder(data, seed)
    size = len(data.servants)
    n_companies = companies if companies is not None else max(400, 6 * size)
    b.background(n_companies, n_companies // 3)
    plant_cases(b, max(1, size // 150))
    plant_decoys(b)
    return b.world
