"""A synthetic municipality with planted affiliation cases and decoys (for bench/screening.py).

People have families that follow Russian naming: a wife carries the husband's
surname in the feminine form and her maiden name as a former name, children
carry a patronymic formed from the father's first name, siblings share the
patronymic. Everybody has a true ИНН; the questionnaire knows only some.
The truth is a set of (rule, personnel_number, ОГРН/ОГРНИП) triples.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from screening_names import Names, patronymic

from zorko.identifiers import make_inn, make_ogrn, make_ogrnip

REGION = "42"
OTHER_REGIONS = [f"{r:02d}" for r in range(1, 90) if r != 42]
STREETS = ["Ленина", "Советская", "Мира", "Кирова", "Гагарина", "Шахтёров", "Весенняя", "Красная",
           "Садовая", "Молодёжная", "Школьная", "Набережная", "Строителей", "Пролетарская", "Островского"]
TOWNS = ["Кемерово", "Берёзовский", "Елыкаево", "Ясногорский", "Металлплощадка", "Звёздный"]
LOOKALIKE = {"а": "a", "о": "o", "е": "e", "с": "c", "р": "p", "х": "x", "А": "A", "О": "O", "Е": "E",
             "С": "C", "Р": "P", "Х": "X", "К": "K", "М": "M", "Т": "T", "Н": "H", "В": "B"}


def masculine(surname: str) -> str:
    if surname.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return surname[:-1]
    if surname.endswith(("ская", "цкая")):
        return surname[:-2] + "ий"
    if surname.endswith("ая"):
        return surname[:-2] + "ой"
    return surname


def feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий", "ой", "ый")):
        return surname[:-2] + "ая"
    return surname


@dataclass
class Person:
    last: str  # masculine or feminine as the person carries it
    first: str
    middle: str
    male: bool
    inn: str
    inn_known: bool
    address: str = ""
    former: list[str] = field(default_factory=list)
    birth: date = date(1980, 1, 1)

    @property
    def full(self) -> str:
        return f"{self.last} {self.first} {self.middle}"


@dataclass
class Case:
    """What a planted case is about, for the report: its kind and the relative (if any)."""

    category: str  # "common_no_inn", "unique_no_inn", "ordinary", …
    relative: str | None = None  # the relative's ФИО as in the questionnaire
    name: tuple[str, str, str] | None = None  # registry ФИО of the planted person, normalised
    person_inn: str | None = None  # the planted person's true ИНН (to tell him from his namesakes)
    namesakes: int = 0  # other registry persons with that ФИО, counted as the registry is written
    namesakes_region: int = 0  # … of them in the region


def name_key(last: str, first: str, middle: str) -> tuple[str, str, str]:
    return tuple(x.upper().replace("Ё", "Е") for x in (last, first, middle))  # type: ignore[return-value]


@dataclass
class Relative:
    person: Person
    kinship: str  # Russian word as in the import file


@dataclass
class ServantRow:
    number: str
    person: Person
    org: int
    status: str = "служащий"
    dismissed_on: date | None = None
    relatives: list[Relative] = field(default_factory=list)


@dataclass
class Company:
    ogrn: str
    inn: str
    name: str
    region: str
    address: dict[str, str]
    directors: list[tuple[Person, str | None, date]] = field(default_factory=list)  # person, ИННФЛ, since
    founders: list[tuple[Person, str | None, date]] = field(default_factory=list)
    terminated: date | None = None


@dataclass
class Entrepreneur:
    ogrnip: str
    person: Person
    registry_name: tuple[str, str, str]
    region: str
    terminated: date | None = None


@dataclass
class Contract:
    reg_num: str
    customer: int  # organisation index, or -1 for a customer outside the municipality
    supplier: Company | Entrepreneur
    sign_date: date
    price: str


class World:
    def __init__(self, seed: int, servants: int, relatives: int, companies: int, today: date,
                 region_share: float = 0.03) -> None:
        self.rng = random.Random(seed)
        # Share of the background registry in the municipality's region: a national registry holds
        # 1–3 % per region; a regional extract, all of it.
        self.region_share = region_share
        self.names = Names(self.rng)
        self.today = today
        self.n_servants, self.n_relatives, self.n_companies = servants, relatives, companies
        self.orgs = [(f"Организация {i + 1} (бенчмарк)", make_inn(f"42{50001 + i:05d}01", person=False))
                     for i in range(5)]
        self.servants: list[ServantRow] = []
        self.companies: list[Company] = []
        self.entrepreneurs: list[Entrepreneur] = []
        self.contracts: list[Contract] = []
        self.truth: set[tuple[str, str, str]] = set()
        self.cases: dict[tuple[str, str, str], Case] = {}
        self.watch: dict[tuple[str, str, str], dict[str, bool]] = {}
        self.decoys: dict[str, int] = {}
        self.decoy_subjects: dict[str, str] = {}  # ОГРН/ОГРНИП → decoy kind
        self._inn_seq = 0
        self._ogrn_seq = 0
        self._contract_seq = 0
        self._addr_seq = 0

    def watch_namesakes(self) -> None:
        """Count, as the registry is written, the namesakes of every planted person (see note)."""
        self.watch: dict[tuple[str, str, str], dict[str, bool]] = {c.name: {} for c in self.cases.values() if c.name}

    def note(self, last: str, first: str, middle: str, inn: str, region: str) -> None:
        seen = self.watch.get(name_key(last, first, middle))
        if seen is not None:
            seen[inn] = seen.get(inn, False) or region == REGION

    def count_namesakes(self) -> None:
        for case in self.cases.values():
            if case.name:
                others = {inn: here for inn, here in self.watch[case.name].items() if inn != case.person_inn}
                case.namesakes, case.namesakes_region = len(others), sum(others.values())

    def registry_persons(self, male: bool, companies: int | None = None) -> float:
        """About how many registry persons of a gender the bench writes (see screening_files)."""
        return (companies or self.n_companies) * (1.65 + 0.2) * (0.6 if male else 0.4)

    def expected_namesakes(self, p: Person, companies: int | None = None) -> float:
        share = self.names.share(masculine(p.last), p.first, p.middle, p.male)
        return share * self.registry_persons(p.male, companies)

    # -- identifiers -------------------------------------------------------------------------
    def person_inn(self, region: str = REGION) -> str:
        self._inn_seq += 1
        return make_inn(f"{region}{self._inn_seq:08d}", person=True)

    def new_company(self, region: str, name: str, address: dict[str, str] | None = None) -> Company:
        self._ogrn_seq += 1
        n = self._ogrn_seq
        ogrn = make_ogrn(f"1{10 + n % 15:02d}{region}{n % 100:02d}{n // 100:05d}")
        inn = make_inn(f"{region}{n % 100:02d}{n // 100:05d}", person=False)
        company = Company(ogrn, inn, name, region, address or self.random_company_address(region))
        self.companies.append(company)
        return company

    def new_entrepreneur(self, person: Person, region: str, registry_name: tuple[str, str, str] | None = None
                         ) -> Entrepreneur:
        self._ogrn_seq += 1
        n = self._ogrn_seq
        ogrnip = make_ogrnip(f"3{10 + n % 15:02d}{region}{n:09d}")
        ip = Entrepreneur(ogrnip, person, registry_name or (person.last, person.first, person.middle), region)
        self.entrepreneurs.append(ip)
        return ip

    def contract(self, customer: int, supplier: Company | Entrepreneur, sign_date: date | None = None) -> Contract:
        self._contract_seq += 1
        c = Contract(f"342050{self._contract_seq:013d}", customer, supplier,
                     sign_date or self.today - timedelta(days=self.rng.randint(20, 600)),
                     f"{self.rng.randint(5, 3000) * 1000 + self.rng.randint(0, 99) / 100:.2f}")
        self.contracts.append(c)
        return c

    # -- names -------------------------------------------------------------------------------
    def surname(self) -> str:
        return self.names.surname()

    def person(self, male: bool, last: str | None = None, father_first: str | None = None,
               region: str = REGION, inn_known: float = 0.6) -> Person:
        """Everybody — servant, relative, director, founder, ИП — is drawn from the same frequencies."""
        year = self.names.birth_year()
        father_first = father_first or self.names.father(year)
        last = last or self.surname()
        return Person(last if male else feminine(last), self.names.first(male, year), patronymic(father_first, male),
                      male, self.person_inn(region), self.rng.random() < inn_known,
                      birth=date(year, self.rng.randint(1, 12), self.rng.randint(1, 28)))

    def home_address(self) -> str:
        self._addr_seq += 1
        n = self._addr_seq
        return (f"{'г.' if n % 3 else 'пгт'} {TOWNS[n % len(TOWNS)]}, ул. {STREETS[(n // 7) % len(STREETS)]}, "
                f"д. {n % 89 + 1}, кв. {n // 89 + 1}")

    def random_company_address(self, region: str) -> dict[str, str]:
        self._addr_seq += 1
        n = self._addr_seq
        return {"index": f"{600000 + n % 99999}", "region": region, "city": f"Город{n % 500}",
                "street": STREETS[n % len(STREETS)].upper(), "house": f"Д. {n % 300 + 1}", "flat": f"ОФИС {n % 40}"}
