"""Normalisation of Russian names for search and matching.

Names are stored as entered (documents need them verbatim); this module
gives the comparable form: trimmed, single spaces, Latin look-alike letters
inside Cyrillic words replaced, case folded, ё folded to е.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters that look like Cyrillic ones (typed on the wrong layout or
# pasted from a scan); replaced only inside words that contain Cyrillic.
LOOKALIKES = str.maketrans(
    {
        "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е",
        "H": "Н", "K": "К", "k": "к", "M": "М", "O": "О", "o": "о", "P": "Р",
        "p": "р", "T": "Т", "X": "Х", "x": "х", "y": "у", "Y": "У",
    }
)
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_SPACES = re.compile(r"\s+")
_HYPHENS = re.compile(r"\s*[-‐‑‒–—]\s*")


def fix_lookalikes(word: str) -> str:
    if _CYRILLIC.search(word):
        return word.translate(LOOKALIKES)
    return word


def normalize_name(value: str | None) -> str:
    """Comparable form of a name or ФИО: «  ИвАнов-Петров  Пётр » → «иванов-петров петр»."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = _HYPHENS.sub("-", text.strip())
    text = _SPACES.sub(" ", text)
    words = [fix_lookalikes(w) for w in text.split(" ")]
    return " ".join(words).casefold().replace("ё", "е")


def full_name(last: str, first: str, middle: str | None = "") -> str:
    return " ".join(p.strip() for p in (last, first, middle or "") if p and p.strip())
