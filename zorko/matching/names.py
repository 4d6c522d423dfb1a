"""Russian ФИО: comparable parts, free-text parsing, gender forms, patronymics.

Every function returns the comparable form of :func:`normalize_name`
(lower case, ё → е, Latin look-alikes replaced) so its results can be
compared with each other and with the keyed registry columns directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zorko.matching.name_lists import first_name_gender
from zorko.matching.normalize import normalize_name
from zorko.matching.translit import is_latin, latin_to_cyrillic

# Non-Russian patronymics are two words («Гасан оглы»); the particle says the gender.
MALE_PARTICLES = ("оглы", "улы", "уулу", "угли")
FEMALE_PARTICLES = ("кызы", "гызы", "кизи")
_MALE_PATRONYMIC = re.compile(r"(вич|ьич|ич)$")
_FEMALE_PATRONYMIC = re.compile(r"(вна|чна|шна)$")
_NOT_LETTER = re.compile(r"[^а-яa-z\- ]")

# Surnames that never change with gender although their ending looks declinable.
INVARIANT_SURNAMES = frozenset({"цой", "ной", "гой", "хой", "дой", "бой"})
INVARIANT_ENDINGS = ("енко", "ко", "ых", "их", "аго", "яго", "ово", "ук", "юк", "ян", "дзе",
                     "швили", "ия", "ес", "ис", "ус")


def normalize_part(value: str | None) -> str:
    """One name part as compared: «  Пётр » → «петр», «Iuliia» → «юлия», «И.» → «и»."""
    text = normalize_name(value)
    if not text:
        return ""
    words = [latin_to_cyrillic(w) if is_latin(w) else w for w in text.split(" ")]
    text = _NOT_LETTER.sub("", " ".join(words).replace("ё", "е")).strip(" -")
    return re.sub(r"\s+", " ", text)


def is_initial(part: str) -> bool:
    """A comparable part that is only an initial («и»)."""
    return len(part) == 1


@lru_cache(maxsize=65536)
def patronymic_gender(middle: str) -> str | None:
    part = normalize_part(middle)
    if not part:
        return None
    last = part.split(" ")[-1]
    if last in MALE_PARTICLES or _MALE_PATRONYMIC.search(last):
        return "m"
    if last in FEMALE_PARTICLES or _FEMALE_PATRONYMIC.search(last):
        return "f"
    return None


def is_patronymic(word: str) -> bool:
    return patronymic_gender(word) is not None and len(normalize_part(word)) > 4


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return first_name_gender()


def is_known_first_name(word: str) -> bool:
    return normalize_part(word) in _first_names()


def guess_gender(last: str = "", first: str = "", middle: str = "") -> str | None:
    """«m», «f» or None: from the patronymic, else the first name, else the surname."""
    gender = patronymic_gender(middle)
    if gender:
        return gender
    first_part = normalize_part(first)
    if first_part in _first_names():
        return _first_names()[first_part]
    last_part = normalize_part(last)
    if re.search(r"(ова|ева|ина|ына|ская|цкая)$", last_part):
        return "f"
    if re.search(r"(ов|ев|ин|ын|ский|цкий)$", last_part):
        return "m"
    return None


@dataclass(slots=True, frozen=True)
class ParsedName:
    """Comparable parts of one ФИО; a part may be a one-letter initial or empty."""

    last: str
    first: str
    middle: str


def split_initials(text: str) -> list[str]:
    """«И.И.» → ["и", "и"]; «Иван» → ["иван"]."""
    if "." in text:
        return [normalize_part(p) for p in text.split(".") if normalize_part(p)]
    return [normalize_part(text)] if normalize_part(text) else []


def parse_fio(text: str) -> ParsedName:
    """Parse a free-text ФИО in any usual order.

    «Иванов Иван Иванович», «Иван Иванович Иванов», «Иванов И.И.», «Мамедов
    Али Гасан оглы», «Иванова Мария» are recognised by the patronymic suffix,
    the particle of a non-Russian patronymic and the list of known first names.
    """
    raw = normalize_name(text).replace(".", ". ")
    tokens: list[str] = []
    for word in raw.split():
        tokens.extend(split_initials(word) if word.endswith(".") else [normalize_part(word)])
    tokens = [t for t in tokens if t]
    if not tokens:
        return ParsedName("", "", "")
    # Join a non-Russian patronymic with its particle.
    for i, tok in enumerate(tokens):
        if tok in MALE_PARTICLES + FEMALE_PARTICLES and i > 0:
            tokens[i - 1 : i + 1] = [f"{tokens[i - 1]} {tok}"]
            break
    initials = [t for t in tokens if is_initial(t)]
    words = [t for t in tokens if not is_initial(t)]
    if initials and len(words) == 1:
        return ParsedName(words[0], initials[0], initials[1] if len(initials) > 1 else "")
    middle_at = next((i for i, t in enumerate(tokens) if is_patronymic(t)), None)
    if middle_at is not None and len(tokens) >= 3:
        middle = tokens[middle_at]
        rest = tokens[:middle_at] + tokens[middle_at + 1 :]
        if middle_at >= 1 and middle_at == len(tokens) - 2 and not is_known_first_name(rest[-1]):
            # «Иван Иванович Иванов»: the first name precedes the patronymic.
            return ParsedName(rest[-1], rest[0], middle)
        return ParsedName(rest[0], rest[1] if len(rest) > 1 else "", middle)
    if len(tokens) == 2:
        a, b = tokens
        if is_known_first_name(a) and not is_known_first_name(b):
            return ParsedName(b, a, "")
        return ParsedName(a, b, "")
    return ParsedName(tokens[0], tokens[1] if len(tokens) > 1 else "", " ".join(tokens[2:]))


# --- surname gender forms -------------------------------------------------------------

_ADJ_FEMALE = re.compile(r"^(.{2,}?)(ская|цкая|ая|яя)$")
_ADJ_MALE = re.compile(r"^(.{2,}?)(ский|цкий|ской|цкой|ый|ий|ой)$")
_POSSESSIVE_MALE = re.compile(r"^(.{2,})(ов|ев|ин|ын)$")
_POSSESSIVE_FEMALE = re.compile(r"^(.{2,})(ова|ева|ина|ына)$")


def surname_forms(name: str) -> set[str]:
    """Both gender forms of a surname (comparable form).

    «Иванов» → {иванов, иванова}; «Вишневская» → {вишневская, вишневский,
    вишневской}; «Толстой» → {толстой, толстая}; «Шевченко», «Черных», «Ким»
    stay as they are.
    """
    part = normalize_part(name)
    forms = {part} if part else set()
    if not part or part in INVARIANT_SURNAMES or "-" in part:
        if "-" in part:  # double surname: each half declines on its own
            halves = [sorted(surname_forms(h)) for h in part.split("-")]
            if len(halves) == 2:
                forms |= {f"{a}-{b}" for a in halves[0] for b in halves[1]}
        return forms
    if m := _POSSESSIVE_FEMALE.match(part):
        forms.add(m.group(1) + m.group(2)[:-1])
    elif m := _POSSESSIVE_MALE.match(part):
        forms.add(part + "а")
    elif len(part) >= 5 and (m := _ADJ_FEMALE.match(part)):
        stem, end = m.groups()
        if end in ("ская", "цкая"):
            forms |= {stem + end[:-2] + "ий", stem + end[:-2] + "ой"}
        elif end == "яя":
            forms.add(stem + "ий")
        elif stem[-1] in "гкхжшчщ":
            forms |= {stem + "ий", stem + "ой"}
        else:
            forms |= {stem + "ый", stem + "ой"}
    elif len(part) >= 5 and (m := _ADJ_MALE.match(part)):
        stem, end = m.groups()
        if end in ("ский", "цкий", "ской", "цкой"):
            forms.add(stem + end[:2] + "ая")
        elif end == "ий" and stem[-1] not in "гкхжшчщ":
            forms.add(stem + "яя")
        else:
            forms.add(stem + "ая")
    return forms


def surname_key(name: str) -> str:
    """Gender-neutral key of a surname for blocking: Иванов and Иванова share «иванов»."""
    part = normalize_part(name)
    if not part or part in INVARIANT_SURNAMES:
        return part
    if "-" in part:
        return "-".join(surname_key(h) for h in part.split("-"))
    if m := _POSSESSIVE_FEMALE.match(part):
        return m.group(1) + m.group(2)[:-1]
    if len(part) >= 5:
        if m := re.match(r"^(.{2,}?)(ск|цк)(ая|ий|ой)$", part):
            return m.group(1) + m.group(2) + "ий"
        if m := re.match(r"^(.{2,}?)(ая|яя|ый|ий|ой)$", part):
            return m.group(1) + "ий"
    return part


@lru_cache(maxsize=65536)
def gender_form_matches(surname: str, gender: str | None) -> bool:
    """False when the surname's form contradicts the gender (a woman named «Иванов»)."""
    part = normalize_part(surname)
    if gender is None or part in INVARIANT_SURNAMES:
        return True
    female = bool(re.search(r"(ова|ева|ина|ына|ская|цкая)$", part))
    male = bool(re.search(r"(ов|ев|ин|ын|ский|цкий)$", part))
    return not ((gender == "m" and female) or (gender == "f" and male))


