"""ЕГРИП → entrepreneurs, and the entrepreneur as a person_roles row (role ``entrepreneur``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

import duckdb

from zorko.registry.adapters import Adapter, Counts, stage_columns
from zorko.registry.adapters.egrul import ROLE_COLUMNS
from zorko.registry.adapters.entity import ChildSpec, EntitySpec, merge_entities, row_hash
from zorko.registry.importers import egrip
from zorko.registry.importers.egrip import Entrepreneur

COLUMNS = ("ogrnip", "inn", "last_name", "first_name", "middle_name", "status", "terminated_on",
           "region", "okved", "registered_on")



def entrepreneur_spec(stage: str, roles_stage: str) -> EntitySpec:
    """Entrepreneurs with their own person_roles row, staged in ``stage`` and ``roles_stage``."""
    return EntitySpec(
        table="entrepreneurs", stage=stage, key="ogrnip", columns=COLUMNS,
        children=(ChildSpec("person_roles", roles_stage, "subject_ogrn", ROLE_COLUMNS,
                            where="subject_kind = 'entrepreneur'"),),
    )


SPEC = entrepreneur_spec("stage_egrip", "stage_egrip_roles")


class EgripAdapter(Adapter):
    source = "egrip"
    title = "ЕГРИП"
    stages = {
        SPEC.stage: stage_columns(COLUMNS, ("row_hash", "seen")),
        "stage_egrip_roles": stage_columns(ROLE_COLUMNS),
    }
    tables = ("entrepreneurs",)

    def parse(self, stream: BinaryIO, name: str) -> Iterator[Entrepreneur]:
        return egrip.parse(stream, name)

    def extract_date(self, record: Entrepreneur) -> str | None:
        return record.extract_date

    def stage(self, record: Entrepreneur, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        e = record
        row = (e.ogrnip, e.inn, e.last_name, e.first_name, e.middle_name, e.status, e.terminated_on,
               e.region, e.okved, e.registered_on)
        batch[SPEC.stage].append((load_id, rec, row_hash(row), e.extract_date, *row))
        batch["stage_egrip_roles"].append((
            load_id, rec, "entrepreneur", e.ogrnip, "entrepreneur", e.last_name, e.first_name,
            e.middle_name, e.inn, None, None, e.kind, e.registered_on, False, e.region,
        ))

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return merge_entities(con, SPEC)
