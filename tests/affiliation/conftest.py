"""A fresh in-memory registry store and a one-line servant factory for the rule tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
import pytest

from tests.registry_tables import Registry
from zorko.affiliation import FindingCandidate, RelativeRecord, ServantRecord, Snapshot, screen
from zorko.affiliation.model import Judgement
from zorko.affiliation.triage import ScreeningResult

ORG = "4205000007"
_n = itertools.count(1)


@pytest.fixture
def reg() -> Registry:
    return Registry(duckdb.connect())


def servant(last: str = "Иванов", first: str = "Иван", middle: str = "Иванович", **fields: Any) -> ServantRecord:
    n = next(_n)
    fields.setdefault("organisation_inn", ORG)
    fields.setdefault("organisation_name", "Администрация")
    return ServantRecord(key=f"s:{n}", last_name=last, first_name=first, middle_name=middle,
                         personnel_number=f"P{n}", **fields)


def relative(last: str, first: str, middle: str, kinship: str = "sister", label: str = "сестра",
             **fields: Any) -> RelativeRecord:
    return RelativeRecord(key=f"r:{next(_n)}", last_name=last, first_name=first, middle_name=middle,
                          kinship=kinship, kinship_label=label, **fields)


@pytest.fixture
def screen_all(reg: Registry) -> Callable[..., ScreeningResult]:
    """The whole result: findings, clarification requests, possible namesakes."""
    def go(*servants: ServantRecord, as_of: date = date(2026, 11, 1),
           judgements: dict[str, dict[str, Judgement]] | None = None) -> ScreeningResult:
        return screen(reg.con, Snapshot(list(servants), as_of, judgements or {}))

    return go


@pytest.fixture
def run(screen_all: Callable[..., ScreeningResult]) -> Callable[..., list[FindingCandidate]]:
    """The findings only: what reaches the review queue."""
    def go(*servants: ServantRecord, as_of: date = date(2026, 11, 1)) -> list[FindingCandidate]:
        return screen_all(*servants, as_of=as_of).findings

    return go
