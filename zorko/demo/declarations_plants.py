"""The planted cases of the declaration checks, one function per check (``per_rule`` servants each)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from zorko.declarations.records import Item, Member, ParsedDeclaration, Person, Section
from zorko.demo.names import patronymic, surname_form
from zorko.demo.registry_records import Holder
from zorko.identifiers import make_inn
from zorko.reports.names import gender_of

if TYPE_CHECKING:
    from zorko.demo.declarations_synthetic import Family, Generator

Built = dict[str, dict[int, list[ParsedDeclaration]]]
CO_OWNERS = (("Кравцов", "Игорь", "Игоревич"), ("Шубин", "Денис", "Олегович"), ("Ларионов", "Павел", "Юрьевич"),
             ("Гаврилов", "Семён", "Петрович"), ("Фомичёв", "Артём", "Сергеевич"), ("Зуев", "Кирилл", "Андреевич"),
             ("Лапин", "Роман", "Ильич"), ("Пахомов", "Глеб", "Витальевич"), ("Рябов", "Тимур", "Олегович"),
             ("Сафонов", "Лев", "Аркадьевич"))


def _own(built: Built, f: Family, year: int) -> ParsedDeclaration:
    return built[f.personnel_number][year][0]


def _income3(built: Built, f: Family, year: int) -> Decimal:
    return sum((i.amount or Decimal(0) for y in (year - 3, year - 2, year - 1) for d in built[f.personnel_number]
                .get(y, []) if d.member in (Member.DECLARANT, Member.SPOUSE) for i in d.items
                if i.section == Section.INCOME), Decimal(0))


def plant(g: Generator, built: Built, filers: list[Family], per_rule: int) -> None:
    y = g.year
    complete = [f for f in filers if all(y2 in built[f.personnel_number] for y2 in range(y - 3, y + 1))
                and f.personnel_number not in g.campaign.late]
    pool = g.rng.sample(complete, len(complete))
    used: set[str] = set()

    def take(need: str = "") -> Family | None:
        for f in pool:
            if f.personnel_number in used or (need == "spouse" and not f.spouse) or (need == "inn" and not f.inn):
                continue
            used.add(f.personnel_number)
            return f
        return None

    for _ in range(per_rule):
        for rule, need, apply in PLANTS:
            f = take(need)
            if f is None:
                continue
            apply(g, built, f, y)
            g.campaign.planted.append((rule, f.personnel_number))
    for _ in range(per_rule):
        for what, need, apply in DECOYS:
            f = take(need)
            if f is None:
                continue
            apply(g, built, f, y)
            g.campaign.decoys.append((what, f.personnel_number))


def _expense(g: Generator, built: Built, f: Family, y: int) -> None:
    amount = (_income3(built, f, y) * Decimal("1.4")).quantize(Decimal("1.00"))
    _own(built, f, y).items += [
        Item(Section.EXPENSE, "Жилой дом", amount=amount, basis="Накопления, кредит"),
        Item(Section.REAL_ESTATE, "Жилой дом", area=Decimal("164.0"), country="Россия", ownership="Индивидуальная",
             basis="Договор купли-продажи")]


def _property(g: Generator, built: Built, f: Family, y: int) -> None:
    _own(built, f, y).items.append(Item(Section.REAL_ESTATE, "Земельный участок", area=Decimal("1500.0"),
                                        country="Россия", ownership="Индивидуальная",
                                        basis="Договор купли-продажи"))


def _accounts(g: Generator, built: Built, f: Family, y: int) -> None:
    own = _own(built, f, y)
    income = sum((i.amount or Decimal(0) for d in built[f.personnel_number][y] for i in d.items
                  if i.section == Section.INCOME), Decimal(0))
    own.items.append(Item(Section.ACCOUNT, "Депозитный", name="АО «Газпромбанк»", amount=income * 2 + 500_000))


def _income(g: Generator, built: Built, f: Family, y: int) -> None:
    for i in _own(built, f, y).items:
        if i.section == Section.INCOME and i.amount:
            i.amount *= 3


def _share_omitted(g: Generator, built: Built, f: Family, y: int) -> None:
    p = f.servant
    g.campaign.registry.company(founders=[Holder(p.last_name.upper(), p.first_name.upper(), p.middle_name.upper(),
                                                 f.inn, date(y - 2, 5, 12))])


def _supplier(g: Generator, f: Family, y: int, director: Holder | None = None) -> tuple[str, str, str]:
    company = g.campaign.registry.company(directors=[director] if director else [
        Holder("ПОСТОРОННИЙ", "ПЁТР", "ИЛЬИЧ", None, date(2015, 3, 1))])
    g.campaign.registry.supply(company, f.organisation_inn, f.organisation_name, y)
    return company.inn, company.ogrn, company.full_name


def _share_in_supplier(g: Generator, built: Built, f: Family, y: int) -> None:
    inn, ogrn, name = _supplier(g, f, y)
    _own(built, f, y).items.append(Item(Section.SHARE, "Общество с ограниченной ответственностью", name=name,
                                        amount=Decimal(10_000), share="30 %", inn=inn, ogrn=ogrn,
                                        basis="Учредительный договор"))


def _creditor(g: Generator, built: Built, f: Family, y: int) -> None:
    inn, ogrn, name = _supplier(g, f, y)
    _own(built, f, y).items.append(Item(Section.OBLIGATION, "Заем", name=name, amount=Decimal(1_200_000),
                                        inn=inn, ogrn=ogrn, basis="Договор займа", extra={"role": "должник"}))


def _coowner(g: Generator, built: Built, f: Family, y: int) -> None:
    n = len(g.campaign.registry.companies) + 1
    inn = f"42970{n:05d}"
    planted = sum(rule == "decl_coowner_linked" for rule, _ in g.campaign.planted)
    last, first, middle = CO_OWNERS[planted % len(CO_OWNERS)]
    director = Holder(last.upper(), first.upper(), middle.upper(), make_inn(inn, person=True), date(2016, 1, 1))
    _supplier(g, f, y, director)
    _own(built, f, y).items.append(Item(
        Section.REAL_ESTATE, "Гараж", area=Decimal("24.0"), country="Россия", ownership="Общая долевая", share="1/2",
        basis="Договор купли-продажи",
        co_owners=[{"name": f"{last} {first} {middle}", "inn": director.inn or "", "birth_date": ""}]))
    _own(built, f, y).items.append(Item(Section.EXPENSE, "Гараж", amount=Decimal(150_000), basis="Накопления"))


def _family_absent(g: Generator, built: Built, f: Family, y: int) -> None:
    s = f.servant
    if gender_of(s.first_name, s.middle_name) == "female":
        child = Person(s.last_name, "Мира", "Андреевна", date(y - 5, 2, 14))
    else:
        child = Person(surname_form(s.last_name, female=True), "Мира", patronymic(s.first_name, female=True),
                       date(y - 5, 2, 14))
    own = _own(built, f, y)
    built[f.personnel_number][y].append(ParsedDeclaration(y, Member.CHILD, child, signed_on=own.signed_on,
                                                          items=[]))


def _family_mismatch(g: Generator, built: Built, f: Family, y: int) -> None:
    for d in built[f.personnel_number][y]:
        if d.member == Member.SPOUSE and d.person.birth_date:
            born = d.person.birth_date
            d.person = Person(d.person.last_name, d.person.first_name, d.person.middle_name,
                              born.replace(year=born.year + 1, day=min(born.day, 28)))


PLANTS = (
    ("decl_expense_over_income", "", _expense), ("decl_property_unexplained", "", _property),
    ("decl_accounts_growth", "", _accounts), ("decl_income_jump", "", _income),
    ("decl_share_omitted", "inn", _share_omitted), ("decl_share_in_supplier", "", _share_in_supplier),
    ("decl_creditor_supplier", "", _creditor), ("decl_coowner_linked", "", _coowner),
    ("decl_family_absent", "", _family_absent), ("decl_family_mismatch", "spouse", _family_mismatch),
)


def _namesake_elsewhere(g: Generator, built: Built, f: Family, y: int) -> None:
    """A founder with the servant's ФИО, without ИНН, in another region: another person."""
    p = f.servant
    g.campaign.registry.company(founders=[Holder(p.last_name.upper(), p.first_name.upper(), p.middle_name.upper(),
                                                 None, date(y - 3, 1, 10))], region=("77", "Москва"))


