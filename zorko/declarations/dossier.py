"""What the analysis needs about one servant, read from the case store in a few bulk queries.

Plain dataclasses (no ORM objects) so that the rules are pure functions and
the benchmark's thousand справки are analysed in memory.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from zorko.declarations.models import Declaration, DeclarationItem
from zorko.declarations.records import Member, Section
from zorko.matching.normalize import normalize_name
from zorko.people.kinship import Kinship
from zorko.people.models import Relative, Servant

SPOUSE_KINSHIPS = {str(Kinship.HUSBAND), str(Kinship.WIFE)}
CHILD_KINSHIPS = {str(Kinship.SON), str(Kinship.DAUGHTER)}
HISTORY_YEARS = 3


@dataclass(slots=True)
class ItemView:
    section: str
    kind: str
    name: str
    amount: Decimal | None
    area: Decimal | None
    country: str
    ownership: str
    basis: str
    inn: str
    ogrn: str
    share: str
    co_owners: list[dict[str, Any]]


@dataclass(slots=True)
class DeclView:
    pk: int
    year: int
    member: str
    full_name: str
    birth_date: date | None
    filed_on: date
    correction: bool
    items: list[ItemView] = field(default_factory=list)

    @property
    def name_key(self) -> str:
        return normalize_name(self.full_name)

    def of(self, section: Section) -> list[ItemView]:
        return [i for i in self.items if i.section == section.value]

    def total(self, section: Section) -> Decimal:
        return sum((i.amount or Decimal(0) for i in self.of(section)), Decimal(0))


@dataclass(slots=True)
class RelativeView:
    pk: int
    kinship: str
    full_name: str
    names: set[str]  # the current ФИО and the ФИО under each former surname, normalised
    birth_date: date | None
    inn: str


@dataclass(slots=True)
class Dossier:
    servant_id: int
    full_name: str
    inn: str
    organisation_inn: str
    organisation_name: str
    region: str
    relatives: list[RelativeView] = field(default_factory=list)
    # year → current справки of that year (declarant, spouse, children)
    years: dict[int, list[DeclView]] = field(default_factory=dict)

    def of_year(self, year: int, *members: Member) -> list[DeclView]:
        wanted = {m.value for m in members} if members else None
        return [d for d in self.years.get(year, []) if wanted is None or d.member in wanted]

    def declarant(self, year: int) -> DeclView | None:
        found = self.of_year(year, Member.DECLARANT)
        return found[0] if found else None

    def family_income(self, year: int) -> Decimal | None:
        """Income of the servant and spouse for a year; ``None`` without the servant's справка."""
        if self.declarant(year) is None:
            return None
        return sum((d.total(Section.INCOME) for d in self.of_year(year, Member.DECLARANT, Member.SPOUSE)),
                   Decimal(0))

    def persons(self) -> list[tuple[str, str, str, int | None]]:
        """(normalised ФИО, ИНН, how related, relative id) of the servant and the spouse and children."""
        out: list[tuple[str, str, str, int | None]] = [(normalize_name(self.full_name), self.inn, "служащий", None)]
        for r in self.relatives:
            if r.kinship in SPOUSE_KINSHIPS | CHILD_KINSHIPS:
                out.append((normalize_name(r.full_name), r.inn, Kinship(r.kinship).label, r.pk))
        return out


def _names(r: Relative) -> set[str]:
    out = {normalize_name(r.full_name)}
    out.update(normalize_name(f"{last} {r.first_name} {r.middle_name}") for last in r.former_last_names)
    return out


def load(year: int, servant_ids: list[int] | None = None) -> list[Dossier]:
    """Dossiers of the servants with a current справка for ``year``, with their three preceding years."""
    decls = Declaration.objects.filter(year__gte=year - HISTORY_YEARS, year__lte=year, superseded_by__isnull=True)
    if servant_ids is not None:
        decls = decls.filter(servant_id__in=servant_ids)
    with_year = set(decls.filter(year=year).values_list("servant_id", flat=True))
    rows = list(decls.filter(servant_id__in=with_year).values_list(
        "pk", "servant_id", "year", "member", "last_name", "first_name", "middle_name", "birth_date", "filed_on",
        "correction"))
    items: dict[int, list[ItemView]] = defaultdict(list)
    for values in DeclarationItem.objects.filter(declaration_id__in=[r[0] for r in rows]).values_list(
            "declaration_id", "section", "kind", "name", "amount", "area", "country", "ownership", "basis", "inn", "ogrn", "share",
            "co_owners").order_by("pk"):
        items[values[0]].append(ItemView(*values[1:]))
    dossiers: dict[int, Dossier] = {}
    for s in Servant.objects.filter(pk__in=with_year).select_related("organisation"):
        org = s.organisation
        dossiers[s.pk] = Dossier(s.pk, s.full_name, s.inn, org.inn or "", org.name, (org.inn or "")[:2])
    for r in Relative.objects.filter(servant_id__in=with_year, kinship__in=SPOUSE_KINSHIPS | CHILD_KINSHIPS):
        dossiers[r.servant_id].relatives.append(RelativeView(r.pk, r.kinship, r.full_name, _names(r), r.birth_date,
                                                             r.inn))
    for pk, servant_id, y, member, last, first, middle, birth, filed_on, correction in rows:
        view = DeclView(pk, y, member, " ".join(p for p in (last, first, middle) if p), birth, filed_on, correction,
                        items[pk])
        dossiers[servant_id].years.setdefault(y, []).append(view)
    return [dossiers[k] for k in sorted(dossiers)]
