"""Synthetic, labelled data for the matching benchmark.

A registry of person roles with realistic name frequencies (a head of
common surnames, first names and patronymics repeating as in Russia, and a
long tail of rare surnames), and a list of checked people: half of them
are registry persons written with one kind of variation (ё/е, Latin
look-alikes, typos, transpositions, maiden name, case and spaces,
initials, missing patronymic, ФИО in one field, Latin registry spelling),
half are not in the registry at all (but may share a common name). Exact
namesakes in other regions are planted for part of the people.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pyarrow as pa

from zorko.identifiers import make_inn, make_ogrn
from zorko.matching.name_lists import COMMON_SURNAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from zorko.matching.names import patronymic_from_first_name, surname_forms

VARIANTS = ("exact", "case_spaces", "yo", "latin_lookalike", "typo", "transposition",
            "maiden", "initials", "no_patronymic", "fio_one_field", "latin_registry")
REGIONS = [f"{i:02d}" for i in range(1, 90) if i not in (80, 81, 84, 85, 88)]
_SYLLABLES = ("ба бе бо бу ва ве во га го гу да де до ду жа же жу за зе зо ка ке ко ку ла ле ло лу "
              "ма ме мо му на не но ну па пе по пу ра ре ро ру са се со су та те то ту фа фе фо ха "
              "хо ца це ча че чу ша ше шу ща бар вер гор дан жар зол кар кол лес мар мир нов пар "
              "рад сер ток фил хар чер шир бор вал гал дер кир лаз мел нар пол рос сав тар").split()
_SUFFIXES = (("ов", 40), ("ев", 10), ("ин", 15), ("ский", 7), ("енко", 7), ("ук", 4), ("юк", 1),
             ("ых", 2), ("их", 1), ("ян", 3), ("ко", 2), ("ец", 2), ("ой", 1), ("ник", 2),
             ("дзе", 1), ("ич", 2))
_LOOKALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y",
              "А": "A", "Е": "E", "О": "O", "Р": "P", "С": "C", "Х": "X", "К": "K", "М": "M",
              "Т": "T", "Н": "H", "В": "B"}
_ICAO = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                 ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                  "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y",
                  "", "e", "iu", "ia"], strict=True))


def icao(text: str) -> str:
    return "".join(_ICAO.get(ch, ch) for ch in text.lower()).upper()


@dataclass(slots=True)
class Person:
    pid: int
    gender: str
    last: str
    first: str
    middle: str
    inn: str | None
    home: str
    maiden: str | None = None


class NameSampler:
    """Draws surnames, first names and patronymics with realistic frequencies."""

    def __init__(self, rng: random.Random, tail: int = 300_000) -> None:
        self.rng = rng
        head = [(s, 0.013 / (r + 1) ** 0.7) for r, s in enumerate(COMMON_SURNAMES)]
        head_mass = sum(w for _, w in head)
        tail_names = self._tail_surnames(tail)
        tail_weights = [1 / (r + 1000) for r in range(len(tail_names))]
        scale = (1 - head_mass) / sum(tail_weights)
        self.surnames = [s for s, _ in head] + tail_names
        self.surname_cum = _cumulative([w for _, w in head] + [w * scale for w in tail_weights])
        self.male = list(MALE_FIRST_NAMES)
        self.male_cum = _cumulative(list(MALE_FIRST_NAMES.values()))
        self.female = list(FEMALE_FIRST_NAMES)
        self.female_cum = _cumulative(list(FEMALE_FIRST_NAMES.values()))

    def _tail_surnames(self, n: int) -> list[str]:
        seen: set[str] = set(COMMON_SURNAMES)
        out: list[str] = []
        suffixes = [s for s, w in _SUFFIXES for _ in range(w)]
        while len(out) < n:
            stem = "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.choice((1, 2, 2, 3))))
            name = (stem + self.rng.choice(suffixes)).capitalize()
            if name not in seen:
                seen.add(name)
                out.append(name)
        return out

    def surname(self, gender: str) -> str:
        male = self.surnames[_pick(self.rng, self.surname_cum)]
        return female_form(male) if gender == "f" else male

    def first(self, gender: str) -> str:
        if gender == "m":
            return self.male[_pick(self.rng, self.male_cum)]
        return self.female[_pick(self.rng, self.female_cum)]

    def middle(self, gender: str) -> str:
        father = self.male[_pick(self.rng, self.male_cum)]
        return _patronymic(father, gender)


@cache
def _patronymic(father: str, gender: str) -> str:
    return patronymic_from_first_name(father, gender).capitalize()


@cache
def female_form(male: str) -> str:
    forms = sorted(surname_forms(male) - {male.lower().replace("ё", "е")})
    for form in forms:
        if form.endswith(("а", "ая", "яя")):
            return form.capitalize()
    return male


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return [x / total for x in out]


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    import bisect

    return min(bisect.bisect_left(cumulative, rng.random()), len(cumulative) - 1)


def region_weights() -> list[float]:
    big = {"77": 12.0, "50": 6.0, "78": 5.0, "23": 4.0, "66": 3.0, "16": 3.0, "54": 2.5, "02": 2.5}
    return [big.get(r, 1.0) for r in REGIONS]


class Generator:
    """Registry persons and roles, deterministic for a seed."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.names = NameSampler(self.rng)
        self.region_cum = _cumulative(region_weights())
        self.next_pid = 0

    def region(self) -> str:
        return REGIONS[_pick(self.rng, self.region_cum)]

    def person(self, *, home: str | None = None) -> Person:
        rng = self.rng
        gender = "m" if rng.random() < 0.62 else "f"
        home = home or self.region()
        inn_region = home if rng.random() < 0.85 else self.region()
        self.next_pid += 1
        # The person number makes every ИНН unique (random bodies collide by the thousand).
        inn = make_inn(f"{inn_region}{self.next_pid:08d}", person=True)
        person = Person(self.next_pid, gender, self.names.surname(gender), self.names.first(gender),
                        self.names.middle(gender), inn, home)
        if gender == "f" and rng.random() < 0.5:
            person.maiden = self.names.surname("f")
        return person

    def roles(self, person: Person, *, inn_in_registry: float = 0.9) -> Iterator[dict]:
        rng = self.rng
        count = 1 if rng.random() < 0.65 else (2 if rng.random() < 0.6 else rng.randint(3, 5))
        inn = person.inn if rng.random() < inn_in_registry else None
        for _ in range(count):
            region = person.home if rng.random() < 0.8 else self.region()
            kind = "company" if rng.random() < 0.75 else "entrepreneur"
            yield {
                "subject_kind": kind,
                "subject_ogrn": make_ogrn(f"1{region}{rng.randrange(10**9):09d}"),
                "role": rng.choice(("director", "founder", "founder"))
                if kind == "company" else "entrepreneur",
                "last_name": person.last, "first_name": person.first,
                "middle_name": person.middle, "inn": inn, "region": region, "pid": person.pid,
            }


ROLE_COLUMNS = ("subject_kind", "subject_ogrn", "role", "last_name", "first_name", "middle_name",
                "inn", "region", "pid")


def to_arrow(rows: list[dict]) -> pa.Table:
    return pa.table({c: [r[c] for r in rows] for c in ROLE_COLUMNS})
