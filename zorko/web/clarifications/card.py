"""What a servant's card shows of the review beyond findings: possible namesakes, requests, judgements."""

from __future__ import annotations

from typing import Any

from zorko.clarifications.listing import kinship_of, region_name
from zorko.findings.clarifications import status_label
from zorko.findings.evidence import ROLE_NAMES
from zorko.findings.judgements import note_of
from zorko.findings.models import IdentityJudgement, PossibleNamesakes
from zorko.findings.namesakes import regions_text
from zorko.people.models import Servant

EXAMPLES = 3


def _persons(n: int) -> str:
    tail = "лицо" if n % 10 == 1 and n % 100 != 11 else "лица" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 \
        else "лиц"
    return f"{n} {tail}"


def namesakes_text(group: PossibleNamesakes) -> str:
    """«Возможные тёзки: 14 лиц в реестре — Кемеровская область — Кузбасс — 3, г. Москва — 11»."""
    return f"Возможные тёзки: {_persons(group.persons)} в реестре — {regions_text(group.regions)}"


def _example(subject: dict[str, Any]) -> str:
    role = ROLE_NAMES.get(str(subject.get("role") or ""), str(subject.get("role") or ""))
    return f"{subject.get('name') or ''} ({role}, {region_name(str(subject.get('region') or ''))})"


def review_context(servant: Servant) -> dict[str, Any]:
    namesakes = []
    for group in servant.namesakes.select_related("relative"):
        who = (f"{group.relative.get_kinship_display()}: {group.relative.full_name}" if group.relative
               else f"сам служащий: {servant.full_name}")
        namesakes.append({"who": who, "text": namesakes_text(group),
                          "examples": [_example(s) for s in group.subjects[:EXAMPLES]]})
    requests = [{"r": r, "status": status_label(r), "kinship": kinship_of(r)}
                for r in servant.clarifications.select_related("relative").order_by("-created_at", "-pk")]
    judgements = [{"j": j, "note": note_of(j)} for j in
                  IdentityJudgement.objects.filter(servant=servant).select_related("relative", "user")]
    return {"card_namesakes": namesakes, "card_requests": requests, "card_judgements": judgements}
