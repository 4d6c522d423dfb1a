"""Registry addresses as one line, in the order of their parts.

Registry addresses come in two forms (the КЛАДР-style ``АдресРФ`` and the
ФИАС-style ``СвАдрЮЛФИАС``); the importers read either into the same
parts. Comparison keys come from :mod:`zorko.registry.addresses`.
"""

from __future__ import annotations

PARTS = ("index", "region", "district", "city", "locality", "street", "house", "building", "flat")


def address_line(parts: dict[str, str]) -> str:
    return ", ".join(parts[p] for p in PARTS if parts.get(p))
