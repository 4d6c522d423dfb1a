"""The comparison key of an address for the shared-address rule.

The same flat is written many ways: «650000, Кемеровская область - Кузбасс,
г. Кемерово, ул. Ленина, д. 5, кв. 12» in ЕГРЮЛ, «г Кемерово, улица Ленина,
дом 5, квартира 12» in a questionnaire. Questionnaires rarely give the
postal index, the region or the district, so the key keeps only what
identifies the place inside the municipality: settlement, street, house,
building and flat, without type words. Both sides pass through this one
function, whatever form the registry store keeps in ``address_norm``.
"""

from __future__ import annotations

import re

from zorko.matching.normalize import fix_lookalikes

_TYPE_WORDS = frozenset(
    "г гор город ул улица д дом кв квартира корп корпус к стр строение пр-кт пр-т просп проспект пр "
    "пер переулок б-р бульвар бул ш шоссе пл площадь наб набережная проезд пр-д мкр мкрн микрорайон "
    "п пос поселок пгт с село дер деревня х хутор ст станица тер оф офис пом помещ помещение ком комн "
    "комната лит литер литера зд здание влд владение".split()
)
# A comma-separated part with one of these words names the region or district: dropped.
_AREA_WORDS = frozenset("обл область край респ республика ао округ р-н район рн россия рф".split())
_TOKEN = re.compile(r"[0-9]+[а-я]?|[а-я]+(?:-[а-я]+)*")
_GLUED = re.compile(r"\b(д|дом|к|корп|стр|кв|оф|пом)(\d)")


def address_key(value: str | None) -> str:
    """«650000, Кемеровская обл., г. Кемерово, ул. Ленина, д. 5, кв. 12» → «кемерово ленина 5 12»."""
    if not value:
        return ""
    text = " ".join(fix_lookalikes(w) for w in str(value).split()).casefold().replace("ё", "е")
    text = _GLUED.sub(r"\1 \2", text)
    kept: list[str] = []
    for part in text.split(","):
        tokens = _TOKEN.findall(part)
        if not tokens or any(t in _AREA_WORDS for t in tokens):
            continue
        kept.extend(t for t in tokens if t not in _TYPE_WORDS and not (len(t) == 6 and t.isdigit()))
    return " ".join(kept)
