"""One servant's review beyond findings, in words: possible namesakes and clarification requests.

Shared by the card and «Отчет о проверке ФЛ», so both say the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zorko.clarifications.listing import kinship_of, region_name
from zorko.findings.clarifications import OPEN, status_label
from zorko.findings.evidence import ROLE_NAMES
from zorko.findings.models import ClarificationRequest, PossibleNamesakes
from zorko.findings.namesakes import regions_text
from zorko.people.models import Servant

EXAMPLES = 3


def persons_count(n: int) -> str:
    """«1 лицо», «3 лица», «14 лиц»."""
    tail = "лицо" if n % 10 == 1 and n % 100 != 11 else "лица" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 \
        else "лиц"
    return f"{n} {tail}"


def namesakes_text(group: PossibleNamesakes) -> str:
    """«Возможные тёзки: 14 лиц в реестре — Кемеровская область — Кузбасс — 3, Москва — 11»."""
    return f"Возможные тёзки: {persons_count(group.persons)} в реестре — {regions_text(group.regions)}"


def _example(subject: dict[str, Any]) -> str:
    role = ROLE_NAMES.get(str(subject.get("role") or ""), str(subject.get("role") or ""))
    return f"{subject.get('name') or ''} ({role}, {region_name(str(subject.get('region') or ''))})"


@dataclass(slots=True)
class NamesakeLine:
    who: str  # «мать: Иванова Елена Александровна» / «сам служащий: …»
    text: str
    examples: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RequestLine:
    request: ClarificationRequest
    about: str
    status: str

    @property
    def open(self) -> bool:
        """Still waiting for the servant's answer (prepared or sent)."""
        return self.request.status in OPEN


def namesake_lines(servant: Servant) -> list[NamesakeLine]:
    out = []
    for group in servant.namesakes.select_related("relative"):
        who = (f"{group.relative.get_kinship_display()}: {group.relative.full_name}" if group.relative
               else f"сам служащий: {servant.full_name}")
        out.append(NamesakeLine(who, namesakes_text(group), [_example(s) for s in group.subjects[:EXAMPLES]]))
    return out


def request_lines(servant: Servant) -> list[RequestLine]:
    out = []
    for r in servant.clarifications.select_related("servant", "relative").order_by("-created_at", "-pk"):
        about = f"{kinship_of(r)}: {r.relative.full_name}" if r.relative else "сам служащий"
        out.append(RequestLine(r, about, status_label(r)))
    return out
