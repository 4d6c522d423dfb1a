"""A synthetic municipality, deterministic by seed: organisations, servants, relatives.

``generate(seed, servants)`` returns rows in the import file's columns, so
the demo goes through the same import as real HR data, and the benchmark
can write the same rows to files. ``build_demo(seed, servants)`` loads them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from zorko import identifiers
from zorko.demo import names, world

# Share of servants whose questionnaire is more than a year old: a realistic minority to chase.
STALE_SHARE = 0.12
PERSON_INN_OFFICES = ("4205", "4206", "4207", "4250", "4234", "4212")


@dataclass(slots=True)
class DemoData:
    servants: list[dict[str, str]] = field(default_factory=list)
    relatives: list[dict[str, str]] = field(default_factory=list)
    questionnaire_dates: dict[str, dt.date] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)  # the day every date of the demo is relative to


@dataclass(slots=True)
class _Person:
    last: str  # male form
    first: str
    middle: str
    female: bool
    born: dt.date
    maiden: str = ""  # male form of the birth surname, when it differs

    def surname(self) -> str:
        return names.surname_form(self.last, female=self.female)

    def former(self, married_on: dt.date | None) -> str:
        if not self.maiden:
            return ""
        tail = f" (до {married_on:%d.%m.%Y})" if married_on else ""
        return names.surname_form(self.maiden, female=True) + tail


def _d(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


class Generator:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.used: set[str] = set()
        self.today = today

    def _unique(self, make: Any) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return str(value)

    def person_inn(self) -> str:
        rng = self.rng
        return self._unique(lambda: identifiers.make_inn(
            rng.choice(PERSON_INN_OFFICES) + f"{rng.randrange(10**6):06d}", person=True))

    def snils(self) -> str:
        return self._unique(lambda: identifiers.make_snils(f"{self.rng.randrange(2_000_000, 10**9):09d}"))

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        end = max(start, end)
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def birth(self, year_from: int, year_to: int) -> dt.date:
        return self.date_between(dt.date(year_from, 1, 1), min(dt.date(year_to, 12, 31), self.today))

    def other_surname(self, than: str) -> str:
        """A surname different from ``than``: a maiden name equal to the married one is no change."""
        while (name := names.surname(self.rng)) == than:
            pass
        return name

    def person(self, female: bool, born: dt.date, last: str | None = None,
               father: str | None = None, taken: set[str] | frozenset[str] = frozenset()) -> _Person:
        """``taken``: first names a brother or sister already bears (two siblings never share one)."""
        pick = names.female_name if female else names.male_name
        first = pick(self.rng, born.year)
        for _ in range(50):
            if first not in taken:
                break
            first = pick(self.rng, born.year)
        father = father or names.male_name(self.rng, born.year - self.rng.randrange(20, 36))
        return _Person(last or names.surname(self.rng), first,
                       names.patronymic(father, female=female), female, born)

    def address(self) -> str:
        rng = self.rng
        flat = f", кв. {rng.randrange(1, 60)}" if rng.random() < 0.5 else ""
        return (f"{world.ADDRESS_HEAD}, {rng.choice(world.SETTLEMENTS)}, ул. {rng.choice(world.STREETS)}, "
                f"д. {rng.randrange(1, 120)}{flat}")

    def workplace(self, age: int) -> str:
        if age >= 63:
            return "пенсионер"
        if age < 18:
            return "учащийся" if age >= 7 else ""
        return self.rng.choice(world.WORKPLACES).format(n=self.rng.randrange(1, 40))


def _relative(g: Generator, servant_no: str, kinship: str, p: _Person, address: str,
              married_on: dt.date | None = None) -> dict[str, str]:
    age = (g.today - p.born).days // 365
    return {
        "табельный_номер": servant_no, "родство": kinship, "фамилия": p.surname(), "имя": p.first,
        "отчество": p.middle, "прежние_фамилии": p.former(married_on),
        "дата_рождения": _d(p.born), "место_рождения": g.rng.choice(world.BIRTH_PLACES),
        "место_работы": g.workplace(age), "адрес": address,
        "инн": g.person_inn() if age >= 14 and g.rng.random() < 0.4 else "",
    }


def _family(g: Generator, no: str, me: _Person, father_name: str, address: str,
            married_on: dt.date | None) -> list[dict[str, str]]:
    """Parents, spouse and in-laws, children, siblings, perhaps a former spouse."""
    rng, rows = g.rng, []
    birth_last = me.maiden or me.last
    # The parents' births bound the siblings' (a mother is at least 19 at any child's birth, at most 42).
    eldest, youngest = me.born.year - 8, me.born.year + 8
    if rng.random() < 0.85:
        dad = _Person(birth_last, father_name, names.patronymic(
            names.male_name(rng, me.born.year - 50), female=False), False,
            g.birth(me.born.year - 38, me.born.year - 20))
        rows.append(_relative(g, no, "отец", dad, g.address()))
        eldest = max(eldest, dad.born.year + 20)
    if rng.random() < 0.9:
        mum = g.person(True, g.birth(me.born.year - 36, me.born.year - 19), last=birth_last)
        mum.maiden = g.other_surname(birth_last)
        rows.append(_relative(g, no, "мать", mum, address if rng.random() < 0.3 else g.address()))
        eldest, youngest = max(eldest, mum.born.year + 19), min(youngest, mum.born.year + 42)
    sibling_names = {me.first}
    for _ in range(rng.choices((0, 1, 2), (35, 45, 20))[0]):
        female = rng.random() < 0.5
        sib = g.person(female, g.birth(eldest, max(eldest, youngest)), last=birth_last,
                       father=father_name, taken=sibling_names)
        sibling_names.add(sib.first)
        if female and (g.today - sib.born).days > 20 * 365 and rng.random() < 0.6:
            sib.maiden, sib.last = sib.last, g.other_surname(sib.last)
        rows.append(_relative(g, no, "сестра" if female else "брат", sib, g.address(),
                              married_on=None))
    if married_on is not None:
        spouse_father = names.male_name(rng, me.born.year - 30)
        spouse = g.person(not me.female, g.birth(me.born.year - 5, me.born.year + 5),
                          last=me.last if me.female else g.other_surname(me.last),
                          father=spouse_father)
        if not me.female:
            spouse.maiden, spouse.last = spouse.last, me.last
        rows.append(_relative(g, no, "супруг" if me.female else "супруга", spouse, address, married_on))
        in_law_last = spouse.maiden or spouse.last
        if rng.random() < 0.5:
            fil = g.person(False, g.birth(spouse.born.year - 35, spouse.born.year - 20),
                           last=in_law_last)
            fil.first = spouse_father
            rows.append(_relative(g, no, "отец супруги" if not me.female else "отец супруга",
                                  fil, g.address()))
        if rng.random() < 0.5:
            mil = g.person(True, g.birth(spouse.born.year - 33, spouse.born.year - 19),
                           last=in_law_last)
            rows.append(_relative(g, no, "мать супруги" if not me.female else "мать супруга",
                                  mil, g.address()))
        dad_name = spouse.first if me.female else me.first
        children: set[str] = set()
        # Both parents are at least 19 at a child's birth, the mother at most 45.
        mother_born = (me if me.female else spouse).born.year
        first_child = max(married_on.year, me.born.year + 19, spouse.born.year + 19)
        last_child = min(g.today.year, mother_born + 45)
        for _ in range(rng.choices((0, 1, 2, 3), (20, 35, 35, 10))[0] if first_child <= last_child else 0):
            born = g.birth(first_child, last_child)
            female = rng.random() < 0.5
            child = g.person(female, born, last=me.last, father=dad_name, taken=children)
            children.add(child.first)
            kin = "дочь" if female else "сын"
            age = (g.today - born).days // 365
            if age >= 23 and rng.random() < 0.5:
                child_spouse = g.person(not female, g.birth(born.year - 3, born.year + 3),
                                        last=g.other_surname(child.last))
                if female:
                    child.maiden, child.last = child.last, child_spouse.last
                else:
                    child_spouse.maiden, child_spouse.last = child_spouse.last, child.last
                rows.append(_relative(g, no, "супруг(а) сына/дочери", child_spouse, g.address()))
            rows.append(_relative(g, no, kin, child, address if age < 18 else g.address()))
    if rng.random() < 0.08:
        ex = g.person(not me.female, g.birth(me.born.year - 4, me.born.year + 4))
        rows.append(_relative(g, no, "бывший супруг(а)", ex, g.address()))
    return rows


def generate(seed: int = 1, servants: int = 420, candidates: int | None = None,
             dismissed: int | None = None, today: dt.date | None = None) -> DemoData:
    """Rows of the servants and relatives files: ``servants`` current servants, plus
    candidates (6 % by default) and former servants (3 %), spread over the numbers.

    Dates are relative to ``today`` (the real today by default), so the demo looks current on
    the day it is made; the same seed and day give the same municipality."""
    today = today or dt.date.today()
    g = Generator(seed, today)
    rng, data = g.rng, DemoData(today=today)
    orgs = world.ORGANISATIONS
    positions = [p[0] for p in world.POSITIONS]
    position_weights = [p[2] for p in world.POSITIONS]
    candidates = max(1, round(servants * 0.06)) if candidates is None else candidates
    dismissed = max(1, round(servants * 0.03)) if dismissed is None else dismissed
    statuses = ["служащий"] * servants + ["кандидат"] * candidates + ["уволен"] * dismissed
    rng.shuffle(statuses)
    for i, status in enumerate(statuses):
        no = f"{i + 1:05d}"
        female = rng.random() < 0.62
        born = g.birth(1960, 2003)
        father_name = names.male_name(rng, born.year - 27)
        me = g.person(female, born, father=father_name)
        married_on = None
        if today.year - born.year > 22 and rng.random() < 0.68:
            married_on = g.date_between(dt.date(born.year + 19, 1, 1),
                                        min(dt.date(born.year + 35, 12, 31), today))
            if female:
                me.maiden, me.last = me.last, g.other_surname(me.last)
        org_weights = (6, 2, 1)
        org = rng.choices(orgs, org_weights)[0]
        hired = None if status == "кандидат" else g.date_between(
            max(dt.date(born.year + 20, 1, 1), dt.date(1995, 1, 1)), today - dt.timedelta(days=30))
        # Former servants are kept for the two years their new jobs are checked (ст. 12 273-ФЗ).
        dismissed = (g.date_between(max(hired, today - dt.timedelta(days=700)), today - dt.timedelta(days=1))
                     if hired and status == "уволен" else None)
        address = g.address()
        data.servants.append({
            "табельный_номер": no, "фамилия": me.surname(), "имя": me.first, "отчество": me.middle,
            "прежние_фамилии": me.former(married_on), "дата_рождения": _d(born),
            "инн": g.person_inn(), "снилс": g.snils(), "организация": org["name"],
            "организация_инн": organisation_inn(org), "подразделение": rng.choice(org["departments"]),
            "должность": rng.choices(positions, position_weights)[0], "статус": status,
            "дата_приема": _d(hired), "дата_увольнения": _d(dismissed), "адрес": address,
            "телефон": f"+7 9{rng.randrange(10, 99)} {rng.randrange(100, 999)}-{rng.randrange(10, 99)}-"
                       f"{rng.randrange(10, 99)}",
            "email": f"{world.translit(me.surname())}.{world.translit(me.first[0])}"
                     f"{world.translit(me.middle[0])}{no}@{world.EMAIL_DOMAIN}",
        })
        data.relatives += _family(g, no, me, father_name, address, married_on)
        data.questionnaire_dates[no] = _questionnaire_date(g)
    return data


def _questionnaire_date(g: Generator) -> dt.date:
    """Most questionnaires were updated within the year; a minority (:data:`STALE_SHARE`) are overdue."""
    if g.rng.random() < STALE_SHARE:
        return g.date_between(g.today - dt.timedelta(days=900), g.today - dt.timedelta(days=366))
    return g.date_between(g.today - dt.timedelta(days=360), g.today)


def organisation_inn(org: dict[str, Any]) -> str:
    return identifiers.make_inn(org["inn_prefix"], person=False)
