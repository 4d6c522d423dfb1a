"""The screening job and the re-check after a registry load (scope «changed»)."""

from __future__ import annotations

from datetime import date

from zorko.findings.models import Finding, ScreeningRun
from zorko.findings.service import on_registry_loaded
from zorko.people.models import Relative
from zorko.tasks import queue
from zorko.tasks.models import Job

ORG = "4205000007"


def test_screening_job_runs_from_the_queue(store, make_servant, make_user):
    make_servant("Сидоров", "Пётр", "Ильич")
    with store.write() as reg:
        reg.entrepreneur("Сидоров", "Пётр", "Ильич")
    user = make_user("inspector")
    job = queue.enqueue("screening.run", {"scope": "all", "user_id": user.pk}, user)
    assert queue.run_pending() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert job.result["findings"] == 1 and "Проверено: 1 чел." in job.message
    assert ScreeningRun.objects.get().user == user


def test_after_a_load_only_people_linked_to_changes_are_rechecked(store, make_servant):
    linked = make_servant("Волков", "Андрей", "Игоревич")
    Relative.objects.create(servant=linked, kinship="wife", last_name="Волкова", first_name="Ирина",
                            middle_name="Олеговна", inn="420700000011")
    make_servant("Орлов", "Иван", "Петрович", address="г. Кемерово, ул. Садовая, д. 1")
    with store.write() as reg:
        load = reg.load("egrul", date.today(), load_id=77)
        company = reg.company("Новая", load_id=load)
        # The sister of Волков (undeclared) appears as director of a new supplier.
        reg.role(company, "director", "Волкова", "Елена", "Игоревна", load_id=load)
        reg.contract("4205999990", company, load_id=load)
    run = on_registry_loaded([77])
    assert run is not None and run.scope == "changed"
    assert run.people_checked == 1
    assert list(run.screened.values_list("servant", flat=True)) == [linked.pk]
    assert Finding.objects.count() == 0  # a supplier of another organisation: no hidden_relative


def test_hook_without_people_does_nothing(store, db):
    assert on_registry_loaded([1]) is None


def test_registry_load_from_the_cli_rechecks_the_people_it_touches(settings, tmp_path, monkeypatch, make_servant):
    import dataclasses

    from click.testing import CliRunner

    from tests.conftest import FIXTURES
    from zorko.cli import main

    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    servant = make_servant("Сидоров", "Пётр", "Ильич", inn="420712345658")
    make_servant("Орлов", "Иван", "Петрович")
    result = CliRunner().invoke(main, ["registry", "load", "egrip",
                                       str(FIXTURES / "screening" / "VO_RIGFO_0000_9965_20261101_servant.xml")])
    assert result.exit_code == 0, result.output
    assert "Повторная проверка затронутых людей: 1 чел., срабатываний 1 (новых: 1)" in result.output
    finding = Finding.objects.get()
    assert (finding.servant, finding.rule, finding.subject_ogrn) == (servant, "own_entrepreneur", "324420000012345")
    assert ScreeningRun.objects.get().scope == "changed"
    again = CliRunner().invoke(main, ["registry", "load", "egrip",
                                      str(FIXTURES / "screening" / "VO_RIGFO_0000_9965_20261101_servant.xml")])
    assert "Повторная проверка" not in again.output  # the same file changes nothing: nobody to re-check
