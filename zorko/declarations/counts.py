"""Counts of the declaration campaign for «Мониторинг-К» (read by ``zorko.program.formulas``)."""

from __future__ import annotations

from datetime import date


def filed_on_time(year: int) -> int | None:
    """Справки filed by 30 April of ``year`` (for ``year - 1``); None when nobody had to file."""
    from zorko.declarations.campaign import program_evidence

    result = program_evidence(year, date(year, 4, 30))
    return None if result is None else result[0]
