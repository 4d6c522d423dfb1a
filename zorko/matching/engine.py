"""`match_people`: checked people against a registry person table.

Steps: key the registry once (``registry_index``), turn each person into
comparable name variants (current ФИО and every former surname), find
candidate pairs by blocking in SQL, score every pair with the features
(Fellegi–Sunter sum of partial weights on top of the prior odds), keep the
best variant per registry row, and return the rows above the threshold
with their explanation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from zorko.identifiers import check_inn
from zorko.matching.blocking import candidate_pairs
from zorko.matching.calibration import calibrate
from zorko.matching.features import (
    FEATURES,
    NAME_FEATURES,
    Candidate,
    Context,
    QueryName,
    Signal,
    format_weight,
    namesake_bound,
)
from zorko.matching.model import (
    DEFAULT_THRESHOLD,
    MIN_TF_PERSONS,
    ModelParams,
    namesake_rate,
    prior_weight,
    smoothed_u,
)
from zorko.matching.name_lists import first_name_gender
from zorko.matching.names import (
    guess_gender,
    normalize_part,
    parse_fio,
    split_initials,
    surname_key,
)
from zorko.matching.registry_index import RegistryIndex, prepare_registry, term_counts


@dataclass(slots=True, frozen=True)
class PersonQuery:
    """A person to look for: the caller's key and what the questionnaire says."""

    key: str
    last_name: str
    first_name: str
    middle_name: str = ""
    former_last_names: tuple[str, ...] = ()
    birth_date: date | None = None
    inn: str | None = None
    region: str | None = None
    gender: str | None = None


@dataclass(slots=True)
class Match:
    """A registry row judged to be the person, with the reasons in Russian."""

    query_key: str
    record: dict[str, Any]
    probability: float
    matched_name: str
    inn_status: str
    explanation: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Scored:
    name: QueryName
    candidate: Candidate
    signals: list[Signal]
    weight: float
    certain: bool
    prior: float


def query_names(index: int, person: PersonQuery) -> list[QueryName]:
    """Comparable name variants of one person: current ФИО, then each former surname."""
    last, first, middle = (normalize_part(person.last_name), normalize_part(person.first_name),
                           normalize_part(person.middle_name))
    if person.first_name and "." in person.first_name and not middle:
        # «И.И.» typed into the first-name field.
        parts = split_initials(person.first_name)
        first, middle = (parts + ["", ""])[:2]
    elif not first and " " in last:
        parsed = parse_fio(person.last_name)
        last, first, middle = parsed.last, parsed.first, parsed.middle
    gender = person.gender or guess_gender(last, first, middle)
    digits = "".join(ch for ch in (person.inn or "") if ch.isdigit())
    problem = check_inn(digits, person=True) if digits else None
    inn = digits if digits and not problem else None
    region = (person.region or "").strip().zfill(2) if person.region else None
    if not last and not inn:
        return []  # nothing to look for
    surnames = [("current", last)]
    surnames += [("former", normalize_part(s)) for s in person.former_last_names
                 if normalize_part(s) and normalize_part(s) != last]
    return [QueryName(index, kind, ln, surname_key(ln), first, middle, gender, inn, problem,
                      region, person.birth_date) for kind, ln in surnames]


def _wanted_terms(names: list[QueryName],
                  pairs: list[tuple[int, Candidate]]) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = {k: set() for k in ("ln", "sk", "fn", "mn", "f1", "m1")}
    for _, c in pairs:
        wanted["ln"].add(c.ln)
        wanted["fn"].add(c.fn)
        wanted["mn"].add(c.mn)
    for n in names:
        wanted["ln"].add(n.ln)
        wanted["sk"].add(n.sk)
        wanted["fn"].add(n.fn)
        wanted["mn"].add(n.mn)
        wanted["f1"].add(n.fn[:1])
        wanted["m1"].add(n.mn[:1])
    return wanted


def score_pair(name: QueryName, candidate: Candidate, ctx: Context, prior: float) -> _Scored:
    signals = [feature(name, candidate, ctx) for feature in FEATURES]
    bound = namesake_bound(signals, ctx)
    if bound is not None:
        signals.append(bound)
    weight = prior + sum(s.weight for s in signals)
    certain = any(s.certain for s in signals)
    return _Scored(name, candidate, signals, weight, certain, prior)


