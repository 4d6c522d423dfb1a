"""Is this registry person our person? The one place the rules ask it.

:func:`match_roles` finds, for each person of the snapshot, the
``person_roles`` rows that name them, with a score, a confidence tier and a
Russian explanation. The rules never compare names themselves: the matching
engine (:func:`zorko.matching.match_people`) is called here and its verdict
is mapped onto the tiers the rules' severity logic reads.

The engine gives the candidates (ё/е, case, Latin look-alikes, transliteration,
initials, gender forms of surnames, one-letter slips, former surnames), the
ИНН certainty and veto, a match probability and its explanation signal by
signal. The screening adds its own policy on top: few servants run a
business, so a name others carry by chance is more often a namesake than our
person. A hit is ``strong`` only when the probability is high, the ФИО is
rare in the registry (by the distinct people carrying it and by the
frequencies of its parts) and the region agrees; a common name in another
region stays weak whatever the model says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from zorko.affiliation.evidence import Confidence, MatchEvidence, Signal
from zorko.affiliation.model import PersonRecord
from zorko.affiliation.policy import POLICY
from zorko.matching import (
    DEFAULT_THRESHOLD,
    Match,
    PersonQuery,
    match_people,
    normalize_part,
    surname_key,
)
from zorko.matching.features import Signal as MatchingSignal
from zorko.matching.normalize import normalize_name

INN, STRONG, WEAK = Confidence.INN, Confidence.STRONG, Confidence.WEAK
CONFLICT, JUDGED = Confidence.CONFLICT, Confidence.JUDGED
MIN_SAMPLE = POLICY.min_sample
# A name that matches only up to a slip, an initial or another form is kept when the engine
# calls it a match; the exact ФИО is always kept and weighed by the screening's own policy.
INEXACT_PROBABILITY = DEFAULT_THRESHOLD
# A hit is strong only when the engine calls it a match (its default threshold, 0.9).
STRONG_PROBABILITY = DEFAULT_THRESHOLD

# Normalisation in SQL that mirrors zorko.matching.normalize.normalize_name. ``zn`` is the full
# form; ``zf`` takes a fast path for the usual name of Cyrillic letters only (two bytes each in
# UTF-8, no ё): there lower() is enough, which makes scanning millions of roles 6× cheaper.
NORM_MACRO = """
CREATE OR REPLACE TEMP MACRO zn(s) AS replace(lower(translate(regexp_replace(trim(coalesce(s, '')),
    '\\s+', ' ', 'g'), 'AaBCcEeHKkMOoPpTXxyY', 'АаВСсЕеНКкМОоРрТХхуУ')), 'ё', 'е');
CREATE OR REPLACE TEMP MACRO zf(s) AS CASE WHEN strlen(s) = 2 * length(s) AND NOT contains(s, 'ё')
    AND NOT contains(s, 'Ё') THEN lower(s) ELSE zn(s) END;
"""

ROLE_COLUMNS = ("subject_kind", "subject_ogrn", "role", "last_name", "first_name", "middle_name", "inn",
                "share_percent", "title", "since", "unreliable", "region")


@dataclass(slots=True)
class RoleHit:
    """A registry role row naming one of our people, with how sure the screening is of it."""

    person_key: str
    role: dict[str, Any]
    score: float
    confidence: Confidence
    reasons: list[str] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    via_former_name: str = ""
    probability: float = 0.0
    namesakes: int = 1
    same_region: bool | None = None
    exact: bool = True

    @property
    def explanation(self) -> list[str]:
        """The reasons, then the engine's signals: one readable list for texts and logs."""
        return [*self.reasons, *(f"сопоставление: {s.detail}" for s in self.signals)]

    @property
    def registry_person(self) -> str:
        """Who the row is in the registry: the ИНН, else the full name in a region."""
        return registry_person_key(self.role)

    @property
    def name_only(self) -> bool:
        return self.confidence in (STRONG, WEAK)

    def evidence(self) -> MatchEvidence:
        return MatchEvidence(score=self.score, confidence=self.confidence, probability=round(self.probability, 4),
                             reasons=list(self.reasons), signals=list(self.signals), namesakes=self.namesakes,
                             same_region=self.same_region, exact_name=self.exact,
                             via_former_name=self.via_former_name)


