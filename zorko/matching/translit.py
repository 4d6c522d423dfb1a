"""Latin → Cyrillic for Russian names written in Latin letters.

Foreign records (and passports) spell Russian names by ICAO 9303 (the
passport standard since 2014: «Iuliia», «Sergei», «Kh») or by ГОСТ 7.79
system B («Yuliya», «Sergej», «X», «Cz»). Both are folded back into one
Cyrillic spelling so the ordinary comparison applies; the mapping is
deliberately the inverse that loses least, not a perfect inverse (which
does not exist: ICAO writes е and э both as «e»).
"""

from __future__ import annotations

import re

# Longest sequences first: tried greedily at every position.
_SEQUENCES: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("shh", "щ"), ("sch", "щ"),
    ("y`", "ы"), ("e`", "э"), ("``", "ъ"),
    ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tc", "ц"), ("cz", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("iu", "ю"), ("ju", "ю"),
    ("ya", "я"), ("ia", "я"), ("ja", "я"),
    ("yo", "ё"), ("jo", "ё"), ("ye", "е"),
    ("ck", "к"), ("ph", "ф"),
)
_SINGLE = {
    "a": "а", "b": "б", "v": "в", "w": "в", "g": "г", "d": "д", "e": "е", "z": "з",
    "i": "и", "j": "й", "k": "к", "q": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
    "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "x": "х", "h": "х", "c": "к",
    "y": "ы", "`": "ь", "'": "ь", "’": "ь",
}
_VOWELS = set("aeiouy")
_LATIN_WORD = re.compile(r"^[a-z`'’-]+$")


def is_latin(word: str) -> bool:
    return bool(_LATIN_WORD.match(word.casefold())) and any(ch.isalpha() for ch in word)


def latin_to_cyrillic(word: str) -> str:
    """«Iuliia» → «юлия», «Sergey» → «сергей», «Khabibullin» → «хабибуллин»."""
    text = word.casefold()
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        # «y»/«i» after a vowel closes the syllable: Sergey, Nikolai, Andrei → й.
        if ch in "yi" and prev in _VOWELS and (not nxt or nxt not in _VOWELS):
            if not (ch == "i" and nxt) or nxt == "-":
                out.append("й")
                i += 1
                continue
        # ГОСТ 7.79 B: «c» before i, e, y, j is ц.
        if ch == "c" and nxt in ("i", "e", "y", "j"):
            out.append("ц")
            i += 1
            continue
        for latin, cyr in _SEQUENCES:
            if text.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(_SINGLE.get(ch, ch))
            i += 1
    result = "".join(out)
    # «yy»/«iy» at the end are adjective endings: Belyy → белый, Vasiliy → василий.
    return re.sub(r"ыы$", "ый", result).replace("ыь", "ы")
