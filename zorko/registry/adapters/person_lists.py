"""Lists about people, published whole: the loss-of-trust register and ФНС НПД statuses.

Like the ФНС lists, a load replaces the stored list by the rows of its
files (the register is published whole; an НПД list is the answer for
the ИНН asked). Each row is counted against the list it replaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import duckdb

from zorko.registry.adapters import Adapter, Counts, stage_columns
from zorko.registry.adapters.fns_lists import ListSpec, replace_list
from zorko.registry.importers import loss_of_trust, npd
from zorko.registry.importers.loss_of_trust import DismissedPerson
from zorko.registry.importers.npd import NpdStatus

LOSS_OF_TRUST_COLUMNS = ("last_name", "first_name", "middle_name", "full_name", "birth_date", "inn",
                         "organisation", "position", "dismissed_on", "ground", "included_on",
                         "excluded_on")
LOSS_OF_TRUST = ListSpec("loss_of_trust", "stage_loss_of_trust", LOSS_OF_TRUST_COLUMNS,
                         ("full_name", "organisation", "dismissed_on"))
NPD_COLUMNS = ("inn", "status", "status_on", "source")
NPD = ListSpec("npd_status", "stage_npd_status", NPD_COLUMNS, ("inn",))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class LossOfTrustAdapter(Adapter):
    source = "loss_of_trust"
    title = "Реестр лиц, уволенных в связи с утратой доверия"
    suffixes = loss_of_trust.SUFFIXES
    stages = {LOSS_OF_TRUST.stage: stage_columns(LOSS_OF_TRUST_COLUMNS)}
    tables = ("loss_of_trust",)

    def parse(self, stream: BinaryIO, name: str) -> Iterator[DismissedPerson]:
        return loss_of_trust.parse_stream(stream, name)

    def extract_date(self, record: DismissedPerson) -> str | None:
        return _iso(max((d for d in (record.included_on, record.excluded_on) if d), default=None))

    def stage(self, record: DismissedPerson, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        p = record
        batch[LOSS_OF_TRUST.stage].append((
            load_id, rec, p.last_name, p.first_name, p.middle_name, p.full_name, _iso(p.birth_date),
            p.inn, p.organisation, p.position, _iso(p.dismissed_on), p.ground, _iso(p.included_on),
            _iso(p.excluded_on)))

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return replace_list(con, LOSS_OF_TRUST)


class NpdAdapter(Adapter):
    source = "npd"
    title = "Плательщики налога на профессиональный доход (список)"
    suffixes = npd.SUFFIXES
    stages = {NPD.stage: stage_columns(NPD_COLUMNS, types={"status": "BOOLEAN"})}
    tables = ("npd_status",)

    def parse(self, stream: BinaryIO, name: str) -> Iterator[NpdStatus]:
        return npd.parse_stream(stream, name)

    def extract_date(self, record: NpdStatus) -> str | None:
        return _iso(record.status_on)

    def stage(self, record: NpdStatus, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        batch[NPD.stage].append((load_id, rec, record.inn, record.status, _iso(record.status_on), "file"))

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return replace_list(con, NPD)
