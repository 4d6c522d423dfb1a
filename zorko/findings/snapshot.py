"""Case data → the plain snapshot the rule engine reads."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from zorko.affiliation.kin import surname_forms
from zorko.affiliation.model import RelativeRecord, ServantRecord, Snapshot
from zorko.people.kinship import Kinship
from zorko.people.models import Relative, Servant


def servant_key(pk: int) -> str:
    return f"s:{pk}"


def relative_key(pk: int) -> str:
    return f"r:{pk}"


def pk_of(key: str | None) -> int | None:
    return int(key.split(":", 1)[1]) if key else None


def _relative(rel: Relative) -> RelativeRecord:
    label = Kinship(rel.kinship).label if rel.kinship in Kinship.values else rel.kinship
    return RelativeRecord(
        key=relative_key(rel.pk), last_name=rel.last_name, first_name=rel.first_name,
        middle_name=rel.middle_name, inn=rel.inn, address=rel.address, birth_date=rel.birth_date,
        former_last_names=rel.former_last_names, kinship=rel.kinship, kinship_label=str(label),
    )


def servant_record(servant: Servant, relatives: Iterable[Relative] | None = None) -> ServantRecord:
    org = servant.organisation
    return ServantRecord(
        key=servant_key(servant.pk), last_name=servant.last_name, first_name=servant.first_name,
        middle_name=servant.middle_name, inn=servant.inn, address=servant.address, birth_date=servant.birth_date,
        former_last_names=servant.former_last_names, personnel_number=servant.personnel_number,
        status=servant.status, organisation_inn=org.inn or "", organisation_name=str(org),
        dismissed_on=servant.dismissed_on,
        relatives=[_relative(r) for r in (relatives if relatives is not None else servant.relatives.all())],
    )


def build_snapshot(servants: QuerySet[Servant], as_of: date) -> Snapshot:
    servants = servants.select_related("organisation").prefetch_related("relatives")
    return Snapshot([servant_record(s) for s in servants], as_of)


def touched_by(servants: Iterable[ServantRecord], surnames: set[str], inns: set[str], orgs: set[str]) -> list[str]:
    """Keys of the servants whose own or relatives' surname/ИНН, or organisation, a load touched."""
    keys = []
    for s in servants:
        people = [s, *s.relatives]
        names = set().union(*(surname_forms(n) for p in people for n in [p.last_name, *p.former_last_names]))
        if s.organisation_inn in orgs or names & surnames or any(p.inn and p.inn in inns for p in people):
            keys.append(s.key)
    return keys
