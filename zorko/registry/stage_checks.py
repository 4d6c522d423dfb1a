"""Values the store would refuse, found while staging, so the error names file, line and field.

The store casts staged text to DATE and numbers to DECIMAL(18,2) when it
merges, long after the record's file and line are known; DuckDB's own
message then names neither («Conversion Error: date field value out of
range», with a piece of SQL). Checking the few typed columns of each batch
before it is handed on costs little and keeps the place.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from zorko.registry.adapters import Columns

# Dates that exist in every month of every year; others (the 29th–31st) are checked in full.
_ISO = re.compile(r"(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])")
DATE_COLUMNS = frozenset({"terminated_on", "registered_on", "since", "sign_date", "birth_date",
                          "starts_on", "ends_on", "published", "extract_date"})
DECIMAL_COLUMNS = frozenset({"capital", "price", "share_nominal"})
DECIMAL_LIMIT = 10**16  # DECIMAL(18,2)
SHORT_COLUMNS = {"region": 2}
FIELD_NAMES = {"terminated_on": "дата прекращения", "registered_on": "дата регистрации",
               "since": "дата записи", "sign_date": "дата заключения", "birth_date": "дата рождения",
               "starts_on": "дата начала", "ends_on": "дата окончания", "published": "дата публикации",
               "extract_date": "дата выписки", "capital": "уставный капитал", "price": "цена",
               "share_nominal": "номинальная стоимость доли", "region": "регион"}


def _problem(column: str, value: Any) -> str | None:
    if value is None:
        return None
    if column in DATE_COLUMNS:
        try:
            date.fromisoformat(str(value)[:10])
        except ValueError:
            return f"неверная дата «{value}»"
        return None
    if column in DECIMAL_COLUMNS:
        if not abs(value) < DECIMAL_LIMIT:
            return f"число «{value}» слишком велико"
        return None
    limit = SHORT_COLUMNS.get(column)
    if limit and len(str(value)) > limit:
        return f"значение «{value}» длиннее {limit} символов"
    return None


def first_refused(columns: Columns, rows: list[tuple[Any, ...]]) -> tuple[int, str, str] | None:
    """``(rec, field, reason)`` of the first staged value the store would refuse, or None."""
    checked = [(i, name) for i, (name, _kind) in enumerate(columns)
               if name in DATE_COLUMNS or name in DECIMAL_COLUMNS or name in SHORT_COLUMNS]
    if not checked:
        return None
    rec_index = [name for name, _kind in columns].index("rec")
    for i, name in checked:
        # Column by column, skipping empty cells and plain ISO dates without a call per value.
        for row in rows:
            value = row[i]
            if value is None or (name in DATE_COLUMNS and len(value) == 10 and _ISO.match(value)):
                continue
            reason = _problem(name, value)
            if reason:
                return row[rec_index], FIELD_NAMES.get(name, name), reason
    return None
