"""Families, planted cases of every rule, and decoys, on top of :class:`World`."""

from __future__ import annotations

from datetime import date, timedelta

from screening_world import (
    LOOKALIKE,
    MALE,
    OTHER_REGIONS,
    REGION,
    Company,
    Entrepreneur,
    Person,
    Relative,
    ServantRow,
    World,
    feminine,
    masculine,
)

# Planted cases per 500 servants (scaled with --servants).
PLANTED = {"own_entrepreneur": 25, "own_director": 25, "own_founder": 25, "relative_supplier": 40,
           "relative_business": 40, "hidden_relative": 26, "shared_address": 26, "former_servant": 16}
DECOYS = {"namesake_other_region": 40, "terminated": 30, "relative_inn_differs": 20, "former_after_two_years": 6}


def registry_spelling(w: World, p: Person, last: str | None = None) -> tuple[str, str, str]:
    """How ФНС writes the name: upper case; sometimes е for ё, sometimes a Latin look-alike letter."""
    parts = [last or p.last, p.first, p.middle]
    roll = w.rng.random()
    if roll < 0.25:
        parts = [x.replace("ё", "е").replace("Ё", "Е") for x in parts]
    parts = [x.upper() for x in parts]
    if roll > 0.85:
        word = parts[0]
        spots = [i for i, ch in enumerate(word) if ch in LOOKALIKE]
        if spots:
            i = w.rng.choice(spots)
            parts[0] = word[:i] + LOOKALIKE[word[i]] + word[i + 1:]
    return parts[0], parts[1], parts[2]


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
        father_first = rng.choice(list(MALE))
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
                kids_father = rng.choice(list(MALE))
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


def _pick(w: World, used: set[str], statuses: tuple[str, ...], need_relative: str | None = None
          ) -> ServantRow:
    for _ in range(10000):
        s = w.rng.choice(w.servants)
        if s.number in used or s.status not in statuses:
            continue
        if need_relative == "any" and not s.relatives:
            continue
        used.add(s.number)
        return s
    raise RuntimeError("not enough servants for the planted cases")


def _company_with(w: World, person: Person, role: str, *, region: str = REGION, inn_prob: float = 0.85,
                  last: str | None = None, since: date | None = None, address: dict[str, str] | None = None
                  ) -> Company:
    company = w.new_company(region, f"ПЛАН-{len(w.companies)}", address)
    spelled = registry_spelling(w, person, last)
    holder = Person(*spelled, male=person.male, inn=person.inn, inn_known=False)
    entry = (holder, person.inn if w.rng.random() < inn_prob else None,
             since or w.today - timedelta(days=w.rng.randint(100, 3000)))
    (company.directors if role == "director" else company.founders).append(entry)
    if role == "founder":
        company.directors.append((w.person(w.rng.random() < 0.5), None, entry[2]))
    else:
        company.founders.append((w.person(w.rng.random() < 0.5), None, entry[2]))
    return company


def _ip(w: World, person: Person, last: str | None = None) -> Entrepreneur:
    return w.new_entrepreneur(person, REGION, registry_spelling(w, person, last))


