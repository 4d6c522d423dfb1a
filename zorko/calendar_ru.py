"""Russian month names in the cases the interface needs («на конец декабря»)."""

from __future__ import annotations

NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
              "октябрь", "ноябрь", "декабрь")
GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
            "октября", "ноября", "декабря")


def genitive(month: int | str) -> str:
    """«декабрь» or 12 → «декабря»; an unknown word is returned unchanged."""
    if isinstance(month, int):
        return GENITIVE[month - 1]
    word = month.strip().lower()
    return GENITIVE[NOMINATIVE.index(word)] if word in NOMINATIVE else month
