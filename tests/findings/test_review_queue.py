"""The review queue holds only what deserves a decision: the floor, requests, judgements, the KPI.

Everything runs through the real screening (``run_screening``) over a registry
store written with the real schema.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zorko.findings import clarifications
from zorko.findings.judgements import record_judgement, revoke_judgement
from zorko.findings.kpi import checked_by
from zorko.findings.models import ClarificationRequest, Finding, PossibleNamesakes
from zorko.findings.service import run_screening
from zorko.identifiers import make_inn
from zorko.people.models import Relative

ORG = "4205000007"
REGIONS = ["54", "77", "50", "66", "24", "38", "55", "70"]


def _namesakes(reg, last, first, middle, n, region_of=lambda i: REGIONS[i % len(REGIONS)], inn_base=0):
    """``n`` different registry persons carrying one ФИО, each directing his own company, no contracts."""
    subjects = []
    for i in range(n):
        region = region_of(i)
        company = reg.company(f"Тёзка {inn_base + i}", region=region)
        inn = make_inn(f"{region}{inn_base + i:08d}", person=True)
        reg.role(company, "director", last, first, middle, inn=inn, region=region)
        subjects.append(company)
    return subjects


@pytest.fixture
def common_mother(store, make_servant):
    """A mother-in-law with a common ФИО and no ИНН; 40 namesakes in the registry, none tied to us."""
    me = make_servant("Соболев", "Игорь", "Петрович", inn="420598765432")
    mother = Relative.objects.create(servant=me, kinship="spouse_mother", last_name="Кузнецова",
                                     first_name="Елена", middle_name="Александровна")
    with store.write() as reg:
        _namesakes(reg, "Кузнецова", "Елена", "Александровна", 40)
    return me, mother


def test_namesakes_below_the_floor_are_not_findings_and_do_not_block_the_kpi(common_mother):
    me, mother = common_mother
    run_screening("all")
    assert Finding.objects.filter(active=True).count() == 0
    assert ClarificationRequest.objects.count() == 0  # none of them touches a supplier
    row = PossibleNamesakes.objects.get(servant=me, relative=mother)
    assert row.persons == 40
    assert sum(row.regions.values()) == 40 and set(row.regions) == set(REGIONS)
    today = timezone.localdate()
    assert me.pk in checked_by(today.year, today.month, [me.pk], {me.pk: 1})


@pytest.fixture
def relative_with_supplier_namesakes(store, make_servant):
    """A sister without ИНН; five namesakes in the region, two of them direct suppliers of our organisation."""
    me = make_servant("Волков", "Андрей", "Игоревич", inn="420598765431")
    sister = Relative.objects.create(servant=me, kinship="sister", last_name="Иванова", first_name="Елена",
                                     middle_name="Игоревна")
    with store.write() as reg:
        subjects = _namesakes(reg, "Иванова", "Елена", "Игоревна", 5, region_of=lambda i: "42")
        for supplier in subjects[:2]:
            reg.contract(ORG, supplier, price="500000.00")
    return me, sister, subjects


def test_one_request_per_relative_not_one_finding_per_company(relative_with_supplier_namesakes):
    me, sister, subjects = relative_with_supplier_namesakes
    run = run_screening("all")
    assert Finding.objects.filter(active=True, relative=sister).count() == 0
    [request] = ClarificationRequest.objects.all()
    assert (request.kind, request.servant, request.relative, request.status) == ("namesakes", me, sister, "prepared")
    listed = {s["ogrn"] for c in request.candidates for s in c["subjects"]}
    assert listed == {subjects[0]["ogrn"], subjects[1]["ogrn"]}
    assert all(c["inn"] and c["full_name"] == "Иванова Елена Игоревна" for c in request.candidates)
    assert request.last_run == run
    # The same run again asks nothing new.
    run_screening("all")
    assert ClarificationRequest.objects.count() == 1
    assert request.events.count() == 1


def test_an_open_request_blocks_the_kpi_until_answered(relative_with_supplier_namesakes, make_user):
    me, sister, subjects = relative_with_supplier_namesakes
    run_screening("all")
    today = timezone.localdate()
    assert me.pk not in checked_by(today.year, today.month, [me.pk], {me.pk: 1})
    request = ClarificationRequest.objects.get()
    inspector = make_user("inspector")
    clarifications.mark_sent(request, inspector)
    assert request.due_on == today + timedelta(days=30)
    decisions = {c["key"]: False for c in request.candidates}
    clarifications.record_answer(request, inspector, decisions, answer="Сестра предпринимательством не занимается")
    request.refresh_from_db()
    assert request.status == "answered"
    assert me.pk in checked_by(today.year, today.month, [me.pk], {me.pk: 1})
    # The denied namesakes stay silent on the next run: no request comes back.
    run_screening("all")
    request.refresh_from_db()
    assert request.status == "answered"
    assert Finding.objects.filter(active=True).count() == 0


def test_an_inn_in_the_answer_is_stored_and_the_relative_rechecked(relative_with_supplier_namesakes, make_user):
    me, sister, subjects = relative_with_supplier_namesakes
    run_screening("all")
    request = ClarificationRequest.objects.get()
    their_inn = next(c["inn"] for c in request.candidates if c["subjects"][0]["ogrn"] == subjects[0]["ogrn"])
    clarifications.record_answer(request, make_user("inspector"), {}, inn=their_inn)
    sister.refresh_from_db()
    assert sister.inn == their_inn
    # Re-checked at once: the sister is now certainly the director of a supplier.
    [finding] = Finding.objects.filter(active=True, relative=sister)
    assert (finding.rule, finding.severity, finding.subject_ogrn) == ("relative_supplier", "high",
                                                                      subjects[0]["ogrn"])


def test_overdue_request_counts_as_decided_only_with_a_reason(relative_with_supplier_namesakes, make_user):
    me, _sister, _subjects = relative_with_supplier_namesakes
    run_screening("all")
    request = ClarificationRequest.objects.get()
    inspector = make_user("inspector")
    clarifications.mark_sent(request, inspector, sent_on=timezone.localdate() - timedelta(days=45))
    assert clarifications.status_label(request) == "просрочен"
    with pytest.raises(Exception, match="причину"):
        clarifications.close_overdue(request, inspector, "  ")
    today = timezone.localdate()
    assert me.pk not in checked_by(today.year, today.month, [me.pk], {me.pk: 1})
    clarifications.close_overdue(request, inspector, "Служащий в длительной командировке")
    assert me.pk in checked_by(today.year, today.month, [me.pk], {me.pk: 1})


@pytest.fixture
def rare_brother(store, make_servant):
    """A brother with a unique ФИО in the region directing a business with no contracts with us."""
    me = make_servant("Загорулько", "Пётр", "Аристархович", inn="420598765430")
    brother = Relative.objects.create(servant=me, kinship="brother", last_name="Загорулько", first_name="Ефим",
                                      middle_name="Аристархович")
    with store.write() as reg:
        first = reg.company("Первая")
        reg.role(first, "director", "Загорулько", "Ефим", "Аристархович", inn="420511112223")
    return me, brother, first


def _add_company(store, name, inn="420511112223"):
    with store.write() as reg:
        company = reg.company(name)
        reg.role(company, "founder", "Загорулько", "Ефим", "Аристархович", inn=inn)
    return company


def test_a_namesake_judged_someone_else_stays_silent_when_he_founds_more(rare_brother, store, make_user):
    me, brother, first = rare_brother
    run_screening("all")
    [finding] = Finding.objects.filter(active=True)
    assert (finding.rule, finding.relative) == ("relative_business", brother)
    person = finding.evidence["registry_person"]
    assert person["key"] == "inn:420511112223"
    inspector = make_user("inspector")
    record_judgement(me, brother, person, False, "Брат живёт в другом городе, ИНН иной по справке", inspector)
    finding.refresh_from_db()
    assert finding.status == "dismissed"
    assert "другое лицо" in finding.decisions.last().reason
    _add_company(store, "Вторая")
    run_screening("all")
    assert Finding.objects.filter(active=True).count() == 0


def test_a_confirmed_person_brings_new_companies_as_high_citing_the_judgement(rare_brother, store, make_user):
    me, brother, first = rare_brother
    run_screening("all")
    finding = Finding.objects.get(active=True)
    inspector = make_user("inspector")
    judgement = record_judgement(me, brother, finding.evidence["registry_person"], True,
                                 "Брат подтвердил в объяснительной", inspector)
    finding.refresh_from_db()
    assert finding.status == "confirmed"
    second = _add_company(store, "Вторая")
    run_screening("all")
    new = Finding.objects.get(active=True, subject_ogrn=second["ogrn"])
    assert new.severity == "high"
    assert "то же лицо" in new.explanation and "Брат подтвердил" in new.explanation
    assert new.evidence["match"]["confidence"] == "judged"
    # Revoked: the next run weighs the name again, and the revocation is on record.
    revoke_judgement(judgement, inspector, "Ошибочное решение")
    judgement.refresh_from_db()
    assert judgement.revoked_at is not None
    run_screening("all")
    new.refresh_from_db()
    assert new.evidence["match"]["confidence"] != "judged"


def test_inn_equal_under_a_wholly_different_name_is_a_data_conflict(store, make_servant):
    make_servant("Сидорова", "Анна", "Ивановна", inn="420512345678")
    with store.write() as reg:
        company = reg.company("Чужая")
        reg.role(company, "director", "Петров", "Олег", "Николаевич", inn="420512345678")
    run_screening("all")
    [finding] = Finding.objects.filter(active=True)
    assert (finding.rule, finding.severity) == ("inn_conflict", "medium")
    conflict = finding.evidence["conflict"]
    assert conflict["questionnaire"]["full_name"] == "Сидорова Анна Ивановна"
    assert conflict["registry"]["full_name"] == "Петров Олег Николаевич"
    assert "ошибка" in finding.evidence["summary"]


def test_married_surname_under_the_same_inn_is_still_a_certain_match(store, make_servant):
    make_servant("Сидорова", "Анна", "Ивановна", inn="420512345678")
    with store.write() as reg:
        company = reg.company("Своя")
        reg.role(company, "director", "Петрова", "Анна", "Ивановна", inn="420512345678")
    run_screening("all")
    [finding] = Finding.objects.filter(active=True)
    assert (finding.rule, finding.severity) == ("own_director", "high")


def test_a_recheck_with_nothing_changed_writes_no_finding(rare_brother, relative_with_supplier_namesakes):
    run_screening("all")
    before = {f.pk: (f.last_found_at, f.last_run_id) for f in Finding.objects.all()}
    assert before
    with CaptureQueriesContext(connection) as queries:
        run_screening("all")
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
              and ("findings_finding" in q["sql"] or "findings_clarification" in q["sql"]
                   or "findings_possiblenamesakes" in q["sql"])]
    assert writes == []
    assert {f.pk: (f.last_found_at, f.last_run_id) for f in Finding.objects.all()} == before


def test_a_screening_leaves_findings_of_other_areas_alone(rare_brother):
    me, _brother, _first = rare_brother
    other = Finding.objects.create(key="d" * 64, rule="declaration_expense", severity="high", score=0.9, servant=me,
                                   subject_kind="person", subject_ogrn="", explanation="Расход превышает доход",
                                   evidence={}, evidence_hash="x")
    run_screening("all")
    other.refresh_from_db()
    assert other.active
