"""Numbers from the query string, within bounds: «²», «1e9» or 10**30 must never end in a 500."""

from __future__ import annotations

MAX_ID = 2**63 - 1  # the largest id a BigAutoField holds on PostgreSQL and SQLite


def bounded_int(text: str | None, low: int, high: int) -> int | None:
    """The whole number written in ASCII digits within [low, high], or None."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 19):
        return None
    value = int(text)
    return value if low <= value <= high else None


def object_id(text: str | None) -> int | None:
    return bounded_int(text, 1, MAX_ID)
