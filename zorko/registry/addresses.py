"""Comparable form of a Russian postal address.

The same place is written many ways: «630099, Новосибирская обл., г.
Новосибирск, ул. Ленина, д. 5, кв. 1» in one registry, «ОБЛ НОВОСИБИРСКАЯ,
Г НОВОСИБИРСК, УЛИЦА ЛЕНИНА, ДОМ 5, КВАРТИРА 1» in another. Both the mass
registration address list and the screening's shared-address rule compare
:func:`normalize_address` outputs, so the two must agree on one form:
lower case, ё → е, no postal index and no country, one short word per
address element type, the type word first in a named element, and the «д»
before a house number dropped (many sources omit it).
"""

from __future__ import annotations

import re
import unicodedata

from zorko.matching.normalize import fix_lookalikes

# Every spelling of an address element type → the one short form we keep.
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "г": ("г", "гор", "город"),
    "ул": ("ул", "улица"),
    "д": ("д", "дом"),
    "кв": ("кв", "квартира"),
    "обл": ("обл", "область"),
    "р-н": ("р-н", "район", "р-он", "рн"),
    "пр-кт": ("пр-кт", "проспект", "пр-т", "просп"),
    "пер": ("пер", "переулок"),
    "корп": ("корп", "корпус", "к"),
    "стр": ("стр", "строение"),
    "п": ("п", "пос", "поселок"),
    "пгт": ("пгт",),
    "с": ("с", "село"),
    "мкр": ("мкр", "мкрн", "микрорайон"),
    "пом": ("пом", "помещ", "помещение"),
    "оф": ("оф", "офис"),
    "ком": ("ком", "комн", "комната"),
    "лит": ("лит", "литер", "литера"),
    "респ": ("респ", "республика"),
    "край": ("край",),
    "ао": ("ао",),
    "б-р": ("б-р", "бульвар", "бул"),
    "ш": ("ш", "шоссе"),
    "пл": ("пл", "площадь"),
    "наб": ("наб", "набережная"),
    "проезд": ("проезд", "пр-д"),
}
CANONICAL = {spelling: short for short, spellings in TYPE_WORDS.items() for spelling in spellings}
# Types that name a place («Кемеровская обл» = «обл Кемеровская»): moved to the front.
NAMED_TYPES = frozenset(
    {"г", "ул", "обл", "р-н", "пр-кт", "пер", "п", "пгт", "с", "мкр", "респ", "край", "ао",
     "б-р", "ш", "пл", "наб", "проезд"}
)
REGION_TYPES = frozenset({"обл", "респ", "край", "ао"})

# Whole phrases rewritten before splitting into words.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"российская\s+федерация|\bроссия\b"), ","),
    (re.compile(r"автономный\s+округ"), "ао"),
    (re.compile(r"автономная\s+область"), "аобл"),
    # Official second names of regions («Кемеровская область - Кузбасс»).
    (re.compile(r"\s*-\s*(кузбасс|югра|чувашия|алания|якутия)\b"), ""),
    (re.compile(r"\bг\s*\.?\s*о\s*\.?\s+"), "городской округ "),
)
_DASH_AS_SPACE = re.compile(r"\s+[-‐‑‒–—]+\s*|\s*[-‐‑‒–—]+\s+")
_PUNCT = re.compile(r"[.;:\"'«»()\[\]№#_*!?]")
# «д5», «к2», «кв12» → «д 5» … so that the type word is a token of its own.
_GLUED_NUMBER = re.compile(r"\b(д|дом|к|корп|стр|кв|оф|пом)(\d)")
_POSTAL = re.compile(r"\d{6}")


def normalize_address(text: str | None) -> str:
    """«630099, Новосибирская обл., г. Новосибирск, ул. Ленина, д. 5» →
    «обл новосибирская г новосибирск ул ленина 5»."""
    if not text:
        return ""
    value = unicodedata.normalize("NFC", str(text)).casefold().replace("ё", "е")
    value = " ".join(fix_lookalikes(word) for word in value.split())
    for pattern, replacement in PHRASES:
        value = pattern.sub(replacement, value)
    value = _DASH_AS_SPACE.sub(" ", value)
    value = _PUNCT.sub(" ", value)
    value = _GLUED_NUMBER.sub(r"\1 \2", value)
    parts: list[list[str]] = []
    for component in value.split(","):
        tokens = _component(component.split())
        if tokens and (not parts or parts[-1] != tokens):
            parts.append(tokens)
    return " ".join(" ".join(tokens) for tokens in parts)


def _component(words: list[str]) -> list[str]:
    tokens = [CANONICAL.get(w, w) for w in words if not _POSTAL.fullmatch(w) and w != "рф"]
    # «д» before a house number is optional in practice: drop it.
    tokens = [t for i, t in enumerate(tokens)
              if not (t == "д" and i + 1 < len(tokens) and tokens[i + 1][:1].isdigit())]
    types = [t for t in tokens if t in NAMED_TYPES]
    if types and types[0] in REGION_TYPES and tokens[-1].isdigit() and len(tokens[-1]) == 2:
        # The ЕИС writes the region code after the region («обл ТАМБОВСКАЯ 68»).
        tokens = tokens[:-1]
    if len(types) == 1 and not any(ch.isdigit() for t in tokens for ch in t):
        tokens = types + [t for t in tokens if t != types[0]]
    return tokens
