"""Possible namesakes: registry persons carrying a questionnaire person's name below the finding floor.

They are not findings and never block the KPI; the card and «Отчет о проверке
ФЛ» show how many there are and where, so the inspector sees that the name was
looked for and what was set aside. Written by difference, like findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zorko.affiliation.triage import NamesakeGroup
from zorko.findings.models import PossibleNamesakes
from zorko.findings.snapshot import pk_of
from zorko.regions import REGION_NAMES


def _row(group: NamesakeGroup) -> dict[str, Any]:
    return {"person_name": group.person_name[:300], "persons": group.persons,
            "regions": dict(sorted(group.regions.items())), "subjects": group.subjects}


def save_namesakes(groups: Iterable[NamesakeGroup], screened: set[int]) -> None:
    wanted = {(pk_of(g.servant_key), pk_of(g.relative_key)): _row(g) for g in groups}
    stored = {(n.servant_id, n.relative_id): n for n in PossibleNamesakes.objects.filter(servant_id__in=screened)}
    gone = [n.pk for key, n in stored.items() if key not in wanted]
    if gone:
        PossibleNamesakes.objects.filter(pk__in=gone).delete()
    create, update = [], []
    for (servant_id, relative_id), row in wanted.items():
        current = stored.get((servant_id, relative_id))
        if current is None:
            create.append(PossibleNamesakes(servant_id=servant_id, relative_id=relative_id, **row))
        elif any(getattr(current, k) != v for k, v in row.items()):
            for k, v in row.items():
                setattr(current, k, v)
            update.append(current)
    PossibleNamesakes.objects.bulk_create(create, batch_size=500)
    PossibleNamesakes.objects.bulk_update(update, ["person_name", "persons", "regions", "subjects"], batch_size=500)


def regions_text(regions: dict[str, int]) -> str:
    """«Кемеровская область — 3, г. Москва — 2, регион не указан — 1»."""
    parts = []
    for code, n in sorted(regions.items(), key=lambda kv: (-kv[1], kv[0])):
        where = REGION_NAMES.get(code, f"регион {code}") if code else "регион не указан"
        parts.append(f"{where} — {n}")
    return ", ".join(parts)
