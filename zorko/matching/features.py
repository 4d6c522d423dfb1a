"""Comparison features: pure functions of (query, candidate, context) → Signal.

Each feature returns its Fellegi–Sunter level, the partial match weight
(log2 m/u) and the Russian sentence the inspector reads, as nomenklatura's
features do. Identifiers and birth dates may veto a pair or make it
certain; names only weigh.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import DamerauLevenshtein

from zorko.identifiers import check_inn
from zorko.matching.model import (
    M_BIRTH_DATE,
    U_BIRTH_DATE,
    ModelParams,
    log2_ratio,
)
from zorko.matching.names import gender_form_matches, patronymic_gender

# A misspelt value is compared with the registry value and its few look-alikes.
TYPO_NEIGHBOURS = 3
# One slip turns a name of L letters into one of about 66·L strings (32 substitutions and
# 33 insertions per place, deletions, transpositions); slips favour neighbouring keys and
# similar sounds, so about a sixth of them are likely: SLIPS_PER_LETTER · L.
SLIPS_PER_LETTER = 10


@dataclass(slots=True, frozen=True)
class QueryName:
    """One name variant (current or a former surname) of a checked person, comparable."""

    index: int
    kind: str  # "current" | "former"
    ln: str
    sk: str
    fn: str
    mn: str
    gender: str | None
    inn: str | None
    inn_problem: str | None
    region: str | None
    birth_date: date | None


@dataclass(slots=True, frozen=True)
class Candidate:
    """Keyed columns of one registry row."""

    rid: int
    ln: str
    sk: str
    fn: str
    mn: str
    inn: str | None
    region: str | None
    birth_date: date | None


@dataclass(slots=True)
class Context:
    """What the features know about the registry and the model."""

    persons: int
    counts: dict[tuple[str, str], int]
    params: ModelParams
    region_share: dict[str, float] = field(default_factory=dict)
    inn_region_share: dict[str, float] = field(default_factory=dict)
    gender_share: dict[str, float] = field(default_factory=dict)
    first_gender: dict[str, str] = field(default_factory=dict)
    def share(self, kind: str, value: str) -> float:
        return max(self.counts.get((kind, value), 1), 1) / max(self.persons, 1)


@dataclass(slots=True, frozen=True)
class Signal:
    feature: str
    level: str
    weight: float
    detail: str
    veto: bool = False
    certain: bool = False

    def text(self) -> str:
        if self.veto or self.certain or (self.weight == 0 and self.level in ("missing", "none")):
            return self.detail
        return f"{self.detail} [вес {format_weight(self.weight)}]"


def format_weight(weight: float) -> str:
    return f"{weight:+.1f}".replace(".", ",").replace("-", "−")


def persons_word(n: int) -> str:
    tail = n % 100
    if 11 <= tail <= 14 or n % 10 in (0, 5, 6, 7, 8, 9):
        word = "человек"
    elif n % 10 == 1:
        word = "человек"
    else:
        word = "человека"
    return f"{n:,} {word}".replace(",", "\u00a0")


def rarity(share: float, count: int, feminine: bool) -> str:
    if count <= 5 or share < 1e-4:
        adjective = "редкая" if feminine else "редкое"
    elif share > 2e-3:
        adjective = "частая" if feminine else "частое"
    else:
        adjective = "обычная" if feminine else "обычное"
    return f"{adjective}: {persons_word(count)} в реестре"


def name_level(a: str, b: str) -> str:
    """Comparison level of two comparable name parts (never a substring test)."""
    if not a or not b:
        return "missing"
    if a == b or _skeleton(a) == _skeleton(b):
        return "exact"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else "diff"
    distance = DamerauLevenshtein.distance(a, b, score_cutoff=3)
    shortest = min(len(a), len(b))
    if distance == 1 and shortest >= 4:
        return "typo1"
    if distance == 2 and shortest >= 7:
        return "typo2"
    return "diff"


_SKELETON = str.maketrans({"ь": None, "ъ": None, "й": "и", "э": "е"})


def _skeleton(name: str) -> str:
    """What survives transliteration: ICAO drops ь and ъ and writes й as «i», э as «e»."""
    return name.translate(_SKELETON)


def first_name_level(a: str, b: str, genders: dict[str, str]) -> str:
    """As :func:`name_level`, but Александр / Александра (another gender) differ."""
    level = name_level(a, b)
    if level in ("typo1", "typo2"):
        g1, g2 = genders.get(a), genders.get(b)
        if g1 and g2 and g1 != g2:
            return "diff"
    return level


def middle_name_level(a: str, b: str) -> str:
    """As :func:`name_level`, but Иванович / Ивановна (another gender) differ."""
    level = name_level(a, b)
    if level in ("typo1", "typo2"):
        g1, g2 = patronymic_gender(a), patronymic_gender(b)
        if g1 and g2 and g1 != g2:
            return "diff"
    return level


def _quote(a: str, b: str) -> str:
    return f"(«{a}» / «{b}»)"


def compare_last_name(q: QueryName, c: Candidate, ctx: Context) -> Signal:
    """Фамилия: точное совпадение весит тем больше, чем реже фамилия в реестре."""
    level = name_level(q.ln, c.ln)
    if level in ("diff", "typo1", "typo2") and q.sk == c.sk and q.sk:
        level = "gender"
    what = "прежняя фамилия" if q.kind == "former" else "фамилия"
    m = ctx.params.m_last.get(level, ctx.params.m_last["diff"])
    if level == "exact":
        count = ctx.counts.get(("ln", c.ln), 1)
        u = ctx.share("ln", c.ln)
        if (len(q.fn) > 1 or len(q.mn) > 1) and q.gender in ctx.gender_share \
                and not gender_form_matches(c.ln, "f" if q.gender == "m" else "m"):
            # The given names already tell the gender: a gendered form's share is among it.
            u /= max(ctx.gender_share[q.gender], 0.05)
        detail = f"{what} «{c.ln}» совпадает, {rarity(u, count, True)}"
    elif level == "gender":
        u = max(ctx.counts.get(("sk", c.sk), 1) - ctx.counts.get(("ln", q.ln), 0), 1) / ctx.persons
        detail = f"{what} совпадает только в другой родовой форме {_quote(q.ln, c.ln)}"
    elif level in ("typo1", "typo2"):
        # A slip in a rare surname is nearly as telling as the surname itself (Splink's
        # term-frequency adjustment of fuzzy levels): u is bounded by the value's share.
        u, own = slip_u("ln", level, q.ln, c.ln, ctx)
        letters = "одной буквой или перестановкой букв" if level == "typo1" else "двумя буквами"
        detail = f"{what} отличается {letters} {_quote(q.ln, c.ln)}{own}"
    else:
        u = 1.0
        detail = f"{what} отличается {_quote(q.ln, c.ln)}"
    return Signal("last_name", level, log2_ratio(m, u), detail)


def compare_first_name(q: QueryName, c: Candidate, ctx: Context) -> Signal:
    """Имя: точное совпадение с учётом частоты, инициал, опечатка, другое имя."""
    level = first_name_level(q.fn, c.fn, ctx.first_gender)
    return _given_name_signal("first_name", "имя", "fn", "f1", level, q.fn, c.fn,
                              ctx.params.m_first, ctx)


def compare_middle_name(q: QueryName, c: Candidate, ctx: Context) -> Signal:
    """Отчество: как имя; отчества разного рода (Иванович / Ивановна) различаются."""
    level = middle_name_level(q.mn, c.mn)
    signal = _given_name_signal("middle_name", "отчество", "mn", "m1", level, q.mn, c.mn,
                                ctx.params.m_middle, ctx)
    if level == "exact" and len(q.fn) > 1 and q.gender in ctx.gender_share:
        # The first name already told the gender: the patronymic's share is among that gender.
        extra = math.log2(max(ctx.gender_share[q.gender], 0.05))
        return Signal(signal.feature, level, signal.weight + extra, signal.detail)
    return signal


def _given_name_signal(feature: str, word: str, kind: str, initial_kind: str, level: str,
                       a: str, b: str, m_table: dict[str, float], ctx: Context) -> Signal:
    if level == "missing":
        where = "в анкете" if not a else "в реестре"
        return Signal(feature, level, 0.0, f"{word} не указано {where}")
    m = m_table.get(level, m_table["diff"])
    if level == "exact":
        count = ctx.counts.get((kind, b), 1)
        u = ctx.share(kind, b)
        detail = f"{word} «{b}» совпадает, {rarity(u, count, False)}"
    elif level == "initial":
        u = ctx.share(initial_kind, a[0])
        full = b if len(a) == 1 else a
        detail = f"{word} «{full}» совместимо с инициалом «{a[0].upper()}.»"
    elif level in ("typo1", "typo2"):
        u, own = slip_u(kind, level, a, b, ctx)
        letters = "одной буквой или перестановкой букв" if level == "typo1" else "двумя буквами"
        detail = f"{word} отличается {letters} {_quote(a, b)}{own}"
    else:
        u = 1.0
        detail = f"{word} отличается {_quote(a, b)}"
    return Signal(feature, level, log2_ratio(m, u), detail)


def slip_u(kind: str, level: str, typed: str, registered: str, ctx: Context) -> tuple[float, str]:
    """u of a slip level, and a note when what was typed is itself a name of the registry.

    A typed value that differs from the registry value by a slip is either a
    slip of that person's name or the true name of somebody else. When the
    typed value is a name many registry persons bear («Елена» against
    «Алёна»), the second is likely: the slip had to land on exactly that
    string out of about SLIPS_PER_LETTER · L (squared for two slips), while
    a random person bears it with its share. Typed values no registry
    person bears keep the plain slip weight.
    """
    u = min(ctx.params.u_fuzzy[f"{kind}_{level}"], TYPO_NEIGHBOURS * ctx.share(kind, registered))
    own = ctx.counts.get((kind, typed), 0)
    if own <= 0:
        return u, ""
    landings = (SLIPS_PER_LETTER * len(typed)) ** (1 if level == "typo1" else 2)
    real = landings * own / max(ctx.persons, 1)
    if real <= u:
        return u, ""
    return min(real, 1.0), (f"; «{typed}» — тоже имя из реестра ({persons_word(own)}), "
                            "это может быть другой человек, а не опечатка")


def compare_inn(q: QueryName, c: Candidate, ctx: Context) -> Signal:
    """ИНН: равенство — тот же человек; оба корректны и различны — другой человек."""
    if q.inn_problem:
        return Signal("inn", "none", 0.0, f"ИНН в анкете не учитывается: {q.inn_problem}")
    if not q.inn or not c.inn:
        where = "в анкете" if not q.inn else "в реестре"
        return Signal("inn", "none", 0.0, f"ИНН {where} не указан")
    if q.inn == c.inn:
        return Signal("inn", "equal", 0.0, f"ИНН совпадает: {q.inn}", certain=True)
    if check_inn(c.inn, person=True):
        return Signal("inn", "none", 0.0, f"ИНН в реестре некорректен ({c.inn}) и не учитывается")
    return Signal("inn", "different", 0.0,
                  f"ИНН различаются (анкета {q.inn}, реестр {c.inn}) — это другой человек",
                  veto=True)


def compare_birth_date(q: QueryName, c: Candidate, ctx: Context) -> Signal:
    """Дата рождения (есть в реестре дисквалифицированных): несовпадение исключает."""
    if q.birth_date is None or c.birth_date is None:
        return Signal("birth_date", "none", 0.0, "")
    if q.birth_date == c.birth_date:
        return Signal("birth_date", "equal", log2_ratio(M_BIRTH_DATE, U_BIRTH_DATE),
                      f"дата рождения совпадает: {q.birth_date:%d.%m.%Y}")
    return Signal("birth_date", "different", 0.0,
                  f"дата рождения не совпадает (анкета {q.birth_date:%d.%m.%Y}, "
                  f"реестр {c.birth_date:%d.%m.%Y}) — это другой человек", veto=True)


NAME_FEATURES = ("last_name", "first_name", "middle_name")


def namesake_bound(signals: list[Signal], ctx: Context) -> Signal | None:
    """Cap on what the names alone can prove: a rare ФИО still has namesakes.

    The sum of the name weights treats surname, first name and patronymic as
    independent, which makes a rare full ФИО look like one in billions; the
    chance that someone else bears it is at least ``namesake_rate``, so the
    names bring odds of at most persons / namesake_rate.
    """
    names = sum(s.weight for s in signals if s.feature in NAME_FEATURES)
    rate = ctx.params.namesake_rate
    cap = namesake_cap(ctx)
    if rate <= 0 or names <= cap:
        return None
    return Signal("namesakes", "bound", cap - names,
                  f"совпадение имён само по себе не доказывает, что это тот же человек: "
                  f"даже у редкого ФИО бывают полные тёзки (не реже {rate:.0%} случаев), "
                  f"вес имён ограничен {format_weight(cap)}")


def namesake_cap(ctx: Context) -> float:
    """The most the names of a pair may weigh: log2(persons / namesake rate)."""
    return math.log2(max(ctx.persons, 1) / max(ctx.params.namesake_rate, 1e-6))


def own_names_weight(name: QueryName, ctx: Context) -> float:
    """What a full name proves when matched with itself: the sum of its exact-name weights."""
    itself = Candidate(-1, name.ln, name.sk, name.fn, name.mn, None, None, None)
    return sum(compare(name, itself, ctx).weight
               for compare in (compare_last_name, compare_first_name, compare_middle_name))


# The region evidence is weighed once per registry person, with all his rows (``home``).
FEATURES = (compare_inn, compare_birth_date, compare_last_name, compare_first_name,
            compare_middle_name)