def registry_person_key(role: dict[str, Any]) -> str:
    inn = (role.get("inn") or "").strip()
    if inn:
        return f"inn:{inn}"
    name = " ".join(normalize_name(role.get(c)) for c in ("last_name", "first_name", "middle_name"))
    return f"fio:{name}@{role.get('region') or ''}"


def person_region(person: PersonRecord, home_region: str) -> str:
    """Where the person lives: their ИНН's region code, else the organisation's region."""
    return person.inn[:2] if len(person.inn) == 12 else home_region


def match_roles(con: duckdb.DuckDBPyConnection, people: list[tuple[PersonRecord, str]]) -> list[RoleHit]:
    """Role records naming each (person, home region) pair; vetoed pairs are left out."""
    if not people:
        return []
    queries = [PersonQuery(key=str(i), last_name=person.last_name, first_name=person.first_name,
                           middle_name=person.middle_name,
                           former_last_names=tuple(person.former_last_names),
                           birth_date=person.birth_date, inn=person.inn or None, region=home or None)
               for i, (person, home) in enumerate(people)]
    # Every candidate comes back, however unlikely: a common name that a contract links to the
    # servant's organisation is still worth a look (the rules decide what an unlinked weak hit is worth).
    matches = match_people(queries, con, threshold=0.0) + _same_inn(con, people)
    rows = []
    for m in matches:
        person, home = people[int(m.query_key)]
        reg_inn = (m.record.get("inn") or "").strip()
        if person.inn and reg_inn:
            # The questionnaire's ИНН is compared as written, checksum or not: equal is certain,
            # different is another human.
            if person.inn != reg_inn:
                continue
            m.inn_status = "equal"
        row = _Row(m, person, home)
        if m.inn_status == "equal" or row.exact or m.probability >= INEXACT_PROBABILITY:
            rows.append(row)
    _registry_counts(con, rows)
    best: dict[tuple[str, str, str, str], RoleHit] = {}
    for row in rows:
        hit = _score(row)
        role = hit.role
        ident = (hit.person_key, role["subject_ogrn"], role["role"], role["last_name"] or "")
        if ident not in best or (best[ident].confidence == INN, best[ident].score) < (hit.confidence == INN,
                                                                                          hit.score):
            best[ident] = hit
    return list(best.values())


@dataclass(slots=True)
class _Row:
    match: Match
    person: PersonRecord
    home: str
    namesakes: int = 1
    chance: float = 0.0

    @property
    def record_name(self) -> tuple[str, str, str]:
        r = self.match.record
        return (normalize_name(r.get("last_name")), normalize_name(r.get("first_name")),
                normalize_name(r.get("middle_name")))

    @property
    def former(self) -> str:
        """The former surname the record is under, when it matched on one."""
        if self.match.matched_name != "former" or not self.person.former_last_names:
            return ""
        last = self.record_name[0]
        same = [n for n in self.person.former_last_names if normalize_name(n) == last]
        return (same or self.person.former_last_names)[0]

    @property
    def exact(self) -> bool:
        """The record carries the questionnaire's ФИО as written (case, ё and look-alikes aside)."""
        last, first, middle = self.record_name
        surname = normalize_name(self.former or self.person.last_name)
        q_middle = normalize_name(self.person.middle_name)
        return (last == surname and first == normalize_name(self.person.first_name)
                and (middle == q_middle or not middle or not q_middle))