def explain(scored: _Scored, prob: float, note: str = "") -> list[str]:
    prior = scored.prior
    lines = [s.text() for s in scored.signals if s.detail]
    if scored.name.inn and not scored.certain:
        lines.append(f"ИНН {scored.name.inn} в реестре не найден: совпадение возможно только "
                     "с записью без ИНН, это учтено в априорном весе")
    if note:
        lines.append(note)
    if scored.certain:
        lines.append("итог: тот же человек по ИНН (вероятность 1)")
    else:
        lines.append(f"итог: вероятность {prob:.3f}".replace(".", ",")
                     + f" (априорный вес {format_weight(prior)}, "
                     f"сумма весов {format_weight(scored.weight)})")
    return lines


def match_people(people: Sequence[PersonQuery], con: duckdb.DuckDBPyConnection, *,
                 table: str = "person_roles", threshold: float = DEFAULT_THRESHOLD,
                 params: ModelParams | None = None) -> list[Match]:
    """Registry rows of ``table`` that are, with probability ≥ threshold, one of ``people``."""
    index = prepare_registry(con, table)
    params = params or ModelParams()
    params.u_fuzzy = smoothed_u(index.u_fuzzy, index.sampled_pairs)
    params.namesake_rate = namesake_rate(index.rare_shared, index.rare_persons,
                                         params.namesake_rate)
    names = [n for i, person in enumerate(people) for n in query_names(i, person)]
    pairs = candidate_pairs(con, index, names)
    ctx = Context(max(index.persons, MIN_TF_PERSONS), term_counts(con, index, _wanted_terms(names, pairs)), params,
                  index.region_share, index.inn_region_share, index.gender_share,
                  first_name_gender(), index.region_pairs)
    if index.has_inn:
        ctx.params = calibrate(params, ctx, names, pairs, index.inn_coverage)
    k = ctx.params.prior_in_registry
    prior = prior_weight(k, index.persons)
    # A known ИНН that the registry does not contain is itself evidence: the
    # person is in the registry only if his rows lack an ИНН (chance 1 − coverage),
    # and then he is one of the persons without ИНН, not one of all persons.
    missed = k * (1 - index.inn_coverage)
    prior_not_found = prior_weight(missed / (missed + 1 - k),
                                   index.persons_without_inn or index.persons)
    found = {names[vi].index for vi, c in pairs if c.inn and c.inn == names[vi].inn}
    best: dict[tuple[int, int], _Scored] = {}
    for vi, candidate in pairs:
        name = names[vi]
        inn_not_found = index.has_inn and bool(name.inn) and name.index not in found
        scored = score_pair(name, candidate, ctx, prior_not_found if inn_not_found else prior)
        if any(s.veto for s in scored.signals):
            continue
        key = (scored.name.index, candidate.rid)
        current = best.get(key)
        if current is None or (scored.certain, scored.weight) > (current.certain, current.weight):
            best[key] = scored
    chosen = [c for c in competing_probabilities(best.values(), 1 - k, ctx) if c[1] >= threshold]
    records = _fetch_records(con, index, [s.candidate.rid for s, _, _ in chosen])
    matches = []
    for scored, prob, note in chosen:
        inn_signal = next(s for s in scored.signals if s.feature == "inn")
        matches.append(Match(
            query_key=people[scored.name.index].key,
            record=records[scored.candidate.rid],
            probability=prob,
            matched_name=scored.name.kind,
            inn_status={"equal": "equal", "different": "different"}.get(inn_signal.level,
                                                                        "unknown"),
            explanation=explain(scored, prob, note),
        ))
    order = {p.key: i for i, p in enumerate(people)}
    matches.sort(key=lambda m: (order.get(m.query_key, 0), -m.probability, m.record["row_id"]))
    return matches


