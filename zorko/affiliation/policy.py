"""Every number the screening decides with, in one documented place.

The matching engine (``zorko.matching``) says how probable it is that a
registry row is our person. This policy says what that is worth to an
inspector: which tier a hit gets, its severity, and whether it is a finding,
a clarification request or only a possible namesake. The floors were chosen
on ``bench/screening.py`` (see ``docs/screening.md``): below them a finding
was a namesake far more often than a link, on a registry where names are
drawn from the same frequencies as the questionnaires.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScreeningPolicy:
    # -- who is the registry person (identity tiers) -------------------------------------------
    # More distinct people than this with the same ФИО, or more expected by chance, make a name
    # "common"; "rare" is unique with fewer than ``rare_chance`` namesakes expected.
    common_name: int = 2
    common_chance: float = 0.5
    rare_chance: float = 0.1
    # Frequencies from a few thousand roles say little about a country of namesakes: below this
    # size the registry is treated as a sample of this size.
    min_sample: int = 10_000
    # Scores of a name-only hit: (same region, other region) for rare, neither, common names.
    score_rare: tuple[float, float] = (0.9, 0.6)
    score_plain: tuple[float, float] = (0.75, 0.45)
    score_common: tuple[float, float] = (0.65, 0.35)
    # A name that matched only up to a slip, an initial or another form weighs this much less.
    inexact_penalty: float = 0.05
    missing_middle_penalty: float = 0.2
    unreliable_penalty: float = 0.1
    min_score: float = 0.05
    # A strong hit also needs this score (less the inexact penalty for an inexact name).
    strong_score: float = 0.85

    # -- severity ------------------------------------------------------------------------------
    # A weak hit below this score is low whatever the rule.
    medium_score: float = 0.6

    # -- what deserves a decision (the review queue) -------------------------------------------
    # A name-only hit is a finding only when the engine's probability that the registry person is
    # ours reaches the floor for its consequence: a supplier of the servant's own organisation is
    # worth a look at a lower probability than a business with no contracts with it.
    floor_supplier: float = 0.5
    floor_business: float = 0.8
    # Below the floor, a person without ИНН whose namesakes reach this probability, and touch a
    # supplier (for a relative) or any business (for the servant), gets one clarification request.
    request_min_probability: float = 0.001
    # A request lists at most this many registry persons, the most probable first.
    request_max_candidates: int = 10

    # -- probable undeclared relatives (hidden_relative) ---------------------------------------
    # Expected number of people among the organisation's suppliers sharing the surname and the
    # patronymic by chance: from ``hidden_noise_chance`` on the hint is dropped, from
    # ``hidden_rare_chance`` on it is weaker.
    hidden_noise_chance: float = 2.0
    hidden_rare_chance: float = 0.05
    hidden_score: tuple[float, float] = (0.65, 0.5)  # same region, other region
    hidden_common_penalty: float = 0.15
    # A hint is a finding on its own only when it is this strong (a rare surname and patronymic in
    # the region, or the same address); weaker hints go into the servant's clarification request.
    hidden_finding_score: float = 0.6

    # -- other rules ---------------------------------------------------------------------------
    shared_address_score: float = 0.85
    mass_address_score: float = 0.3
    disqualified_scores: tuple[float, float] = (0.95, 0.6)  # birth date equal, name only
    mass_person_scores: tuple[float, float] = (0.9, 0.5)  # ИНН equal, name only
    inn_conflict_score: float = 0.7

    def name_score(self, rare: bool, common: bool, same_region: bool) -> float:
        pair = self.score_rare if rare else self.score_common if common else self.score_plain
        return pair[0] if same_region else pair[1]

    def floor(self, linked_to_supplier: bool) -> float:
        return self.floor_supplier if linked_to_supplier else self.floor_business


POLICY = ScreeningPolicy()
