"""Planted cases about people the questionnaire may not pin down: relatives, hidden relatives, ИНН conflicts.

A relative who gave no ИНН and carries a common ФИО has dozens to hundreds of namesakes among the
registry persons (they are drawn from the same frequencies); one whose ФИО is unique in the region
has none. Every case records a :class:`Case` so the report can split recall by kind.
"""

from __future__ import annotations

from screening_names import other_gender_patronymic, patronymic
from screening_registry import company_with, ip, pick
from screening_world import (
    Case,
    Company,
    Entrepreneur,
    Person,
    ServantRow,
    World,
    feminine,
    masculine,
    name_key,
)

from zorko.demo.names import SURNAMES

ACTIVE = ("служащий", "кандидат")
# A common ФИО: at least COMMON_NAMESAKES namesakes expected among the persons of COMMON_AT companies
# (Иванова Елена Владимировна: about 370), whatever the size of the run.
COMMON_AT, COMMON_NAMESAKES = 1_000_000, 20
# A ФИО is «unique in the region» when fewer than this many namesakes are expected there.
UNIQUE_IN_REGION = 0.01


def pick_relative(w: World, used: set[str], category: str) -> tuple[ServantRow, Person]:
    """A relative of a servant not used yet: a random one, or one without ИНН of the wanted kind."""
    if category == "ordinary":
        s = pick(w, used, ACTIVE, "any")
        return s, w.rng.choice(s.relatives).person
    pairs = [(s, r.person) for s in w.servants if s.number not in used and s.status in ACTIVE
             for r in s.relatives]
    if category == "common_no_inn":
        pairs.sort(key=lambda sr: -w.expected_namesakes(sr[1], COMMON_AT))
        common = [(s, p) for s, p in pairs if w.expected_namesakes(p, COMMON_AT) >= COMMON_NAMESAKES]
        pairs = common or pairs[:20]
    else:
        in_region = w.region_share + 0.03  # the background plus the municipality's own companies
        pairs.sort(key=lambda sr: w.expected_namesakes(sr[1]))
        rare = [(s, p) for s, p in pairs if w.expected_namesakes(p) * in_region < UNIQUE_IN_REGION]
        pairs = rare or pairs[:max(20, len(pairs) // 25)]
    s, person = w.rng.choice(pairs)
    used.add(s.number)
    person.inn_known = False
    return s, person


def plant_relative_cases(w: World, used: set[str], count: dict[str, int], mix: dict[str, dict[str, int]]
                         ) -> None:
    scale = w.n_servants / 500
    for rule in ("relative_supplier", "relative_business"):
        kinds = [kind for kind, n in mix.get(rule, {}).items() for _ in range(max(1, round(n * scale)))]
        kinds += ["ordinary"] * max(0, count[rule] - len(kinds))
        for k, kind in enumerate(kinds):
            s, rel = pick_relative(w, used, kind)
            # Registered under the maiden name (not for a common ФИО: that would make it a rare one).
            maiden = rel.former[0] if rel.former and k % 4 == 0 and kind != "common_no_inn" else None
            if k % 3 == 2:
                subject: Company | Entrepreneur = ip(w, rel, maiden)
            else:
                subject = company_with(w, rel, "director" if k % 2 else "founder", last=maiden)
            if rule == "relative_supplier":
                for _c in range(w.rng.randint(1, 3)):
                    w.contract(s.org, subject)
            elif k % 2:
                w.contract(-1, subject)  # supplies somebody else
            ogrn = subject.ogrn if isinstance(subject, Company) else subject.ogrnip
            w.truth.add((rule, s.number, ogrn))
            w.cases[(rule, s.number, ogrn)] = Case(kind, rel.full, name_key(maiden or rel.last, rel.first,
                                                                             rel.middle), person_inn=rel.inn)


def plant_hidden(w: World, used: set[str], n: int) -> None:
    """Undeclared brothers, sisters and children directing or founding a supplier of the organisation."""
    for k in range(n):
        s = pick(w, used, ("служащий",))
        me = s.person
        family = me.former[0] if me.former else me.last
        if k % 2 == 0 or not me.male:
            # A brother or sister: the family surname (either gender form), the same patronymic.
            male = w.rng.random() < 0.5
            base = masculine(family)
            middle = other_gender_patronymic(me.middle, w.names.all_male_names)[0 if male else 1]
            hidden = Person(base if male else feminine(base), w.names.first(male, me.birth.year), middle, male,
                            w.person_inn(), False)
        else:
            son = w.rng.random() < 0.5
            hidden = Person(me.last if son else feminine(me.last), w.names.first(son, me.birth.year + 28),
                            patronymic(me.first, son), son, w.person_inn(), False)
        if _known_in_family(s, hidden):
            continue  # a «hidden» sibling named like the servant or a declared relative would not be hidden
        company = company_with(w, hidden, "director" if k % 2 else "founder")
        w.contract(s.org, company)
        w.truth.add(("hidden_relative", s.number, company.ogrn))
        frequent = masculine(hidden.last) in SURNAMES
        w.cases[("hidden_relative", s.number, company.ogrn)] = Case("frequent_surname" if frequent else "rare_surname")


def _known_in_family(s: ServantRow, hidden: Person) -> bool:
    """The servant or a declared relative carries the hidden person's first name and patronymic."""
    people = [s.person, *(r.person for r in s.relatives)]
    return any(p.first.lower() == hidden.first.lower() and p.middle.lower() == hidden.middle.lower()
               and masculine(p.last).lower() in {masculine(x).lower() for x in (hidden.last, *p.former)}
               or p.first.lower() == hidden.first.lower() and p.middle.lower() == hidden.middle.lower()
               and any(masculine(f).lower() == masculine(hidden.last).lower() for f in p.former)
               for p in people)


def plant_inn_conflicts(w: World, used: set[str], n: int) -> None:
    """A servant's ИНН on a registry director whose surname, first name and patronymic all differ.

    A typing error on one side, not the servant's business: the case is a data conflict
    (rule ``inn_conflict``); the same subject coming out as own_director is a wrong finding.
    """
    for k in range(n):
        s = pick(w, used, ACTIVE)
        me = s.person
        me.inn_known = True
        other = w.person(me.male)
        while other.last == me.last or other.first == me.first or other.middle == me.middle:
            other = w.person(me.male)
        other.inn = me.inn
        company = company_with(w, other, "director", inn_prob=1.0)
        if k % 2:
            w.contract(s.org, company)
        w.truth.add(("inn_conflict", s.number, company.ogrn))
        w.cases[("inn_conflict", s.number, company.ogrn)] = Case("inn_conflict")
