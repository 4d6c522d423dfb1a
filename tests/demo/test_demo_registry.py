"""The demo registry: real files through the ordinary loader, a finding for every planted case, no
finding on the decoys, and a second run that changes nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from zorko.cli import main
from zorko.demo.people import generate
from zorko.demo.people_build import build_demo
from zorko.demo.registry_demo import load_demo_registry, write_files
from zorko.demo.registry_world import build
from zorko.findings.models import ClarificationRequest, Finding, ScreeningRun
from zorko.findings.rules_info import rule_names
from zorko.people.models import Servant
from zorko.tasks.models import Job

PLANTED_RULES = {"own_entrepreneur", "own_director", "own_founder", "relative_supplier", "relative_business",
                 "hidden_relative", "shared_address", "former_servant"}


def _store_counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("companies", "entrepreneurs", "contracts", "person_roles", "loads")}
    finally:
        con.close()


@pytest.mark.django_db
def test_demo_registry_plants_every_rule_and_a_rerun_changes_nothing(settings, tmp_path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    build_demo(seed=1, servants=60)
    summary = load_demo_registry(seed=1, servants=60)
    world = summary.world

    files = tmp_path / "demo-registry"
    assert sorted(p.name[:9] for p in (files / "egrul").iterdir())[0] == "VO_RUGFO_"
    assert list((files / "egrip").iterdir()) and len(list((files / "contracts").iterdir())) == len(world.contracts)
    counts = _store_counts(tmp_path / "registry.duckdb")
    assert counts["companies"] == len(world.companies) >= 400
    assert counts["entrepreneurs"] == len(world.entrepreneurs)
    assert counts["contracts"] == len(world.contracts)

    assert {p.rule for p in world.planted} == PLANTED_RULES and set(PLANTED_RULES) <= set(rule_names())
    found = {(f.rule, f.servant.personnel_number, f.subject_ogrn): f
             for f in Finding.objects.filter(active=True).select_related("servant")}
    missed = [p for p in world.planted if (p.rule, p.personnel_number, p.subject) not in found]
    assert missed == []
    assert {k[0] for k in found} >= PLANTED_RULES
    # A decoy (namesake elsewhere, terminated company or entrepreneur) raises no finding at all.
    assert world.decoys and not [d for d in world.decoys if any(k[2] == d.subject for k in found)]
    # The planted servants are real demo people, and the married sister is found under her maiden name.
    maiden = next(p for p in world.planted if "девичьей" in p.note)
    assert Servant.objects.filter(personnel_number=maiden.personnel_number).exists()
    assert found[("relative_supplier", maiden.personnel_number, maiden.subject)].relative is not None
    assert summary.screened and sum(summary.findings.values()) == len(found)
    # The relative without ИНН whose namesakes direct suppliers gets one request, not a finding each.
    namesakes = [d for d in world.decoys if d.rule == "namesakes"]
    [request] = ClarificationRequest.objects.filter(servant__personnel_number=namesakes[0].personnel_number)
    assert {s["ogrn"] for c in request.candidates for s in c["subjects"]} == {d.subject for d in namesakes}
    assert f"Запросов уточнения служащим: {summary.requests}" in "\n".join(summary.lines())
    job = Job.objects.get(kind="screening.run")  # the run is a job the home page lists
    assert job.status == Job.Status.DONE and f"срабатываний: {len(found)}" in job.message

    runs, findings = ScreeningRun.objects.count(), Finding.objects.count()
    again = load_demo_registry(seed=1, servants=60)
    assert all(new == 0 for _records, new in again.loaded.values())
    assert not again.screened and "не изменился" in "\n".join(again.lines())
    assert _store_counts(tmp_path / "registry.duckdb") == counts
    assert (ScreeningRun.objects.count(), Finding.objects.count(), Job.objects.count()) == (runs, findings, 1)


def test_same_seed_writes_the_same_files(tmp_path) -> None:
    from datetime import date

    day = date(2026, 11, 1)  # the same seed on the same day (the demo's dates are relative to it)
    data = generate(seed=2, servants=30, today=day)
    first = write_files(build(data, seed=2), tmp_path / "a", day)
    second = write_files(build(generate(seed=2, servants=30, today=day), seed=2), tmp_path / "b", day)
    for source, paths in first.items():
        assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in second[source]], source
    other = write_files(build(generate(seed=3, servants=30, today=day), seed=3), tmp_path / "c", day)
    assert other["egrul"][0].read_bytes() != first["egrul"][0].read_bytes()


@pytest.mark.django_db(transaction=True)
def test_demo_command_without_registry_writes_no_registry(settings, tmp_path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    result = CliRunner().invoke(main, ["demo", "--seed", "4", "--servants", "20", "--no-registry"])
    assert result.exit_code == 0, result.output
    assert Servant.objects.filter(status=Servant.Status.SERVANT).count() == 20
    assert "Реестр:" not in result.output and not (tmp_path / "demo-registry").exists()
    assert not (tmp_path / "registry.duckdb").exists()
