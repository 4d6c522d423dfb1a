"""Batch estimates of the model: m-probabilities and the prior from ИНН-confirmed pairs.

Pairs with the same ИНН on both sides are matches whatever their names, so
their comparison levels are an unbiased labelled sample of P(level | same
person): how often the questionnaire misspells a surname, how often the
company is in another region. Splink estimates m by EM over blocked pairs;
here the labels come free from ИНН, and the defaults (worth
``M_PRIOR_PAIRS`` pairs) keep a small batch sensible.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from zorko.matching.features import (
    Candidate,
    Context,
    QueryName,
    compare_first_name,
    compare_last_name,
    compare_middle_name,
    name_level,
    namesake_cap,
    own_names_weight,
)
from zorko.matching.model import (
    ModelParams,
    estimate_prior,
    namesake_rate,
    smoothed_m,
    smoothed_share,
)


def calibrate(params: ModelParams, ctx: Context, names: list[QueryName],
              pairs: list[tuple[int, Candidate]], inn_coverage: float = 1.0) -> ModelParams:
    """Parameters re-estimated on the batch's ИНН-confirmed pairs."""
    confirmed: dict[tuple[int, int], tuple[QueryName, Candidate]] = {}
    for vi, cand in pairs:
        name = names[vi]
        if name.inn and cand.inn == name.inn:
            key = (name.index, cand.rid)
            # The name variant that fits best (a maiden surname) is the one to learn from.
            if key not in confirmed or _fit(name, cand) > _fit(*confirmed[key]):
                confirmed[key] = (name, cand)
    last: Counter[str] = Counter()
    first: Counter[str] = Counter()
    middle: Counter[str] = Counter()
    subject = [0, 0]
    inn_region = [0, 0]
    for name, cand in confirmed.values():
        last[compare_last_name(name, cand, ctx).level] += 1
        if len(name.fn) > 1 and len(cand.fn) > 1:
            first[compare_first_name(name, cand, ctx).level] += 1
        if len(name.mn) > 1 and len(cand.mn) > 1:
            middle[compare_middle_name(name, cand, ctx).level] += 1
        if name.region and cand.region:
            subject[0] += name.region == cand.region
            subject[1] += 1
        if name.region and cand.inn:
            inn_region[0] += cand.inn[:2] == name.region
            inn_region[1] += 1
    # A person present in the registry is found by ИНН only if his rows carry it:
    # the rule's recall is the registry's ИНН coverage (as Splink divides λ by it).
    people_with_inn = len({n.index for n in names if n.inn}) * min(max(inn_coverage, 0.1), 1.0)
    found = len({name.index for name, _ in confirmed.values()})
    return replace(
        params,
        m_last=smoothed_m(params.m_last, last, fixed=()),
        m_first=smoothed_m(params.m_first, first),
        m_middle=smoothed_m(params.m_middle, middle),
        m_region_subject=smoothed_share(subject[0], subject[1], params.m_region_subject),
        m_region_inn=smoothed_share(inn_region[0], inn_region[1], params.m_region_inn),
        prior_in_registry=estimate_prior(people_with_inn, found, params.prior_in_registry),
        namesake_rate=batch_namesake_rate(names, pairs, ctx, inn_coverage),
    )


def batch_namesake_rate(names: list[QueryName], pairs: list[tuple[int, Candidate]],
                        ctx: Context, inn_coverage: float) -> float:
    """The namesake rate, also measured on the checked people whose ИНН is known.

    A namesake is seen only if his rows carry an ИНН, hence the division by
    the registry's ИНН coverage. Never below the registry's own rate.
    """
    shared, rare = batch_namesakes(names, pairs, ctx)
    seen = min(max(inn_coverage, 0.1), 1.0)
    return namesake_rate(min(rare, round(shared / seen)), rare, ctx.params.namesake_rate)


def batch_namesakes(names: list[QueryName], pairs: list[tuple[int, Candidate]],
                    ctx: Context) -> tuple[int, int]:
    """Checked people with an ИНН and a rare full ФИО, and how many share it with another ИНН.

    The namesake bound needs the chance that someone else bears a rare full
    ФИО. The checked people whose ИНН is known answer it for the people
    actually checked (a namesake may be planted next to them, or their
    family may run businesses under the same names): a registry person with
    exactly their ФИО and another ИНН is certainly somebody else. "Rare" is
    where the bound applies: the person's own names would weigh more than
    the cap.
    """
    cap = namesake_cap(ctx)
    rare = {n.index for n in names
            if n.kind == "current" and n.inn and len(n.fn) > 1 and len(n.mn) > 1
            and own_names_weight(n, ctx) > cap}
    shared = {names[vi].index for vi, c in pairs
              if names[vi].index in rare and names[vi].kind == "current" and c.inn
              and c.inn != names[vi].inn and _same_fio(names[vi], c)}
    return len(shared), len(rare)


def _same_fio(name: QueryName, cand: Candidate) -> bool:
    return all(name_level(a, b) == "exact"
               for a, b in ((name.ln, cand.ln), (name.fn, cand.fn), (name.mn, cand.mn)))


def _fit(name: QueryName, cand: Candidate) -> int:
    return (name.ln == cand.ln) * 2 + (name.sk == cand.sk)
