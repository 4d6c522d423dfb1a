"""Planting helpers: a servant for a case, a company or ИП held by a person, the registry's spelling."""

from __future__ import annotations

from datetime import date, timedelta

from screening_world import LOOKALIKE, REGION, Company, Entrepreneur, Person, ServantRow, World


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


def pick(w: World, used: set[str], statuses: tuple[str, ...], need_relative: str | None = None
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


def company_with(w: World, person: Person, role: str, *, region: str = REGION, inn_prob: float = 0.85,
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


def ip(w: World, person: Person, last: str | None = None) -> Entrepreneur:
    return w.new_entrepreneur(person, REGION, registry_spelling(w, person, last))
