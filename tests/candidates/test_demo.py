"""The demo's 223-ФЗ contracts, loss-of-trust register, НПД list and candidate checks; a rerun changes nothing."""

from __future__ import annotations

import dataclasses

import pytest

from zorko.candidates.models import CandidateCheck
from zorko.demo.candidates import load_demo_sources
from zorko.demo.people_build import build_demo
from zorko.demo.registry_demo import load_demo_registry
from zorko.findings.models import ClarificationRequest, Finding


@pytest.mark.django_db
def test_demo_plants_the_new_sources_and_checks(settings, tmp_path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    build_demo(seed=1, servants=60)
    load_demo_registry(seed=1, servants=60)
    lines = load_demo_sources(seed=1)
    assert any(line.startswith("Реестр: Договоры ЕИС (223-ФЗ): файлов 3") for line in lines)
    found = {(f.rule, f.severity) for f in Finding.objects.filter(active=True)}
    assert {("loss_of_trust", "high"), ("own_self_employed", "medium"),
            ("relative_self_employed_supplier", "high")} <= found
    # The namesake in the register is a question to the candidate, not a finding.
    assert ("loss_of_trust", "low") not in found
    assert ClarificationRequest.objects.filter(kind="loss_of_trust", active=True).count() == 1
    decisions = sorted(CandidateCheck.objects.values_list("decision", flat=True))
    assert decisions == ["clarify", "obstacles", "recommended"]
    listed = CandidateCheck.objects.get(decision="obstacles")
    assert [f["rule"] for f in listed.findings] == ["loss_of_trust"]
    before = (Finding.objects.count(), CandidateCheck.objects.count())
    again = load_demo_sources(seed=1)
    assert all("добавлено 0, изменено 0" in line for line in again if line.startswith("Реестр:"))
    assert (Finding.objects.count(), CandidateCheck.objects.count()) == before
