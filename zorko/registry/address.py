"""Addresses as one comparable line.

Registry addresses come in two forms (the КЛАДР-style ``АдресРФ`` and the
ФИАС-style ``СвАдрЮЛФИАС``) and many spellings of the same abbreviations;
``normalize_address`` gives the form used to compare them with each other
and with the addresses people give in questionnaires.
"""

from __future__ import annotations

import re

PARTS = ("index", "region", "district", "city", "locality", "street", "house", "building", "flat")

_PUNCT = re.compile(r"[.,;:\"'«»()№/\\]+")
_SPACES = re.compile(r"\s+")
# Type words that one form spells out and the other abbreviates; dropping
# them compares «УЛ. ЛЕНИНА» and «УЛИЦА ЛЕНИНА» as equal.
_TYPE_WORDS = frozenset(
    "г город ул улица д дом кв квартира корп корпус к стр строение пр-кт просп проспект пер переулок "
    "обл область р-н район пос поселок п с село деревня дер мкр микрорайон ш шоссе б-р бульвар "
    "наб набережная пл площадь тер офис оф помещ помещение пом здание зд литер лит".split()
)


def address_line(parts: dict[str, str]) -> str:
    return ", ".join(parts[p] for p in PARTS if parts.get(p))


def normalize_address(text: str | None) -> str:
    """«630055, НОВОСИБИРСКАЯ ОБЛ., Г. Новосибирск, ул. Молодёжи, д.36Б» → «630055 новосибирская новосибирск молодежи 36б»."""
    if not text:
        return ""
    low = _PUNCT.sub(" ", text.casefold().replace("ё", "е"))
    words = [w for w in _SPACES.split(low) if w and w not in _TYPE_WORDS]
    return " ".join(words)
