"""Families, planted cases of every rule, and decoys, on top of :class:`World`."""

from __future__ import annotations

from datetime import date, timedelta

from screening_registry import company_with, ip, pick
from screening_relatives import plant_hidden, plant_inn_conflicts, plant_relative_cases
from screening_world import (
    OTHER_REGIONS,
    REGION,
    Company,
    Entrepreneur,
    Person,
    Relative,
    ServantRow,
    World,
    feminine,
)

# Planted cases per 500 servants (scaled with --servants).
PLANTED = {"own_entrepreneur": 25, "own_director": 25, "own_founder": 25, "relative_supplier": 40,
           "relative_business": 40, "hidden_relative": 26, "shared_address": 26, "former_servant": 16,
           "inn_conflict": 4}
# Of the relative cases, per 500 servants: relatives who gave no ИНН and carry one of the most common
# ФИО (dozens to hundreds of namesakes at 1M companies), relatives who gave no ИНН and whose ФИО is
# unique in the region; the rest are ordinary (a random relative, ИНН given or not).
RELATIVE_MIX = {"relative_supplier": {"common_no_inn": 20}, "relative_business": {"common_no_inn": 14,
                                                                                   "unique_no_inn": 14}}
DECOYS = {"namesake_other_region": 40, "terminated": 30, "relative_inn_differs": 20, "former_after_two_years": 6}


def build_families(w: World) -> None:
    rng = w.rng
    per = w.n_relatives / max(1, w.n_servants)
    for i in range(w.n_servants):
        status = "служащий"
        dismissed = None
        if i % 100 >= 94:
            status = "кандидат"
        elif i % 100 >= 88:
            status, dismissed = "уволен", w.today - timedelta(days=rng.randint(60, 650))
        male = rng.random() < 0.45
        father_first = w.names.father(w.names.birth_year())
        family = w.surname()
        home = w.home_address()
        rels: list[Relative] = []
        if male:
            me = w.person(True, family, father_first)
            kids_father, kids_surname = me.first, family
            if rng.random() < 0.8:
                wife = w.person(False, family)
                wife.former = [feminine(w.surname())]
                wife.address = home
                rels.append(Relative(wife, "супруга"))
        else:
            married = rng.random() < 0.75
            husband_surname = w.surname() if married else family
            me = w.person(False, husband_surname, father_first)
            if married:
                me.former = [feminine(family)]
                husband = w.person(True, husband_surname)
                husband.address = home
                rels.append(Relative(husband, "супруг"))
                kids_father = husband.first
            else:
                kids_father = w.names.first(True, w.names.birth_year())
            kids_surname = husband_surname
        me.address = home
        parents_home = w.home_address()
        if rng.random() < 0.9:
            father = w.person(True, family)
            father.first = father_first
            father.address = parents_home
            rels.append(Relative(father, "отец"))
        if rng.random() < 0.9:
            mother = w.person(False, family)
            mother.former = [feminine(w.surname())]
            mother.address = parents_home
            rels.append(Relative(mother, "мать"))
        extra = max(0, round(per - len(rels) + rng.uniform(-1.2, 1.2)))
        for _k in range(extra):
            if rng.random() < 0.55:
                son = rng.random() < 0.5
                child = w.person(son, kids_surname, kids_father)
                child.address = home
                rels.append(Relative(child, "сын" if son else "дочь"))
            else:
                brother = rng.random() < 0.5
                sib = w.person(brother, family, father_first)
                sib.address = w.home_address()
                if not brother and rng.random() < 0.6:
                    sib.former = [sib.last]
                    sib.last = feminine(w.surname())
                rels.append(Relative(sib, "брат" if brother else "сестра"))
        w.servants.append(ServantRow(f"{10000 + i}", me, i % len(w.orgs), status, dismissed, rels))


def plant(w: World) -> None:
    scale = w.n_servants / 500
    count = {k: max(2, round(v * scale)) for k, v in PLANTED.items()}
    used: set[str] = set()
    active = ("служащий", "кандидат")
    for _ in range(count["own_entrepreneur"]):
        s = pick(w, used, active)
        w.truth.add(("own_entrepreneur", s.number, ip(w, s.person).ogrnip))
    for rule, role in (("own_director", "director"), ("own_founder", "founder")):
        for _ in range(count[rule]):
            s = pick(w, used, active)
            w.truth.add((rule, s.number, company_with(w, s.person, role).ogrn))
    plant_relative_cases(w, used, count, RELATIVE_MIX)
    plant_hidden(w, used, count["hidden_relative"])
    plant_inn_conflicts(w, used, count["inn_conflict"])
    for k in range(count["shared_address"]):
        s = pick(w, used, active, "any" if k % 2 else None)
        who = s.person if k % 2 == 0 else next((r.person for r in s.relatives if r.person.address),
                                               s.person)
        company = w.new_company(REGION, f"АДРЕС-{k}", _registry_address(who.address))
        company.directors.append((w.person(True), None, w.today - timedelta(days=900)))
        w.contract(s.org, company)
        w.truth.add(("shared_address", s.number, company.ogrn))
    for _ in range(count["former_servant"]):
        s = pick(w, used, ("уволен",))
        assert s.dismissed_on is not None
        since = min(w.today - timedelta(days=5), s.dismissed_on + timedelta(days=w.rng.randint(10, 50)))
        company = company_with(w, s.person, w.rng.choice(["director", "founder"]), since=since)
        w.contract(s.org, company, sign_date=since + timedelta(days=3))
        w.truth.add(("former_servant", s.number, company.ogrn))
    _decoys(w, used)