def plant(w: World) -> None:
    scale = w.n_servants / 500
    count = {k: max(2, round(v * scale)) for k, v in PLANTED.items()}
    used: set[str] = set()
    active = ("служащий", "кандидат")
    for _ in range(count["own_entrepreneur"]):
        s = _pick(w, used, active)
        w.truth.add(("own_entrepreneur", s.number, _ip(w, s.person).ogrnip))
    for rule, role in (("own_director", "director"), ("own_founder", "founder")):
        for _ in range(count[rule]):
            s = _pick(w, used, active)
            w.truth.add((rule, s.number, _company_with(w, s.person, role).ogrn))
    for rule in ("relative_supplier", "relative_business"):
        for k in range(count[rule]):
            s = _pick(w, used, active, "any")
            rel = w.rng.choice(s.relatives).person
            maiden = rel.former[0] if rel.former and k % 4 == 0 else None  # registered under the maiden name
            if k % 3 == 2:
                subject: Company | Entrepreneur = _ip(w, rel, maiden)
            else:
                subject = _company_with(w, rel, "director" if k % 2 else "founder", last=maiden)
            if rule == "relative_supplier":
                for _c in range(w.rng.randint(1, 3)):
                    w.contract(s.org, subject)
            elif k % 2:
                w.contract(-1, subject)  # supplies somebody else
            w.truth.add((rule, s.number, getattr(subject, "ogrn", None) or subject.ogrnip))  # type: ignore
    for k in range(count["hidden_relative"]):
        s = _pick(w, used, ("служащий",))
        me = s.person
        family = me.former[0] if me.former else me.last
        if k % 2 == 0 or not me.male:
            # An undeclared brother or sister: the family surname (either gender form), the same patronymic.
            male = w.rng.random() < 0.5
            base = masculine(family)
            hidden = Person(base if male else feminine(base), w.rng.choice(list(MALE)) if male else "Вероника",
                            _sibling_middle(me.middle, male), male, w.person_inn(), False)
        else:
            son = w.rng.random() < 0.5
            hidden = Person(me.last if son else feminine(me.last), "Глеб" if son else "Кира",
                            MALE[me.first][0 if son else 1], son, w.person_inn(), False)
        company = _company_with(w, hidden, "director" if k % 2 else "founder")
        w.contract(s.org, company)
        w.truth.add(("hidden_relative", s.number, company.ogrn))
    for k in range(count["shared_address"]):
        s = _pick(w, used, active, "any" if k % 2 else None)
        who = s.person if k % 2 == 0 else next((r.person for r in s.relatives if r.person.address),
                                               s.person)
        company = w.new_company(REGION, f"АДРЕС-{k}", _registry_address(who.address))
        company.directors.append((w.person(True), None, w.today - timedelta(days=900)))
        w.contract(s.org, company)
        w.truth.add(("shared_address", s.number, company.ogrn))
    for _ in range(count["former_servant"]):
        s = _pick(w, used, ("уволен",))
        assert s.dismissed_on is not None
        since = min(w.today - timedelta(days=5), s.dismissed_on + timedelta(days=w.rng.randint(10, 50)))
        company = _company_with(w, s.person, w.rng.choice(["director", "founder"]), since=since)
        w.contract(s.org, company, sign_date=since + timedelta(days=3))
        w.truth.add(("former_servant", s.number, company.ogrn))
    _decoys(w, used)


def _sibling_middle(middle: str, male: bool) -> str:
    for pair in MALE.values():
        if middle in pair:
            return pair[0 if male else 1]
    return middle


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
        company = _company_with(w, stranger, "director", region=region, inn_prob=0.6)
        w.decoy_subjects[company.ogrn] = "namesake_other_region"
        if k % 4 == 0:
            w.contract(-1, company)
    for k in range(count["terminated"]):
        s = pool[(k + 97) % len(pool)]
        person = s.person if k % 2 == 0 or not s.relatives else s.relatives[-1].person
        if k % 3 == 0:
            ip = _ip(w, person)
            ip.terminated = w.today - timedelta(days=w.rng.randint(30, 900))
            subject: Company | Entrepreneur = ip
            w.decoy_subjects[ip.ogrnip] = "terminated"
        else:
            company = _company_with(w, person, "director")
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
        company = _company_with(w, namesake, "director", inn_prob=1.0)
        w.contract(s.org, company)
        w.decoy_subjects[company.ogrn] = "relative_inn_differs"
    # Left more than two years ago, took the post after the window: not a former_servant case.
    gone = [s for s in w.servants if s.status == "уволен" and s.number not in used]
    for s in gone[:count["former_after_two_years"]]:
        s.dismissed_on = w.today - timedelta(days=1200)
        company = _company_with(w, s.person, "director", since=s.dismissed_on + timedelta(days=800))
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
