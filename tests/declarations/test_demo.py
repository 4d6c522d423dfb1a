"""The demo campaign: every check's planted case is found, late/missing/уточнённая are there, a re-run changes nothing."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from zorko.declarations.campaign import Status, build
from zorko.demo.declarations_synthetic import RULES
from zorko.findings.models import Finding

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 5)


def test_demo_campaign_plants_every_case_and_is_idempotent(settings: Any, tmp_path: Path) -> None:
    from zorko.demo.declarations import build_demo_declarations
    from zorko.demo.people_build import build_demo

    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    build_demo(5, servants=120)
    first = build_demo_declarations(5, today=TODAY)
    assert {rule for rule, _ in first.campaign.planted} == set(RULES)
    found = {(f.rule, f.servant.personnel_number) for f in Finding.objects.filter(active=True)}
    assert set(first.campaign.planted) <= found
    campaign = build(2025, TODAY)
    statuses = {r.servant.personnel_number: r.status for r in campaign.rows}
    assert all(statuses[no] == Status.LATE for no in first.campaign.late)
    assert all(statuses[no] == Status.MISSING for no in first.campaign.missing)
    assert campaign.total.corrected_in_time == 1 and first.campaign.missing and first.campaign.late
    again = build_demo_declarations(5, today=TODAY)
    assert (again.imported.added, again.imported.corrections, again.analysis.new) == (0, 0, 0)
