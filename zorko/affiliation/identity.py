"""Is this registry person our person? The one place the rules ask it.

:func:`match_roles` finds, for each person of the snapshot, the
``person_roles`` rows that name them, with a score, a confidence tier and a
Russian explanation. The rules never compare names themselves, so the
matching engine can be swapped here without touching them.

Signals: ИНН equal → certain; ИНН both known and different → not the same
person (veto); otherwise the full ФИО (ё/е, case and Latin look-alikes
folded; former surnames count), weighed by region and by how many distinct
people in the registry carry the same ФИО.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from zorko.affiliation.model import PersonRecord
from zorko.matching.normalize import normalize_name

INN, STRONG, WEAK = "inn", "strong", "weak"
# More distinct people than this with the same ФИО, or more expected by chance, make the name "common";
# a name is "rare" when it is unique and fewer than RARE_CHANCE namesakes are expected.
COMMON_NAME = 2
COMMON_CHANCE = 0.5
RARE_CHANCE = 0.1
MIN_SAMPLE = 10_000

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
    person_key: str
    role: dict[str, Any]
    score: float
    confidence: str  # inn | strong | weak
    explanation: list[str] = field(default_factory=list)
    via_former_name: str = ""


def person_region(person: PersonRecord, home_region: str) -> str:
    """Where the person lives: their ИНН's region code, else the organisation's region."""
    return person.inn[:2] if len(person.inn) == 12 else home_region


def _load_people(con: duckdb.DuckDBPyConnection, people: list[tuple[PersonRecord, str]]) -> None:
    cols: dict[str, list[Any]] = {k: [] for k in ("key", "last", "first", "middle", "inn", "former")}
    for person, _region in people:
        names = [(person.last_name, "")] + [(n, n) for n in person.former_last_names]
        for last, former in names:
            cols["key"].append(person.key)
            cols["last"].append(normalize_name(last))
            cols["first"].append(normalize_name(person.first_name))
            cols["middle"].append(normalize_name(person.middle_name))
            cols["inn"].append(person.inn or "")
            cols["former"].append(former)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE q AS SELECT unnest($key) AS key, unnest($last) AS last, "
        "unnest($first) AS first, unnest($middle) AS middle, unnest($inn) AS inn, unnest($former) AS former",
        cols,
    )


def match_roles(con: duckdb.DuckDBPyConnection, people: list[tuple[PersonRecord, str]]) -> list[RoleHit]:
    """Role records naming each (person, home region) pair; vetoed pairs are left out."""
    if not people:
        return []
    con.execute(NORM_MACRO)
    _load_people(con, people)
    role_cols = ", ".join(f"r.{c}" for c in ROLE_COLUMNS)
    rows = con.execute(f"""
        WITH by_name AS (
            SELECT q.key, q.former, q.inn AS q_inn, q.middle AS q_middle, {role_cols},
                   zn(r.middle_name) AS r_middle
            FROM person_roles r JOIN q ON zf(r.last_name) = q.last AND zf(r.first_name) = q.first
        ), by_inn AS (
            SELECT q.key, '' AS former, q.inn AS q_inn, q.middle AS q_middle, {role_cols},
                   zn(r.middle_name) AS r_middle
            FROM person_roles r JOIN (SELECT DISTINCT key, inn, middle FROM q WHERE inn <> '') q
              ON r.inn = q.inn
        ), hits AS (
            SELECT * FROM by_name
            WHERE (q_middle = r_middle OR q_middle = '' OR r_middle = '')
            UNION ALL SELECT * FROM by_inn
        )
        SELECT *, count(DISTINCT coalesce(nullif(inn, ''), subject_ogrn))
                  OVER (PARTITION BY key, former, r_middle) AS namesakes
        FROM hits
    """).fetchall()
    names = ["key", "former", "q_inn", "q_middle", *ROLE_COLUMNS, "r_middle", "namesakes"]
    regions = {p.key: (p, r) for p, r in people}
    expected = _expected_namesakes(con)
    best: dict[tuple[str, str, str, str], RoleHit] = {}
    for values in rows:
        row = dict(zip(names, values, strict=True))
        row["expected"] = expected(row["last_name"], row["first_name"], row["q_middle"])
        person, home = regions[row["key"]]
        hit = _score(row, person, home)
        if hit is None:
            continue
        ident = (hit.person_key, row["subject_ogrn"], row["role"], row["last_name"] or "")
        if ident not in best or best[ident].score < hit.score:
            best[ident] = hit
    return list(best.values())


def _expected_namesakes(con: duckdb.DuckDBPyConnection) -> Any:
    """How many registry people would carry this ФИО by chance, from surname, name and patronymic frequencies.

    The exact-ФИО count alone undercounts in a small or partial registry: «Иванов Михаил
    Андреевич» may appear once, yet every part of it is frequent. Independence of the three
    parts is assumed (the Fellegi–Sunter term-frequency idea).
    """
    rows = con.execute("""
        WITH r AS (SELECT zf(last_name) AS l, zf(first_name) AS f, zf(middle_name) AS m FROM person_roles)
        SELECT 'l', l, count(*) FROM r WHERE l IN (SELECT last FROM q) GROUP BY l
        UNION ALL SELECT 'f', f, count(*) FROM r WHERE f IN (SELECT first FROM q) GROUP BY f
        UNION ALL SELECT 'm', m, count(*) FROM r WHERE m IN (SELECT middle FROM q) GROUP BY m
    """).fetchall()
    freq = {(part, value): n for part, value, n in rows}
    # Frequencies from a few thousand roles say little about a country of namesakes: below this
    # size the registry is treated as a sample of that size.
    (count,) = con.execute("SELECT count(*) FROM person_roles").fetchall()[0]
    total = max(MIN_SAMPLE, int(count))

    def expect(last: str | None, first: str | None, q_middle: str) -> float:
        n_last = freq.get(("l", normalize_name(last)), 1)
        n_first = freq.get(("f", normalize_name(first)), 1)
        n_middle = freq.get(("m", q_middle), 1) if q_middle else total
        return n_last * n_first * n_middle / total / total

    return expect


def _score(row: dict[str, Any], person: PersonRecord, home: str) -> RoleHit | None:
    role = {c: row[c] for c in ROLE_COLUMNS}
    role["since"] = role["since"].isoformat() if role["since"] else None
    reg_inn = (row["inn"] or "").strip()
    name = " ".join(p for p in (row["last_name"], row["first_name"], row["middle_name"]) if p)
    if person.inn and reg_inn:
        if person.inn != reg_inn:
            return None  # both known and different: another human
        return RoleHit(person.key, role, 1.0, INN,
                       [f"ИНН {reg_inn} совпадает с ИНН из анкеты", f"в реестре: {name}"])
    why = [f"ФИО совпадает: {name}"]
    if row["former"]:
        why.append(f"под прежней фамилией «{row['former']}»")
    region = reg_inn[:2] if len(reg_inn) == 12 else (row["region"] or "")
    ours = person_region(person, home)
    same_region = bool(region) and region in {ours, home}
    namesakes = int(row["namesakes"] or 1)
    chance = float(row.get("expected") or 0.0)
    # Few servants run a business, so a ФИО that others carry by chance is more often a namesake
    # than our person: only a name nobody else is expected to carry counts as strong.
    rare = namesakes == 1 and chance <= RARE_CHANCE
    common = namesakes > COMMON_NAME or chance > COMMON_CHANCE
    score = (0.9 if rare else 0.65 if common else 0.75) if same_region else (0.6 if rare else 0.35 if common else 0.45)
    if common:
        why.append(f"ФИО распространённое: {namesakes} разных лиц в реестре, по частоте фамилии, имени и "
                   f"отчества ожидается около {max(chance, namesakes):.1f}")
    elif rare:
        why.append("ФИО редкое в реестре")
    else:
        why.append(f"ФИО встречается: {namesakes} в реестре, по частоте частей ожидается {chance:.2f}")
    why.append(f"регион {region} совпадает с регионом проживания" if same_region
               else f"регион {region or 'не указан'} отличается от региона проживания {ours}")
    if not (row["q_middle"] and row["r_middle"]):
        score -= 0.2
        why.append("отчество не указано в одной из записей")
    if row["unreliable"]:
        score -= 0.1
        why.append("в реестре отметка о недостоверности сведений")
    confidence = STRONG if same_region and rare and score >= 0.85 else WEAK
    return RoleHit(person.key, role, round(max(score, 0.05), 2), confidence, why, row["former"] or "")
