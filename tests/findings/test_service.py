"""run_screening: findings stored once, decisions respected across re-runs, the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from zorko.audit.models import AuditEvent
from zorko.exceptions import ValidationError
from zorko.findings.models import Finding, FindingDecision, ScreenedPerson
from zorko.findings.review import review_finding
from zorko.findings.service import findings_for, registry_as_of, run_screening, servant_graph
from zorko.people.models import Relative

ORG = "4205000007"


@pytest.fixture
def sister_supplier(store, make_servant):
    me = make_servant("Сидоров", "Пётр", "Ильич")
    sister = Relative.objects.create(servant=me, kinship="sister", last_name="Петрова", first_name="Анна",
                                     middle_name="Сергеевна")
    with store.write() as reg:
        supplier = reg.company("Ромашка")
        reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна")
        reg.contract(ORG, supplier, price="990000.00")
    return me, sister, supplier


def test_screening_stores_the_finding_with_its_evidence(sister_supplier, make_user):
    me, sister, supplier = sister_supplier
    user = make_user("inspector")
    run = run_screening("all", user=user)
    [finding] = findings_for(me)
    assert (finding.rule, finding.severity, finding.status) == ("relative_supplier", "high", "new")
    assert finding.relative == sister and finding.subject_ogrn == supplier["ogrn"]
    assert finding.evidence["contracts"][0]["price"] == "990000.00"
    assert run.people_checked == 1 and run.findings_new == 1
    assert set(run.registry_as_of) == {"egrul", "egrip", "contracts"}
    screened = ScreenedPerson.objects.get(run=run)
    assert screened.relatives_checked == 1 and screened.registry_oldest is not None
    assert AuditEvent.objects.filter(action="screening.run", user=user).exists()


def test_rerun_makes_no_duplicates(sister_supplier):
    run_screening("all")
    second = run_screening("all")
    assert Finding.objects.count() == 1
    assert second.findings_new == 0 and second.findings_total == 1


def test_dismissed_finding_stays_dismissed_until_evidence_changes(sister_supplier, store, make_user):
    me, _sister, supplier = sister_supplier
    run_screening("all")
    finding = Finding.objects.get()
    review_finding(finding, "dismissed", make_user("inspector"), "Сестра не участвует в закупках")
    run_screening("person", me.personnel_number)
    finding.refresh_from_db()
    assert finding.status == "dismissed"
    with store.write() as reg:
        reg.contract(ORG, supplier, price="5000000.00", sign_date=date(2026, 10, 1))
    run_screening("all")
    finding.refresh_from_db()
    assert finding.status == "new"
    assert len(finding.evidence["contracts"]) == 2
    last = FindingDecision.objects.filter(finding=finding).last()
    assert (last.from_status, last.to_status) == ("dismissed", "new")
    assert "Доказательства изменились" in last.reason


def test_finding_no_longer_produced_becomes_inactive(sister_supplier, store):
    run_screening("all")
    with store.write() as reg:
        reg.con.execute("UPDATE companies SET terminated_on = DATE '2026-10-01'")
    run_screening("all")
    assert Finding.objects.get().active is False


def test_scope_person_and_organisation(sister_supplier, make_servant):
    me, _s, _c = sister_supplier
    make_servant("Другой", "Человек", "Иванович")
    assert run_screening("person", me.personnel_number).people_checked == 1
    assert run_screening("organisation", ORG).people_checked == 2
    with pytest.raises(ValidationError, match="табельным номером «нет»"):
        run_screening("person", "нет")


def test_graph_for_servant_card(sister_supplier):
    me, sister, supplier = sister_supplier
    run_screening("all")
    graph = servant_graph(me)
    ids = {n["id"] for n in graph["nodes"]}
    assert {f"servant:s:{me.pk}", f"relative:r:{sister.pk}", f"company:{supplier['ogrn']}",
            f"organisation:{ORG}"} <= ids


def test_registry_as_of_reads_loads(store):
    assert registry_as_of()["egrul"] == date.today().fromordinal(date.today().toordinal() - 3).isoformat()


def test_no_registry_is_a_clear_error(settings, tmp_path, make_servant):
    import dataclasses

    from zorko.exceptions import ZorkoError

    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path / "empty")
    make_servant()
    with pytest.raises(ZorkoError, match="Реестры не загружены"):
        run_screening("all")


def test_a_screening_waits_for_a_registry_load_in_another_process(sister_supplier, store):
    import subprocess
    import sys
    import time

    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(4)"),
        store.path], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        said = []
        run = run_screening("all", progress=lambda *a, **k: said.append(a[2] if len(a) > 2 else ""))
        assert time.monotonic() - started >= 1  # it waited for the load instead of failing
        assert run.people_checked == 1 and Finding.objects.filter(active=True).count() == 1
        assert any("Идёт загрузка реестра" in text for text in said)
    finally:
        holder.wait(timeout=30)
