"""Fellegi–Sunter parameters of the person matcher.

A comparison level's partial match weight is log2(m / u): m is the chance
of that level when the two records are the same person, u when they are
not. Exact name agreements use term-frequency u (the share of registry
persons with that very name, as Splink does); u of the fuzzy levels is
estimated on random pairs of the registry (see ``registry_index``), pulled
towards the defaults below when the registry is too small to tell. m
values are set from the error rates of hand-filled questionnaires and
registry spellings (one-letter slips in a few per cent of names) and
checked on the benchmark; they are not fitted to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# m: P(level | same person), for a questionnaire against a registry record.
M_LAST = {"exact": 0.90, "gender": 0.004, "typo1": 0.05, "typo2": 0.015, "diff": 0.02}
M_FIRST = {"exact": 0.93, "initial": 0.95, "typo1": 0.03, "typo2": 0.006, "diff": 0.01}
M_MIDDLE = {"exact": 0.92, "initial": 0.95, "typo1": 0.04, "typo2": 0.01, "diff": 0.01}
# Default u of the fuzzy levels, used as a prior for the registry estimate.
U_DEFAULT = {"ln_typo1": 3e-4, "ln_typo2": 2e-4, "fn_typo1": 2e-3, "fn_typo2": 5e-4,
             "mn_typo1": 2e-3, "mn_typo2": 5e-4}
# Pseudo-pairs the default u is worth when combined with the sampled estimate.
U_PRIOR_PAIRS = 200_000
# A person mostly runs a business where they live, and their ИНН was mostly
# issued there: P(agree | same person) for the subject's region and for the
# region of the registry ИНН. Both are re-estimated on the batch (see below).
M_REGION_SUBJECT = 0.8
M_REGION_INN = 0.85
# 60 years of possible birth dates.
U_BIRTH_DATE = 1 / (365.25 * 60)
M_BIRTH_DATE = 0.97
# Expected share of checked people who appear in the registry at all; the
# batch's ИНН matches update it (see ``estimate_prior``).
PRIOR_IN_REGISTRY = 0.3
PRIOR_STRENGTH = 20
# Bounds of the per-person prior share (2^-30 ≈ 1e-9): no log of 0 or of a probability of 1.
PRIOR_FLOOR = 1e-9
# Name frequencies are shares of at least this many persons: in a registry of a few rows every
# name would otherwise count as common (a share near 1) and no match could ever be likely.
MIN_TF_PERSONS = 100

# However rare a full ФИО looks in the registry, the chance that another
# human carries exactly the same ФИО is not smaller than this: names are not
# independent draws (surname, first name and patronymic cluster by family,
# nationality and region; sons are named after fathers). The names of a
# pair therefore bring odds of at most persons / NAMESAKE_RATE; only other
# evidence (region, ИНН, birth date) lifts a rare namesake further. The
# registry's own rate (persons with a rare surname sharing their full ФИО
# with another ИНН) is used when it is higher, counted as NAMESAKE_PRIOR
# persons' worth against the default.
NAMESAKE_RATE = 0.02
NAMESAKE_PRIOR = 200


def namesake_rate(shared: int, persons: int, default: float = NAMESAKE_RATE) -> float:
    """A measured rate of full namesakes among rare names, never below ``default``."""
    smoothed = (shared + default * NAMESAKE_PRIOR) / (persons + NAMESAKE_PRIOR)
    return max(default, smoothed)

# Default cut-off on the match probability: precision ≥ 0.98 and F1 ≥ 0.97 on
# the benchmark at both 100k and 1M registry roles, with the precision at 10M
# closest to 0.98 (see docs/matching.md, «Calibration»). The probabilities are
# calibrated, so the cut-off means what it says: about 7 in 10 matches at 0.7
# are right, 99.9 % of those above 0.99.
DEFAULT_THRESHOLD = 0.7
# Cut-off at which `zorko match` links a row to a checked person. Lower than
# DEFAULT_THRESHOLD (which the screening also uses for its tiers) because the
# unit a user decides about is the person: at 0.6 the per-person F1 is at
# least 0.98 of the oracle's at 1M and 10M on both benchmark seeds (at 0.7 it
# falls to 0.976 at 10M), with pairwise precision still ≥ 0.98 at 100k and 1M
# (docs/matching.md, «Per checked person»).
LINK_THRESHOLD = 0.6


@dataclass(slots=True)
class ModelParams:
    m_last: dict[str, float] = field(default_factory=lambda: dict(M_LAST))
    m_first: dict[str, float] = field(default_factory=lambda: dict(M_FIRST))
    m_middle: dict[str, float] = field(default_factory=lambda: dict(M_MIDDLE))
    u_fuzzy: dict[str, float] = field(default_factory=lambda: dict(U_DEFAULT))
    m_region_subject: float = M_REGION_SUBJECT
    m_region_inn: float = M_REGION_INN
    prior_in_registry: float = PRIOR_IN_REGISTRY
    namesake_rate: float = NAMESAKE_RATE


# Weight of the defaults, in pairs, when m is re-estimated on ИНН-confirmed pairs.
M_PRIOR_PAIRS = 50


def smoothed_m(defaults: dict[str, float], counts: dict[str, int],
               fixed: tuple[str, ...] = ("initial",)) -> dict[str, float]:
    """m of each level from pairs known to match (same ИНН), shrunk towards the defaults.

    Levels in ``fixed`` are conditional on the form of the questionnaire
    (an initial can only agree with an initial) and keep their default.
    """
    free = {k: v for k, v in defaults.items() if k not in fixed}
    total_default = sum(free.values())
    n = sum(counts.get(k, 0) for k in free)
    result = dict(defaults)
    for level, default in free.items():
        share = default / total_default
        result[level] = (counts.get(level, 0) + share * M_PRIOR_PAIRS) / (n + M_PRIOR_PAIRS)
        result[level] *= total_default
    return result


def smoothed_share(agree: int, total: int, default: float) -> float:
    value = (agree + default * M_PRIOR_PAIRS) / (total + M_PRIOR_PAIRS)
    return min(max(value, 0.01), 0.995)


def smoothed_u(counts: dict[str, float], pairs: int) -> dict[str, float]:
    """Sampled fuzzy-level frequencies, shrunk towards the defaults."""
    return {
        name: (counts.get(name, 0.0) + default * U_PRIOR_PAIRS) / (pairs + U_PRIOR_PAIRS)
        for name, default in U_DEFAULT.items()
    }


def estimate_prior(people_with_inn: float, found_by_inn: int,
                   default: float = PRIOR_IN_REGISTRY) -> float:
    """Share of checked people present in the registry, from those whose ИНН is known.

    Splink estimates λ from deterministic rules in the same way; the
    default counts as PRIOR_STRENGTH people so a small batch stays near it.
    """
    share = (found_by_inn + default * PRIOR_STRENGTH) / (people_with_inn + PRIOR_STRENGTH)
    return min(max(share, 0.01), 0.99)


def log2_ratio(m: float, u: float) -> float:
    return math.log2(max(m, 1e-12) / max(u, 1e-12))


def prior_weight(prior_in_registry: float, persons: int) -> float:
    """log2 prior odds that a given registry person is the checked person.

    A tiny registry can make the share 0 (every row has an ИНН, so a person
    whose ИНН is missing from it cannot be there) or 1 (one person): the odds
    are then floored and capped instead of taking the log of 0.
    """
    lam = min(max(prior_in_registry / max(persons, 1), PRIOR_FLOOR), 1 - PRIOR_FLOOR)
    return math.log2(lam / (1 - lam))


def probability(weight: float) -> float:
    if weight > 60:
        return 1.0
    if weight < -60:
        return 0.0
    return 1.0 / (1.0 + math.pow(2.0, -weight))
