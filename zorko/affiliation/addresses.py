"""Address comparison form, the same on the registry side and the questionnaire side.

The registry store keeps ``companies.address_norm`` made by the registry
importers' normaliser; questionnaire addresses must pass through the very
same function, so this module re-exports it when it is installed and
otherwise provides a compatible fallback.
"""

from __future__ import annotations

import re

_WORDS = {
    "улица": "ул", "ул": "ул", "проспект": "пр-кт", "пр-кт": "пр-кт", "пр": "пр-кт", "переулок": "пер",
    "пер": "пер", "бульвар": "б-р", "б-р": "б-р", "шоссе": "ш", "площадь": "пл", "пл": "пл",
    "микрорайон": "мкр", "мкр": "мкр", "дом": "д", "д": "д", "корпус": "к", "корп": "к", "к": "к",
    "строение": "стр", "стр": "стр", "квартира": "кв", "кв": "кв", "офис": "оф", "оф": "оф",
    "помещение": "пом", "пом": "пом", "город": "г", "г": "г", "поселок": "п", "пос": "п", "п": "п",
    "село": "с", "с": "с", "деревня": "д", "область": "обл", "обл": "обл", "район": "р-н", "р-н": "р-н",
    "край": "край", "республика": "респ", "респ": "респ",
}
_TOKEN = re.compile(r"[0-9]+[а-я]?|[а-я]+(?:-[а-я]+)?")
# Words that never decide whether two addresses are the same place.
_NOISE = {"россия", "российская", "федерация", "рф"}
_AREA = {"обл", "область", "край", "респ", "республика", "округ", "ао", "р-н", "район", "россия", "кузбасс"}


def _fallback_normalize_address(value: str | None) -> str:
    """«630000, г. Новосибирск, ул. Ленина, дом 5, кв. 12» → «новосибирск ленина 5 12»-like key."""
    if not value:
        return ""
    text = value.lower().replace("ё", "е")
    kept: list[str] = []
    for part in text.split(","):
        tokens = _TOKEN.findall(part)
        # Region and district are often present on one side only; the postal index too.
        if not tokens or any(t in _AREA for t in tokens) or (len(tokens) == 1 and len(tokens[0]) == 6
                                                              and tokens[0].isdigit()):
            continue
        kept.extend(t for t in tokens if t not in _NOISE and t not in _WORDS)
    return " ".join(kept)


try:  # the registry importers' normaliser, when that package provides it
    from zorko.registry.addresses import normalize_address  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on which parts are installed
    normalize_address = _fallback_normalize_address