# --- patronymics from first names -----------------------------------------------------

_PATRONYMIC_EXCEPTIONS: dict[str, tuple[str, str]] = {
    "илья": ("ильич", "ильинична"),
    "лука": ("лукич", "лукинична"),
    "фома": ("фомич", "фоминична"),
    "кузьма": ("кузьмич", "кузьминична"),
    "лев": ("львович", "львовна"),
    "павел": ("павлович", "павловна"),
    "яков": ("яковлевич", "яковлевна"),
    "михаил": ("михайлович", "михайловна"),
    "гавриил": ("гаврилович", "гавриловна"),
    "петр": ("петрович", "петровна"),
    "данила": ("данилович", "даниловна"),
    "гаврила": ("гаврилович", "гавриловна"),
    "любомир": ("любомирович", "любомировна"),
}
_VOWEL = set("аеиоуыэюяё")


def patronymic_from_first_name(first: str, gender: str) -> str:
    """The patronymic a father's first name gives (comparable form).

    Иван → иванович / ивановна; Илья → ильич / ильинична; Никита → никитич /
    никитична; Лев → львович; Пётр → петрович; Сергей → сергеевич; Юрий →
    юрьевич; Дмитрий → дмитриевич; Игорь → игоревич.
    """
    name = normalize_part(first)
    female = gender == "f"
    if name in _PATRONYMIC_EXCEPTIONS:
        return _PATRONYMIC_EXCEPTIONS[name][1 if female else 0]
    if name.endswith("ий"):
        stem = name[:-2]
        # Дмитрий → Дмитриевич (two consonants), Юрий → Юрьевич (one).
        two_consonants = len(stem) >= 2 and stem[-1] not in _VOWEL and stem[-2] not in _VOWEL
        male = stem + ("иевич" if two_consonants else "ьевич")
    elif name.endswith("й"):
        male = name[:-1] + "евич"
    elif name.endswith("ь"):
        male = name[:-1] + "евич"
    elif name.endswith(("а", "я")):
        male = name[:-1] + ("ич" if name.endswith("а") else "ьич")
        return male + "на" if female else male
    elif name and name[-1] in "жшчщц":
        male = name + "евич"
    else:
        male = name + "ович"
    return male[:-2] + "на" if female else male