def _same_inn(con: duckdb.DuckDBPyConnection, people: list[tuple[PersonRecord, str]]) -> list[Match]:
    """Rows carrying a person's ИНН whatever the name (the engine skips an ИНН that fails its checksum)."""
    by_inn: dict[str, list[int]] = {}
    for i, (person, _home) in enumerate(people):
        if person.inn:
            by_inn.setdefault(person.inn, []).append(i)
    if not by_inn:
        return []
    cursor = con.execute("SELECT *, rowid AS row_id FROM person_roles WHERE inn IN (SELECT unnest($inns))",
                         {"inns": sorted(by_inn)})
    columns = [d[0] for d in cursor.description]
    found = []
    for values in cursor.fetchall():
        record = dict(zip(columns, values, strict=True))
        for i in by_inn[record["inn"]]:
            found.append(Match(str(i), record, 1.0, "current", "equal", [f"ИНН совпадает: {record['inn']}"],
                               [MatchingSignal("inn", "equal", 0.0, f"ИНН совпадает: {record['inn']}",
                                               certain=True)]))
    return found


def _initials_only(person: PersonRecord) -> bool:
    return any(part and len(normalize_part(part)) <= 1 for part in (person.first_name, person.middle_name))


def _registry_counts(con: duckdb.DuckDBPyConnection, rows: list[_Row]) -> None:
    """For each candidate: the distinct registry people carrying its ФИО, and how many would by chance.

    People are told apart by ИНН, else by subject; rows the ИНН veto left out still count (a
    namesake with another ИНН is still a namesake). The chance comes from surname, name and
    patronymic frequencies: the exact-ФИО count alone undercounts in a small or partial registry
    («Иванов Михаил Андреевич» may appear once, yet every part of it is frequent). Independence
    of the three parts is assumed (the Fellegi–Sunter term-frequency idea).
    """
    if not rows:
        return
    names = {row.record_name for row in rows}
    con.execute(NORM_MACRO)
    con.register("_zorko_names", pa.table({k: [n[i] for n in names] for i, k in enumerate(("l", "f", "m"))}))
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _zorko_r AS
            SELECT zf(last_name) AS l, zf(first_name) AS f, zf(middle_name) AS m,
                   coalesce(nullif(inn, ''), subject_ogrn) AS who FROM person_roles
        """)
        parts = con.execute("""
            SELECT 'l', l, count(*) FROM _zorko_r WHERE l IN (SELECT l FROM _zorko_names) GROUP BY l
            UNION ALL SELECT 'f', f, count(*) FROM _zorko_r WHERE f IN (SELECT f FROM _zorko_names) GROUP BY f
            UNION ALL SELECT 'm', m, count(*) FROM _zorko_r WHERE m IN (SELECT m FROM _zorko_names) GROUP BY m
        """).fetchall()
        people = con.execute("""
            SELECT r.l, r.f, r.m, count(DISTINCT r.who) FROM _zorko_r r
            JOIN _zorko_names n ON r.l = n.l AND r.f = n.f AND r.m = n.m GROUP BY ALL
        """).fetchall()
        (count,) = con.execute("SELECT count(*) FROM _zorko_r").fetchall()[0]
        con.execute("DROP TABLE _zorko_r")
    finally:
        con.unregister("_zorko_names")
    freq = {(part, value): n for part, value, n in parts}
    carriers = {(last, first, middle): n for last, first, middle, n in people}
    # Frequencies from a few thousand roles say little about a country of namesakes: below this
    # size the registry is treated as a sample of that size.
    total = max(MIN_SAMPLE, int(count))
    for row in rows:
        last, first, middle = row.record_name
        n_middle = freq.get(("m", middle), 1) if middle and row.person.middle_name else total
        row.chance = freq.get(("l", last), 1) * freq.get(("f", first), 1) * n_middle / total / total
        row.namesakes = max(carriers.get(row.record_name, 1), 1)


def _signals(match: Match) -> list[Signal]:
    return [Signal(s.feature, s.level, s.weight, s.detail) for s in match.signals] or \
        [Signal("", "", 0.0, line) for line in match.explanation]


def _name_parts_all_differ(person: PersonRecord, role: dict[str, Any]) -> bool:
    """Surname (any gender form, current or former), first name and patronymic all differ.

    A married surname may differ, but all three parts differing under one ИНН means a typing
    error on one side, not our person.
    """
    def norm(value: Any) -> str:
        return normalize_name(value or "")

    surnames = {surname_key(norm(n)) for n in [person.last_name, *person.former_last_names] if n}
    last, first, middle = norm(role["last_name"]), norm(role["first_name"]), norm(role["middle_name"])
    if not (last and first):
        return False
    same_last = surname_key(last) in surnames
    ours = norm(person.first_name)
    # An initial on either side agrees with any name of that letter.
    same_first = first == ours or (first[:1] == ours[:1] and min(len(first), len(ours)) == 1)
    same_middle = not middle or not person.middle_name or middle == norm(person.middle_name)
    return not (same_last or same_first or same_middle)


def _score(row: _Row) -> RoleHit:
    match, person, home = row.match, row.person, row.home
    role = {c: match.record.get(c) for c in ROLE_COLUMNS}
    role["since"] = role["since"].isoformat() if role["since"] else None
    reg_inn = (role["inn"] or "").strip()
    name = " ".join(p for p in (role["last_name"], role["first_name"], role["middle_name"]) if p)
    signals = _signals(match)
    p = POLICY
    if match.inn_status == "equal":
        if _name_parts_all_differ(person, role):
            return RoleHit(person.key, role, p.inn_conflict_score, CONFLICT,
                           [f"ИНН {reg_inn} совпадает с ИНН из анкеты, но фамилия, имя и отчество отличаются: "
                            f"в анкете {person.full_name}, в реестре {name}",
                            "вероятна ошибка ввода ИНН в анкете или в реестре: сверьте документы"],
                           signals, row.former, 1.0, exact=False)
        return RoleHit(person.key, role, 1.0, INN, [f"ИНН {reg_inn} совпадает с ИНН из анкеты", f"в реестре: {name}"],
                       signals, row.former, 1.0, exact=row.exact)
    exact = row.exact
    why = [f"ФИО совпадает: {name}" if exact else f"ФИО совпадает не полностью: в реестре {name}"]
    if row.former:
        why.append(f"под прежней фамилией «{row.former}»")
    region = reg_inn[:2] if len(reg_inn) == 12 else (role["region"] or "")
    ours = person_region(person, home)
    same_region = bool(region) and region in {ours, home}
    namesakes, chance = row.namesakes, row.chance
    # Few servants run a business, so a ФИО that others carry by chance is more often a namesake
    # than our person: only a name nobody else is expected to carry counts as strong.
    rare = namesakes == 1 and chance <= p.rare_chance
    common = namesakes > p.common_name or chance > p.common_chance
    score = p.name_score(rare, common, same_region)
    if common:
        why.append(f"ФИО распространённое: {namesakes} разных лиц в реестре, по частоте фамилии, имени и "
                   f"отчества ожидается около {max(chance, namesakes):.1f}".replace(".", ","))
    elif rare:
        why.append("ФИО редкое в реестре")
    else:
        why.append(f"ФИО встречается: {namesakes} в реестре, по частоте частей ожидается {chance:.2f}"
                   .replace(".", ","))
    why.append(f"регион {region} совпадает с регионом проживания" if same_region
               else f"регион {region or 'не указан'} отличается от региона проживания {ours}")
    if not exact:
        # A slip, an initial or another form of the name: the engine's probability says how sure.
        score = min(score - p.inexact_penalty, p.min_score + match.probability)
    if not (person.middle_name and role["middle_name"]):
        score -= p.missing_middle_penalty
        why.append("отчество не указано в одной из записей")
    if role["unreliable"]:
        score -= p.unreliable_penalty
        why.append("в реестре отметка о недостоверности сведений")
    initials = _initials_only(person)
    if initials:
        # «Е. А.» fits every Евгений Александрович of that surname: the rarity of the full
        # registry ФИО says nothing about how many people the initials could be.
        why.append("в анкете только инициалы: совпадение не может быть сильным")
    strong = same_region and rare and not initials and match.probability >= STRONG_PROBABILITY \
        and score >= p.strong_score - p.inexact_penalty * (not exact)
    return RoleHit(person.key, role, round(max(score, p.min_score), 2), STRONG if strong else WEAK, why, signals,
                   row.former, match.probability, namesakes, same_region, exact)
