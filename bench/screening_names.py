"""Names of the screening bench: ONE set of frequencies for servants, relatives and registry persons.

In Russia the same frequencies of surnames, first names and patronymics fill both the
questionnaires and the registry, so a relative called Иванова Елена Владимировна has hundreds of
namesakes among the directors and founders of a million companies. The frequencies are those of
the demo (`zorko/demo/names.py`: Zipf-like lists by birth era): a share ``HEAD`` of people
carry one of its frequent surnames (Иванов ≈ 1.5 %), the rest a rare surname made of syllables
(a long tail: most such ФИО are unique in a region). ``share`` gives the probability that a random
person of a gender bears a ФИО, so the bench can pick relatives with many namesakes, or none.
"""

from __future__ import annotations

import random
from itertools import accumulate

from zorko.demo import names

HEAD = 0.15
BIRTH_YEARS = (1950, 2004)  # uniform; a father is FATHER_AGE years older than his child
FATHER_AGE = 28
_SYL = ["ба", "ры", "ко", "ле", "ми", "но", "ту", "са", "ве", "де", "жу", "за", "пы", "ро", "ста", "гри",
        "бо", "ла", "ме", "ни", "хо", "чу", "ща", "фе", "кре", "дро", "шма", "зве"]
_SUFFIX = ["ов", "ев", "ин", "ский", "енко", "ых"]
_THREE_SYLLABLES = 0.75


def _cum(weights: tuple[float, ...]) -> list[float]:
    return list(accumulate(weights))


def _shares(items: tuple[str, ...], s: float = 1.0) -> dict[str, float]:
    weights = names.zipf_weights(len(items), s)
    total = sum(weights)
    out: dict[str, float] = {}
    for item, w in zip(items, weights, strict=True):
        out[item] = out.get(item, 0.0) + w / total
    return out


def _years() -> range:
    return range(BIRTH_YEARS[0], BIRTH_YEARS[1] + 1)


class Names:
    """Draws names; deterministic for the rng given."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surname_cum = _cum(names.zipf_weights(len(names.SURNAMES), 0.8))
        self._first_cum = {(male, era): _cum(names.zipf_weights(len(pool[era])))
                           for male, pool in ((True, names.MALE_NAMES), (False, names.FEMALE_NAMES))
                           for era in pool}
        self.all_male_names = sorted({n for pool in names.MALE_NAMES.values() for n in pool})
        self._surname_share = {s: HEAD * p for s, p in _shares(names.SURNAMES, 0.8).items()}
        self._first_share = {male: self._era_mix(pool, lambda year: year)
                             for male, pool in ((True, names.MALE_NAMES), (False, names.FEMALE_NAMES))}
        fathers = self._era_mix(names.MALE_NAMES, lambda year: year - FATHER_AGE)
        self._middle_share = {male: {names.patronymic(f, female=not male): p for f, p in fathers.items()}
                              for male in (True, False)}

    @staticmethod
    def _era_mix(pool: dict[str, tuple[str, ...]], era_year: object) -> dict[str, float]:
        years = _years()
        out: dict[str, float] = {}
        for year in years:
            for name, p in _shares(pool[names.era_of(era_year(year))]).items():  # type: ignore[operator]
                out[name] = out.get(name, 0.0) + p / len(years)
        return out

    # -- drawing -------------------------------------------------------------------------------
    def birth_year(self) -> int:
        return self.rng.randint(*BIRTH_YEARS)

    def surname(self) -> str:
        """A male-form surname: a frequent one with probability HEAD, else a rare one."""
        if self.rng.random() < HEAD:
            return self.rng.choices(names.SURNAMES, cum_weights=self._surname_cum)[0]
        count = 3 if self.rng.random() < _THREE_SYLLABLES else 2
        stem = "".join(self.rng.choice(_SYL) for _ in range(count))
        return stem.capitalize() + self.rng.choice(_SUFFIX)

    def first(self, male: bool, year: int) -> str:
        era = names.era_of(year)
        pool = (names.MALE_NAMES if male else names.FEMALE_NAMES)[era]
        return self.rng.choices(pool, cum_weights=self._first_cum[(male, era)])[0]

    def father(self, year: int) -> str:
        """The first name of the father of somebody born in ``year``."""
        return self.first(True, year - FATHER_AGE)

    # -- frequencies ---------------------------------------------------------------------------
    def share(self, male_last: str, first: str, middle: str, male: bool) -> float:
        """Probability that a random person of that gender bears this ФИО (surname in male form)."""
        surname = self._surname_share.get(male_last, 0.0) + (1 - HEAD) * _rare_share(male_last.lower())
        return (surname * self._first_share[male].get(first, 0.0)
                * self._middle_share[male].get(middle, 0.0))


def _rare_share(word: str) -> float:
    """Probability of drawing ``word`` as a rare surname: every split into syllables and suffix."""
    total = 0.0
    for suffix in _SUFFIX:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for count, p in ((2, 1 - _THREE_SYLLABLES), (3, _THREE_SYLLABLES)):
                total += p * _splits(stem, count) / len(_SYL) ** count / len(_SUFFIX)
    return total


def _splits(stem: str, count: int) -> int:
    if count == 0:
        return int(stem == "")
    return sum(_splits(stem[len(x):], count - 1) for x in _SYL if stem.startswith(x))


def patronymic(father: str, male: bool) -> str:
    return names.patronymic(father, female=not male)


def other_gender_patronymic(middle: str, all_fathers: list[str]) -> tuple[str, str]:
    """(male, female) patronymic from the same father as ``middle``."""
    for father in all_fathers:
        pair = (names.patronymic(father, female=False), names.patronymic(father, female=True))
        if middle in pair:
            return pair
    return middle, middle