def _declared_founder(g: Generator, built: Built, f: Family, y: int) -> None:
    """A share the servant holds by ЕГРЮЛ and declares, in a company that supplies no one."""
    p = f.servant
    company = g.campaign.registry.company(founders=[Holder(p.last_name.upper(), p.first_name.upper(),
                                                           p.middle_name.upper(), f.inn, date(y - 4, 3, 3))])
    _own(built, f, y).items.append(Item(Section.SHARE, "Общество с ограниченной ответственностью",
                                        name=company.full_name, amount=Decimal(10_000), share="100 %",
                                        inn=company.inn, ogrn=company.ogrn))


def _spouse_spelling(g: Generator, built: Built, f: Family, y: int) -> None:
    """The spouse written in capitals and with «е» for «ё» (or the reverse): the same person."""
    for d in built[f.personnel_number][y]:
        if d.member == Member.SPOUSE:
            swapped = d.person.last_name.upper()
            swapped = swapped.replace("Ё", "Е") if "Ё" in swapped else swapped.replace("Е", "Ё", 1)
            d.person = Person(swapped, d.person.first_name.upper(), d.person.middle_name, d.person.birth_date)


DECOYS = (("founder namesake in another region", "", _namesake_elsewhere),
          ("declared ЕГРЮЛ share in a non-supplier", "inn", _declared_founder),
          ("spouse in capitals, ё/е", "spouse", _spouse_spelling))
