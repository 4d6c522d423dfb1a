"""former_servant, and the candidates' extra lists (disqualified, mass persons)."""

from __future__ import annotations

from datetime import date

from tests.affiliation.conftest import ORG, servant


def former(**fields):
    return servant("Лебедев", "Олег", "Викторович", status="dismissed", **fields)


def test_directs_supplier_within_two_years_of_leaving(reg, run):
    supplier = reg.company("После службы")
    reg.role(supplier, "director", "Лебедев", "Олег", "Викторович", since=date(2025, 9, 1))
    reg.contract(ORG, supplier)
    [finding] = run(former(dismissed_on=date(2025, 6, 30)), as_of=date(2026, 11, 1))
    assert (finding.rule, finding.severity) == ("former_servant", "high")
    assert finding.evidence.to_dict()["window_end"] == "2027-06-30"


def test_role_taken_long_after_the_two_years_raises_nothing(reg, run):
    supplier = reg.company("Давно")
    reg.role(supplier, "director", "Лебедев", "Олег", "Викторович", since=date(2024, 3, 1))
    reg.contract(ORG, supplier)
    assert run(former(dismissed_on=date(2019, 1, 31)), as_of=date(2026, 11, 1)) == []


def test_company_that_is_not_a_supplier_raises_nothing(reg, run):
    company = reg.company("Не поставщик")
    reg.role(company, "founder", "Лебедев", "Олег", "Викторович", since=date(2025, 9, 1))
    assert run(former(dismissed_on=date(2025, 6, 30))) == []


def test_candidate_gets_own_business_checks_against_the_organisation_applied_to(reg, run):
    supplier = reg.company("Кандидатская")
    reg.role(supplier, "director", "Громов", "Илья", "Ильич")
    reg.contract(ORG, supplier)
    [finding] = run(servant("Громов", "Илья", "Ильич", status="candidate"))
    assert (finding.rule, finding.severity) == ("own_director", "high")
    assert finding.evidence.to_dict()["contracts"]


def _disqualify(reg, birth):
    reg.con.execute(
        "INSERT INTO disqualified (last_name, first_name, middle_name, full_name, birth_date, organisation, "
        "article, term) VALUES ('Громов', 'Илья', 'Ильич', 'Громов Илья Ильич', ?, 'ООО «Бывшая»', "
        "'14.13 КоАП', '1 год')", [birth])


def test_disqualified_candidate_with_same_birth_date_is_high(reg, run):
    _disqualify(reg, date(1980, 5, 4))
    [finding] = run(servant("Громов", "Илья", "Ильич", status="candidate", birth_date=date(1980, 5, 4)))
    assert (finding.rule, finding.severity, finding.subject_kind) == ("disqualified", "high", "person")


def test_disqualified_namesake_with_other_birth_date_is_not_the_candidate(reg, run):
    _disqualify(reg, date(1975, 1, 1))
    assert run(servant("Громов", "Илья", "Ильич", status="candidate", birth_date=date(1980, 5, 4))) == []


def test_disqualified_list_is_not_applied_to_serving_servants(reg, run):
    _disqualify(reg, date(1980, 5, 4))
    assert run(servant("Громов", "Илья", "Ильич", birth_date=date(1980, 5, 4))) == []


def test_mass_director_candidate_by_inn(reg, run):
    reg.con.execute("INSERT INTO mass_persons VALUES ('420712340000', 'Громов', 'Илья', 'Ильич', 'director', 57, 1)")
    [finding] = run(servant("Громов", "Илья", "Ильич", status="candidate", inn="420712340000"))
    assert (finding.rule, finding.severity) == ("mass_person", "high")
    assert "57 организаций" in finding.explanation
