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
    Candidate,
    Context,
    QueryName,
    Signal,
    format_weight,
    namesake_bound,
    namesake_cap,
    own_names_weight,
)
from zorko.matching.home import home_signal, home_weight, query_home
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
from zorko.regions import region_code


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
    # The same reasons as structure (feature, level, weight, detail), for typed evidence.
    signals: list[Signal] = field(default_factory=list)


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
    region = region_code(person.region)
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
                  first_name_gender())
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
    judged = with_home_evidence(best.values(), ctx)
    chosen = [c for c in competing_probabilities(judged, 1 - k, ctx) if c[1] >= threshold]
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
            signals=[s for s in scored.signals if s.detail],
        ))
    order = {p.key: i for i, p in enumerate(people)}
    matches.sort(key=lambda m: (order.get(m.query_key, 0), -m.probability, m.record["row_id"]))
    return matches


def with_home_evidence(scored: Iterable[_Scored], ctx: Context) -> list[_Scored]:
    """Pairs with the region evidence of all the rows of their registry person added.

    See ``home``: the companies of one registry person and his ИНН tell
    where he lives together, so they are weighed together, once per person.
    """
    groups: dict[tuple[int, str], list[_Scored]] = {}
    for s in scored:
        groups.setdefault((s.name.index, _registry_person(s.candidate)), []).append(s)
    result = []
    for rows in groups.values():
        name = rows[0].name
        home = query_home(name)
        regions = [r.candidate.region for r in rows if r.candidate.region]
        top = rows[0].candidate
        inn_region = top.inn[:2] if top.inn and not name.inn else None
        if not home or not (regions or inn_region):
            result.extend(rows)
            continue
        weight = home_weight(home, regions, inn_region, ctx.params.m_region_subject,
                             ctx.params.m_region_inn, ctx.region_share, ctx.inn_region_share)
        signal = home_signal(name, regions, inn_region, weight)
        for s in rows:
            signals = [*s.signals, signal]
            result.append(_Scored(s.name, s.candidate, signals,
                                  s.prior + sum(x.weight for x in signals), s.certain, s.prior))
    return result


def competing_probabilities(scored: Iterable[_Scored], absent: float,
                            ctx: Context) -> list[tuple[_Scored, float, str]]:
    """Match probability of each pair when a person is at most one registry person.

    Registry rows are grouped into persons (by ИНН, else by the full name
    and region); the odds of a person are shared against the other
    candidate persons of the same checked person and against his absence
    from the registry: P(j) = o_j / (a + Σ o_k), where o_j = λ/(1 − λ) · LR_j
    with λ = k / N the prior of one registry person, and a = 1 − k the prior
    of absence. A namesake in another region thus loses to the same name in
    the person's own region. Rows confirmed by ИНН are certain (probability
    1) but still take part with the odds of their names. Rows without ИНН
    of the same full name in another region may be the same person: they
    take the best such person's probability times ``same_person_elsewhere``
    when that is higher than their own.
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
        lead: dict[str, str] = {}  # full name → its likeliest person without ИНН
        for person, top in best.items():
            if not top.candidate.inn:
                full = _full_name(top.candidate)
                if full not in lead or odds[person] > odds[lead[full]]:
                    lead[full] = person
        links = {full: same_person_elsewhere(best[person].candidate, ctx)
                 for full, person in lead.items()}
        # A row without ИНН elsewhere is a rival only in so far as it is somebody else.
        total = sum(o * (1 - links[_full_name(best[p].candidate)])
                    if not best[p].candidate.inn and lead[_full_name(best[p].candidate)] != p
                    else o for p, o in odds.items())
        for s in group:
            if s.certain:
                result.append((s, 1.0, ""))
                continue
            person = _registry_person(s.candidate)
            person_odds = odds[person]
            prob = person_odds / (absent + total)
            notes = []
            if person_odds > _odds(s.weight) * 1.01:
                notes.append("вероятность этой записи — вероятность того же лица по его "
                             "другой, лучше совпадающей записи в реестре")
            other = lead.get(_full_name(s.candidate)) if not s.candidate.inn else None
            if other is not None and other != person:
                link = links[_full_name(s.candidate)]
                linked = odds[other] / (absent + total) * link
                if linked > prob:
                    prob = linked
                    notes.append(f"запись без ИНН; такое же ФИО без ИНН есть в регионе "
                                 f"{best[other].candidate.region}, где совпадение лучше: это то же "
                                 f"лицо с вероятностью {link:.2f}".replace(".", ",")
                                 + " — у человека бывают организации в других регионах, "
                                 "но бывают и полные тёзки")
            rivals = len(odds) - 1
            if rivals and total - person_odds > 0.01 * person_odds:
                notes.append(f"вероятность поделена с другими подходящими лицами реестра: "
                             f"{rivals}")
            # Every role of a registry person shares the person's probability.
            result.append((s, prob, "; ".join(notes)))
    return result


def same_person_elsewhere(candidate: Candidate, ctx: Context) -> float:
    """Chance that rows without ИНН of one full name, in two regions, are one person.

    Rows without ИНН are told apart only by name. A person has a company
    outside his home region with chance 1 − m(region agrees); somebody else
    of the same ФИО is expected μ = N / 2^W times, W the weight the full
    name would have if matched exactly (capped by the namesake bound, so
    μ ≥ the namesake rate). The row elsewhere is the same person with odds
    (1 − m) : μ.
    """
    namesakes = max(ctx.persons, 1) / math.pow(2.0, min(max(own_name_weight(candidate, ctx),
                                                             -60.0), 60.0))
    away = 1 - ctx.params.m_region_subject
    return away / (away + namesakes)


def own_name_weight(candidate: Candidate, ctx: Context) -> float:
    """Weight of the candidate's full name matched with itself, capped by the namesake bound."""
    gender = guess_gender(candidate.ln, candidate.fn, candidate.mn)
    name = QueryName(-1, "current", candidate.ln, candidate.sk, candidate.fn, candidate.mn,
                     gender, None, None, None, None)
    return min(own_names_weight(name, ctx), namesake_cap(ctx))


def _registry_person(c: Candidate) -> str:
    """A registry person: one ИНН; without ИНН, one full name in one region."""
    return c.inn or f"{_full_name(c)}|{c.region}"


def _full_name(c: Candidate) -> str:
    return f"{c.ln}|{c.fn}|{c.mn}"


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
