"""Where a registry person lives, judged from all of his rows at once.

A person's companies mostly sit in his home region and his ИНН was mostly
issued there; a namesake's companies cluster in *his* home. Weighed row by
row, a namesake with three companies in Moscow looks like one with a single
company there; judged together, three Moscow companies say «this one lives
in Moscow» far more firmly, and the ИНН issued where the companies are is
not a second, independent proof of the same home. The weight is

    log2 L(rows | home = H) / Σ_h w(h) · L(rows | home = h)

    L(rows | h) = Π_i (m·[r_i = h] + (1 − m)·w(r_i)) · (m_inn·[ir = h] + (1 − m_inn)·w_inn(ir))

H: the checked person's home; r_i: the regions of the companies of the
registry person's rows; ir: the region of his ИНН; m, m_inn: the chance that
a company, an ИНН, is in the home region (learnt from the batch's pairs
confirmed by ИНН); w, w_inn: the registry's shares of the regions. A random
person's home is summed over; only the regions the rows name need their own
term, every other home gives the same product.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from zorko.matching.features import QueryName, Signal

# Floor of a region's share: a region the registry barely knows is still possible.
MIN_SHARE = 1e-4


def home_weight(home: str, regions: Sequence[str], inn_region: str | None, m: float,
                m_inn: float, shares: dict[str, float], inn_shares: dict[str, float]) -> float:
    """log2 likelihood ratio that a registry person with these rows lives in ``home``."""

    def w(region: str) -> float:
        return max(shares.get(region, 0.0), MIN_SHARE)

    def w_inn(region: str) -> float:
        return max(inn_shares.get(region, 0.0), MIN_SHARE)

    def log_likelihood(h: str | None) -> float:
        total = sum(math.log(m * (r == h) + (1 - m) * w(r)) for r in regions)
        if inn_region:
            total += math.log(m_inn * (inn_region == h) + (1 - m_inn) * w_inn(inn_region))
        return total

    named = set(regions) | ({inn_region} if inn_region else set())
    same = log_likelihood(home)
    elsewhere = log_likelihood(None)  # a home none of the rows names
    rest = max(1.0 - sum(w(h) for h in named), 0.0)
    terms = [math.log(w(h)) + log_likelihood(h) for h in named]
    if rest > 0:
        terms.append(math.log(rest) + elsewhere)
    top = max(terms)
    random_person = top + math.log(sum(math.exp(t - top) for t in terms))
    return (same - random_person) / math.log(2)


def query_home(name: QueryName) -> str | None:
    """Where the checked person lives: the questionnaire's region, else his ИНН's."""
    return name.region or (name.inn[:2] if name.inn else None)


def home_signal(name: QueryName, regions: Sequence[str], inn_region: str | None,
                weight: float) -> Signal:
    """The Russian sentence for the home evidence of one registry person."""
    home = query_home(name)
    at_home = sum(r == home for r in regions) + (inn_region == home)
    told = len(regions) + (inn_region is not None)
    if at_home == told:
        verdict, level = "регион совпадает", "agree"
    elif at_home == 0:
        verdict, level = "регион не совпадает", "disagree"
    else:
        verdict, level = "регион совпадает частично", "partly"
    if not name.region:
        who = f"ИНН человека выдан в регионе {home}"
    elif name.inn:
        who = f"ИНН выдан в регионе {name.inn[:2]}, человек живёт в регионе {home}"
    else:
        who = f"человек живёт в регионе {home}"
    parts = [who]
    if len(regions) == 1:
        parts.append(f"организация в регионе {regions[0]}")
    elif regions:
        counted = Counter(regions)
        listed = ", ".join(f"{r} ({n})" if n > 1 else r for r, n in sorted(
            counted.items(), key=lambda item: (-item[1], item[0])))
        parts.append(f"организации этого лица в реестре — в регионах {listed}")
    if inn_region:
        parts.append(f"ИНН в реестре выдан в регионе {inn_region}")
    return Signal("home_region", level, weight, f"{verdict}: {', '.join(parts)}")