def _registry_address(home: str) -> dict[str, str]:
    """The same flat as the questionnaire gives it, in the registry's parts and spelling."""
    parts = [p.strip() for p in home.split(",")]
    town = parts[0].split(" ", 1)[1]
    street = parts[1].split(" ", 1)[1]
    house = parts[2].split(" ", 1)[1]
    flat = parts[3].split(" ", 1)[1]
    return {"index": "650000", "region": REGION, "city": town.upper(), "street": street.upper(),
            "house": f"Д. {house}", "flat": f"КВ. {flat}"}


def _decoys(w: World, used: set[str]) -> None:
    scale = w.n_servants / 500
    count = {k: max(2, round(v * scale)) for k, v in DECOYS.items()}
    w.decoys = dict(count)
    pool = [s for s in w.servants if s.number not in used]
    for k in range(count["namesake_other_region"]):
        s = pool[k % len(pool)]
        person = s.person if k % 2 == 0 or not s.relatives else s.relatives[0].person
        region = w.rng.choice(OTHER_REGIONS)
        stranger = Person(person.last, person.first, person.middle, person.male, w.person_inn(region), False)
        company = company_with(w, stranger, "director", region=region, inn_prob=0.6)
        w.decoy_subjects[company.ogrn] = "namesake_other_region"
        if k % 4 == 0:
            w.contract(-1, company)
    for k in range(count["terminated"]):
        s = pool[(k + 97) % len(pool)]
        person = s.person if k % 2 == 0 or not s.relatives else s.relatives[-1].person
        if k % 3 == 0:
            sole = ip(w, person)
            sole.terminated = w.today - timedelta(days=w.rng.randint(30, 900))
            subject: Company | Entrepreneur = sole
            w.decoy_subjects[sole.ogrnip] = "terminated"
        else:
            company = company_with(w, person, "director")
            company.terminated = w.today - timedelta(days=w.rng.randint(30, 900))
            subject = company
            w.decoy_subjects[company.ogrn] = "terminated"
        if k % 3 == 1:
            w.contract(s.org, subject, sign_date=w.today - timedelta(days=1200))
    for k in range(count["relative_inn_differs"]):
        s = next(x for x in pool[(k * 7 + 31) % len(pool):] + pool if x.relatives)
        rel = s.relatives[0].person
        rel.inn_known = True
        namesake = Person(rel.last, rel.first, rel.middle, rel.male, w.person_inn(), False)
        company = company_with(w, namesake, "director", inn_prob=1.0)
        w.contract(s.org, company)
        w.decoy_subjects[company.ogrn] = "relative_inn_differs"
    # Left more than two years ago, took the post after the window: not a former_servant case.
    gone = [s for s in w.servants if s.status == "уволен" and s.number not in used]
    for s in gone[:count["former_after_two_years"]]:
        s.dismissed_on = w.today - timedelta(days=1200)
        company = company_with(w, s.person, "director", since=s.dismissed_on + timedelta(days=800))
        w.contract(s.org, company, sign_date=s.dismissed_on + timedelta(days=820))
        w.decoy_subjects[company.ogrn] = "former_after_two_years"


def add_background(w: World, suppliers_per_org: int = 80, other_contracts: int = 300) -> None:
    """Ordinary suppliers of the municipality and contracts of other customers: the haystack."""
    rng = w.rng
    for org in range(len(w.orgs)):
        for _ in range(suppliers_per_org):
            company = w.new_company(REGION, f"ПОСТАВЩИК-{len(w.companies)}")
            d = w.person(rng.random() < 0.6)
            company.directors.append((d, d.inn if rng.random() < 0.85 else None, date(2016, 5, 5)))
            f = w.person(rng.random() < 0.6)
            company.founders.append((f, f.inn if rng.random() < 0.85 else None, date(2016, 5, 5)))
            for _c in range(rng.randint(1, 3)):
                w.contract(org, company)
    for _ in range(other_contracts):
        company = w.new_company(rng.choice(OTHER_REGIONS), f"ЧУЖОЙ-{len(w.companies)}")
        d = w.person(True)
        company.directors.append((d, d.inn, date(2018, 1, 1)))
        w.contract(-1, company)