def competing_probabilities(scored: Iterable[_Scored], absent: float = 1.0,
                            ctx: Context | None = None) -> list[tuple[_Scored, float, str]]:
    """Match probability of each pair when a person is at most one registry person.

    Registry rows are grouped into persons (by ИНН, else by the full name);
    the odds of a person are shared against the other candidate persons of
    the same checked person and against his absence from the registry:
    P(j) = o_j / (a + Σ o_k), where o_j = λ/(1 − λ) · LR_j with λ = k / N the
    prior of one registry person, and a = 1 − k the prior of absence. A
    namesake in another region thus loses to the same name in the person's
    own region. Rows confirmed by ИНН are certain (probability 1) but still
    take part with the odds of their names. A row without ИНН in another
    region than the person's best row is that person's only with the chance
    ``same_person_elsewhere`` (given ``ctx``).
    """
    by_query: dict[int, list[_Scored]] = {}
    for s in scored:
        by_query.setdefault(s.name.index, []).append(s)
    result = []
    for group in by_query.values():
        odds: dict[str, float] = {}
        best: dict[str, _Scored] = {}
        for s in group:
            # A person confirmed by ИНН competes with the weight of its names, so that
            # a namesake without ИНН elsewhere does not ride along.
            person = _registry_person(s.candidate)
            if _odds(s.weight) > odds.get(person, 0.0):
                odds[person] = _odds(s.weight)
                best[person] = s
        total = sum(odds.values())
        for s in group:
            if s.certain:
                result.append((s, 1.0, ""))
                continue
            person = _registry_person(s.candidate)
            person_odds = odds[person]
            prob = person_odds / (absent + total)
            notes = []
            if person_odds > _odds(s.weight) * 1.01:
                top = best[person]
                link = 1.0
                if ctx is not None and not s.candidate.inn and s.candidate.region \
                        and top.candidate.region and s.candidate.region != top.candidate.region:
                    link = same_person_elsewhere(top, ctx)
                if link < 1.0:
                    prob = max(prob * link, _odds(s.weight) / (absent + total))
                    notes.append(f"запись без ИНН в другом регионе ({s.candidate.region}), чем "
                                 f"лучше совпадающая ({top.candidate.region}): это то же лицо с "
                                 f"вероятностью {link:.2f}".replace(".", ",")
                                 + " — у человека бывают организации в других регионах, "
                                 "но бывают и полные тёзки")
                else:
                    notes.append("вероятность этой записи — вероятность того же лица по его "
                                 "другой, лучше совпадающей записи в реестре")
            rivals = len(odds) - 1
            if rivals and total - person_odds > 0.01 * person_odds:
                notes.append(f"вероятность поделена с другими подходящими лицами реестра: "
                             f"{rivals}")
            # Every role of a registry person shares the person's probability.
            result.append((s, prob, "; ".join(notes)))
    return result


def same_person_elsewhere(top: _Scored, ctx: Context) -> float:
    """Chance that a row without ИНН of the same full name, in another region, is the same person.

    Rows without ИНН are told apart only by name. A person has a company
    outside his home region with chance 1 − m(region agrees); somebody else
    of the same ФИО is expected μ = N / 2^W times, W the weight of the names
    (capped by the namesake bound, so μ ≥ the namesake rate). The row
    elsewhere is the same person with odds (1 − m) : μ.
    """
    names = sum(s.weight for s in top.signals if s.feature in NAME_FEATURES + ("namesakes",))
    namesakes = max(ctx.persons, 1) / math.pow(2.0, min(max(names, -60.0), 60.0))
    away = 1 - ctx.params.m_region_subject
    return away / (away + namesakes)


def _registry_person(c: Candidate) -> str:
    return c.inn or f"{c.ln}|{c.fn}|{c.mn}"


def _odds(weight: float) -> float:
    return math.pow(2.0, max(min(weight, 60.0), -60.0))


def _fetch_records(con: duckdb.DuckDBPyConnection, index: RegistryIndex,
                   rids: list[int]) -> dict[int, dict[str, Any]]:
    if not rids:
        return {}
    con.register("_zorko_rids", pa.table({"rid": pa.array(sorted(set(rids)), pa.int64())}))
    try:
        cursor = con.execute(f"SELECT t.*, t.rowid AS row_id FROM {index.table} t "
                             "SEMI JOIN _zorko_rids r ON t.rowid = r.rid")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        con.unregister("_zorko_rids")
    return {row[-1]: dict(zip(columns, row, strict=True)) for row in rows}
