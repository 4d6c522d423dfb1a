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

from zorko.identifiers import make_inn, make_ogrn, make_ogrnip

REGION = "42"
OTHER_REGIONS = [f"{r:02d}" for r in range(1, 90) if r != 42]
# Male first name → (patronymic of a son, of a daughter): a table, not a rule, so the bench does not
# reuse the code it measures.
MALE = {
    "Александр": ("Александрович", "Александровна"), "Сергей": ("Сергеевич", "Сергеевна"),
    "Андрей": ("Андреевич", "Андреевна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Алексей": ("Алексеевич", "Алексеевна"), "Иван": ("Иванович", "Ивановна"),
    "Николай": ("Николаевич", "Николаевна"), "Михаил": ("Михайлович", "Михайловна"),
    "Владимир": ("Владимирович", "Владимировна"), "Евгений": ("Евгеньевич", "Евгеньевна"),
    "Юрий": ("Юрьевич", "Юрьевна"), "Олег": ("Олегович", "Олеговна"), "Игорь": ("Игоревич", "Игоревна"),
    "Виктор": ("Викторович", "Викторовна"), "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"), "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"),
    "Артём": ("Артёмович", "Артёмовна"), "Степан": ("Степанович", "Степановна"),
    "Василий": ("Васильевич", "Васильевна"), "Анатолий": ("Анатольевич", "Анатольевна"),
    "Геннадий": ("Геннадьевич", "Геннадьевна"), "Валерий": ("Валерьевич", "Валерьевна"),
    "Константин": ("Константинович", "Константиновна"), "Роман": ("Романович", "Романовна"),
    "Максим": ("Максимович", "Максимовна"), "Денис": ("Денисович", "Денисовна"),
    "Григорий": ("Григорьевич", "Григорьевна"), "Лев": ("Львович", "Львовна"),
    "Фёдор": ("Фёдорович", "Фёдоровна"), "Семён": ("Семёнович", "Семёновна"),
    "Тимофей": ("Тимофеевич", "Тимофеевна"), "Аркадий": ("Аркадьевич", "Аркадьевна"),
    "Эдуард": ("Эдуардович", "Эдуардовна"), "Вадим": ("Вадимович", "Вадимовна"),
}
FEMALE = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Юлия", "Екатерина",
          "Людмила", "Галина", "Марина", "Надежда", "Валентина", "Алёна", "Ксения", "Дарья", "Полина",
          "Вера", "Любовь", "Нина", "Лариса", "Оксана", "Евгения", "Софья", "Алла", "Жанна", "Зоя"]
COMMON = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
          "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
          "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
          "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов",
          "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков",
          "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков",
          "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов",
          "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов",
          "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев",
          "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков",
          "Назаров", "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов", "Родионов", "Коновалов",
          "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв", "Голубев", "Кудрявцев", "Прохоров",
          "Наумов", "Потапов", "Журавлёв", "Овчинников", "Трофимов", "Леонов", "Соболев", "Ермаков",
          "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачёв", "Котов", "Гришин", "Ефремов",
          "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов",
          "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Ерёмин", "Тихомиров", "Галкин", "Лукьянов",
          "Вишневский", "Островский", "Покровский", "Шевченко", "Бондаренко", "Коваленко", "Ткаченко",
          "Кравченко", "Черных", "Седых", "Белых", "Толстой", "Ким"]
_COMMON_WEIGHTS = [1 / (rank + 3) for rank in range(len(COMMON))]
_SYL = ["ба", "ры", "ко", "ле", "ми", "но", "ту", "са", "ве", "де", "жу", "за", "пы", "ро", "ста", "гри",
        "бо", "ла", "ме", "ни", "хо", "чу", "ща", "фе", "кре", "дро", "шма", "зве"]
_SUFFIX = ["ов", "ев", "ин", "ский", "енко", "ых"]
STREETS = ["Ленина", "Советская", "Мира", "Кирова", "Гагарина", "Шахтёров", "Весенняя", "Красная",
           "Садовая", "Молодёжная", "Школьная", "Набережная", "Строителей", "Пролетарская", "Островского"]
TOWNS = ["Кемерово", "Берёзовский", "Елыкаево", "Ясногорский", "Металлплощадка", "Звёздный"]
LOOKALIKE = {"а": "a", "о": "o", "е": "e", "с": "c", "р": "p", "х": "x", "А": "A", "О": "O", "Е": "E",
             "С": "C", "Р": "P", "Х": "X", "К": "K", "М": "M", "Т": "T", "Н": "H", "В": "B"}


def masculine(surname: str) -> str:
    if surname.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return surname[:-1]
    if surname.endswith("ская"):
        return surname[:-2] + "ий"
    return surname


def feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    if surname.endswith("ой"):
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
    def __init__(self, seed: int, servants: int, relatives: int, companies: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.n_servants, self.n_relatives, self.n_companies = servants, relatives, companies
        self.orgs = [(f"Организация {i + 1} (бенчмарк)", make_inn(f"42{50001 + i:05d}01", person=False))
                     for i in range(5)]
        self.servants: list[ServantRow] = []
        self.companies: list[Company] = []
        self.entrepreneurs: list[Entrepreneur] = []
        self.contracts: list[Contract] = []
        self.truth: set[tuple[str, str, str]] = set()
        self.decoys: dict[str, int] = {}
        self.decoy_subjects: dict[str, str] = {}  # ОГРН/ОГРНИП → decoy kind
        self._inn_seq = 0
        self._ogrn_seq = 0
        self._contract_seq = 0
        self._addr_seq = 0

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
        """A quarter of people carry one of the common surnames, weighted 1/(rank+3) (Иванов ≈ 2 %,
        close to the real ≈ 1.3 %); the rest carry rarer surnames made of syllables."""
        if self.rng.random() < 0.25:
            return self.rng.choices(COMMON, weights=_COMMON_WEIGHTS)[0]
        stem = "".join(self.rng.choice(_SYL) for _ in range(self.rng.randint(2, 3)))
        return stem.capitalize() + self.rng.choice(_SUFFIX)

    def person(self, male: bool, last: str | None = None, father_first: str | None = None,
               region: str = REGION, inn_known: float = 0.6) -> Person:
        father_first = father_first or self.rng.choice(list(MALE))
        middle = MALE[father_first][0 if male else 1]
        last = last or self.surname()
        return Person(last if male else feminine(last), self.rng.choice(list(MALE)) if male else
                      self.rng.choice(FEMALE), middle, male, self.person_inn(region),
                      self.rng.random() < inn_known, birth=date(self.rng.randint(1950, 2004), self.rng.randint(1, 12),
                                                               self.rng.randint(1, 28)))

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
