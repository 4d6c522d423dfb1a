"""Synthetic справки of real servants' families, with planted cases: the demo campaign and the benchmark.

``generate`` takes the families (from the case store), a seed and the
reporting year, and returns the справки of that year and the three before,
grouped per servant and year (one ``.xsb`` file each), the registry records
the planted cases need, and the list of planted cases. Everything else is
kept steady, so a finding outside the planted cases is a false positive.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from zorko.declarations.campaign import correction_deadline, deadline
from zorko.declarations.records import Item, Member, ParsedDeclaration, Person, Section
from zorko.demo.declarations_registry import PlantRegistry

RULES = ("decl_expense_over_income", "decl_property_unexplained", "decl_accounts_growth", "decl_income_jump",
         "decl_share_omitted", "decl_share_in_supplier", "decl_creditor_supplier", "decl_coowner_linked",
         "decl_family_absent", "decl_family_mismatch")
LATE_SHARE, MISSING_SHARE = 0.06, 0.04
BANKS = ("ПАО Сбербанк", "Банк ВТБ (ПАО)", "АО «Россельхозбанк»", "АО «Газпромбанк»")
CARS = ("Лада Веста", "Киа Рио", "Хендай Солярис", "Тойота Королла", "Шкода Октавия", "Рено Логан")


@dataclass(slots=True)
class Family:
    personnel_number: str
    servant: Person
    inn: str
    organisation_inn: str
    organisation_name: str
    spouse: Person | None = None
    children: list[Person] = field(default_factory=list)


@dataclass(slots=True)
class Campaign:
    year: int
    # (personnel number, year) → the справки of one file
    files: dict[tuple[str, int], list[ParsedDeclaration]] = field(default_factory=dict)
    planted: list[tuple[str, str]] = field(default_factory=list)  # (rule, personnel number)
    decoys: list[tuple[str, str]] = field(default_factory=list)  # (what, personnel number): must stay silent
    late: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    registry: PlantRegistry = field(default_factory=PlantRegistry)


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low // 100, high // 100) * 100)


@dataclass(slots=True)
class _Base:
    """One person's steady figures, the same every year but for a small rise."""

    income: Decimal
    account: Decimal
    bank: str
    area: Decimal
    car: str

    def items(self, offset: int) -> list[Item]:
        grow = Decimal(1) + Decimal(offset) * Decimal("0.03")
        out = [Item(Section.INCOME, "Доход по основному месту работы", amount=(self.income * grow).quantize(
                    Decimal("1.00")))] if self.income else []
        out.append(Item(Section.ACCOUNT, "Текущий", name=self.bank, amount=(self.account * grow).quantize(
            Decimal("1.00")), extra={"currency": "Рубль"}))
        if self.area:
            out.append(Item(Section.REAL_ESTATE, "Квартира", area=self.area, country="Россия",
                            ownership="Индивидуальная", basis="Договор купли-продажи"))
        if self.car:
            out.append(Item(Section.VEHICLE, "Автомобиль легковой", name=self.car, ownership="Индивидуальная"))
        return out


class Generator:
    def __init__(self, seed: int, year: int, today: date) -> None:
        self.rng = random.Random(f"declarations-{seed}")
        self.year = year
        self.today = today
        self.campaign = Campaign(year)

    def base(self, adult: bool, earner: bool) -> _Base:
        rng = self.rng
        return _Base(_money(rng, 500_000, 1_600_000) if earner else Decimal(0),
                     _money(rng, 20_000, 400_000) if adult else Decimal(0), rng.choice(BANKS),
                     Decimal(rng.randrange(300, 900)) / 10 if adult and rng.random() < 0.8 else Decimal(0),
                     rng.choice(CARS) if adult and rng.random() < 0.6 else "")

    def filed_on(self, no: str, year: int) -> date | None:
        due = deadline(year)
        if year < self.year:
            return due - timedelta(days=self.rng.randrange(1, 80))
        roll = self.rng.random()
        if roll < MISSING_SHARE:
            self.campaign.missing.append(no)
            return None
        if roll < MISSING_SHARE + LATE_SHARE:
            self.campaign.late.append(no)
            day = due + timedelta(days=self.rng.randrange(1, 25))
        else:
            day = due - timedelta(days=self.rng.randrange(0, 85))
        return day if day <= self.today else None

    def family(self, f: Family) -> dict[int, list[ParsedDeclaration]]:
        members = [(Member.DECLARANT, f.servant, self.base(True, True))]
        if f.spouse:
            members.append((Member.SPOUSE, f.spouse, self.base(True, self.rng.random() < 0.85)))
        members += [(Member.CHILD, c, self.base(False, False)) for c in f.children]
        out: dict[int, list[ParsedDeclaration]] = {}
        for offset, year in enumerate(range(self.year - 3, self.year + 1)):
            filed = self.filed_on(f.personnel_number, year)
            if filed is None:
                continue
            out[year] = [ParsedDeclaration(year, member, person, signed_on=filed, items=base.items(offset))
                         for member, person, base in members
                         if member != Member.CHILD or person.birth_date is None
                         or person.birth_date.year > year - 18]
        # A steady car bought this year: a deal well within the income, with the car in the справка.
        now = out.get(self.year)
        if now and self.rng.random() < 0.1 and not any(i.section == Section.VEHICLE for i in now[0].items):
            now[0].items += [Item(Section.VEHICLE, "Автомобиль легковой", name="Лада Гранта"),
                             Item(Section.EXPENSE, "Автомобиль легковой", name="Лада Гранта",
                                  amount=Decimal(450_000), basis="Накопления за предыдущие годы")]
        return out

    def correct(self, no: str, decls: list[ParsedDeclaration]) -> ParsedDeclaration:
        """A уточнённая справка two weeks after the deadline: the same, with a forgotten account."""
        own = decls[0]
        self.campaign.corrected.append(no)
        when = min(correction_deadline(self.year) - timedelta(days=15), self.today)
        return ParsedDeclaration(own.year, own.member, own.person, correction=True, signed_on=when,
                                 items=[*own.items, Item(Section.ACCOUNT, "Сберегательный", name=BANKS[0],
                                                         amount=Decimal("1500.00"))])


def generate(families: list[Family], seed: int, year: int, today: date, per_rule: int = 1) -> Campaign:
    from zorko.demo.declarations_plants import plant

    g = Generator(seed, year, today)
    built = {f.personnel_number: g.family(f) for f in families}
    filers = [f for f in families if year in built[f.personnel_number]]
    plant(g, built, filers, per_rule)
    taken = {no for _, no in g.campaign.planted} | set(g.campaign.late)
    spare = [f for f in filers if f.personnel_number not in taken]
    if spare:
        no = g.rng.choice(spare).personnel_number
        built[no][year].append(g.correct(no, built[no][year]))
    for no, years in built.items():
        for y, decls in years.items():
            g.campaign.files[(no, y)] = decls
    return g.campaign
