"""ЕГРЮЛ → companies, person_roles, company_owners, company_managers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, BinaryIO

import duckdb

from zorko.registry.adapters import Adapter, Counts, stage_columns
from zorko.registry.adapters.entity import ChildSpec, EntitySpec, merge_entities, row_hash
from zorko.registry.address import PARTS
from zorko.registry.addresses import normalize_address
from zorko.registry.importers import egrul
from zorko.registry.importers.egrul import Company

COMPANY_COLUMNS = ("ogrn", "inn", "kpp", "full_name", "short_name", "legal_form", "status",
                   "terminated_on", "region", "address", "address_parts", "address_norm", "okved",
                   "registered_on", "capital")
ROLE_COLUMNS = ("subject_kind", "subject_ogrn", "role", "last_name", "first_name", "middle_name",
                "inn", "share_percent", "share_nominal", "title", "since", "unreliable", "region")
OWNER_COLUMNS = ("subject_ogrn", "owner_kind", "owner_ogrn", "owner_inn", "owner_name",
                 "share_percent", "share_nominal", "since", "unreliable")
MANAGER_COLUMNS = ("subject_ogrn", "manager_ogrn", "manager_inn", "manager_name", "since", "unreliable")



def company_spec(prefix: str) -> EntitySpec:
    """Companies with their roles, owners and managers, staged in ``<prefix>_…`` tables."""
    return EntitySpec(
        table="companies", stage=f"{prefix}_companies", key="ogrn", columns=COMPANY_COLUMNS,
        children=(
            ChildSpec("person_roles", f"{prefix}_roles", "subject_ogrn", ROLE_COLUMNS,
                      where="subject_kind = 'company'"),
            ChildSpec("company_owners", f"{prefix}_owners", "subject_ogrn", OWNER_COLUMNS),
            ChildSpec("company_managers", f"{prefix}_managers", "subject_ogrn", MANAGER_COLUMNS),
        ),
    )


SPEC = company_spec("stage_egrul")


# Address parts repeat across companies (regions, towns, streets, «Д. 1»):
# normalising each part once is most of the saving on a large load.
_normalize_part = lru_cache(maxsize=200_000)(normalize_address)


def address_norm(parts: dict[str, str]) -> str | None:
    """``normalize_address`` of the whole line, computed part by part (same result, cached)."""
    keys: list[str] = []
    for name in PARTS:
        value = parts.get(name)
        if value:
            key = _normalize_part(value)
            if key.strip("-‐‑‒–— ") and (not keys or keys[-1] != key):
                keys.append(key)
    return " ".join(keys) or None


class EgrulAdapter(Adapter):
    source = "egrul"
    title = "ЕГРЮЛ"
    stages = {
        SPEC.stage: stage_columns(COMPANY_COLUMNS, ("row_hash", "seen")),
        "stage_egrul_roles": stage_columns(ROLE_COLUMNS),
        "stage_egrul_owners": stage_columns(OWNER_COLUMNS),
        "stage_egrul_managers": stage_columns(MANAGER_COLUMNS),
    }
    tables = ("companies", "person_roles", "company_owners", "company_managers")

    def parse(self, stream: BinaryIO, name: str) -> Iterator[Company]:
        return egrul.parse(stream, name)

    def extract_date(self, record: Company) -> str | None:
        return record.extract_date

    def stage(self, record: Company, load_id: int, rec: int, batch: dict[str, list[tuple[Any, ...]]]) -> None:
        c = record
        address = c.address
        row = (c.ogrn, c.inn, c.kpp, c.full_name, c.short_name, c.legal_form, c.status,
               c.terminated_on, c.region, address,
               json.dumps(c.address_parts, ensure_ascii=False) if c.address_parts else None,
               address_norm(c.address_parts), c.okved, c.registered_on, c.capital)
        roles = [("company", c.ogrn, r.role, r.last_name, r.first_name, r.middle_name, r.inn,
                  r.share_percent, r.share_nominal, r.title, r.since, r.unreliable, c.region)
                 for r in c.roles]
        owners = [(c.ogrn, o.kind, o.ogrn, o.inn, o.name, o.share_percent, o.share_nominal,
                   o.since, o.unreliable) for o in c.owners]
        managers = [(c.ogrn, m.ogrn, m.inn, m.name, m.since, m.unreliable) for m in c.managers]
        batch[SPEC.stage].append((load_id, rec, row_hash((row, roles, owners, managers)),
                                  c.extract_date, *row))
        head = (load_id, rec)
        if roles:
            batch["stage_egrul_roles"].extend(head + r for r in roles)
        if owners:
            batch["stage_egrul_owners"].extend(head + o for o in owners)
        if managers:
            batch["stage_egrul_managers"].extend(head + m for m in managers)

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return merge_entities(con, SPEC)
