"""own_entrepreneur, own_director, own_founder: the servant's own business."""

from __future__ import annotations

from datetime import date

from tests.affiliation.conftest import ORG, servant


def rules(found):
    return {(f.rule, f.severity) for f in found}


def test_active_entrepreneur_with_same_inn_is_high(reg, run):
    me = servant("Сидоров", "Пётр", "Ильич", inn="420712345678")
    reg.entrepreneur("СИДОРОВ", "ПЕТР", "ИЛЬИЧ", inn="420712345678")
    found = run(me)
    assert rules(found) == {("own_entrepreneur", "high")}
    assert found[0].score == 1.0
    assert "ИНН 420712345678 совпадает" in found[0].explanation


def test_terminated_entrepreneur_raises_nothing(reg, run):
    reg.entrepreneur("Сидоров", "Пётр", "Ильич", terminated=date(2024, 5, 1))
    assert run(servant("Сидоров", "Пётр", "Ильич")) == []


def test_director_of_commercial_company_found_through_yo_and_latin_lookalikes(reg, run):
    company = reg.company("Вектор")
    # Registry spells «Семёнов» with ё and a Latin «o» and «C» inside.
    reg.role(company, "director", "Cемёнoв", "Артём", "Олегович")
    found = run(servant("Семенов", "Артем", "Олегович"))
    assert rules(found) == {("own_director", "high")}
    assert found[0].subject_ogrn == company["ogrn"]


def test_director_of_municipal_school_is_not_business(reg, run):
    school = reg.company("Школа № 5", legal_form="Муниципальное бюджетное общеобразовательное учреждение")
    reg.role(school, "director", "Семенов", "Артем", "Олегович")
    assert run(servant("Семенов", "Артем", "Олегович")) == []


def test_terminated_company_raises_no_director_finding(reg, run):
    company = reg.company("Закрытое", terminated=date(2023, 1, 1))
    reg.role(company, "director", "Семенов", "Артем", "Олегович")
    assert run(servant("Семенов", "Артем", "Олегович")) == []


def test_founder_share_is_medium_unless_company_supplies_own_organisation(reg, run):
    plain = reg.company("Доля")
    reg.role(plain, "founder", "Семенов", "Артем", "Олегович")
    assert rules(run(servant("Семенов", "Артем", "Олегович"))) == {("own_founder", "medium")}
    reg.contract(ORG, plain)
    found = run(servant("Семенов", "Артем", "Олегович"))
    assert rules(found) == {("own_founder", "high")}
    assert found[0].evidence.to_dict()["contracts"][0]["price"] == "150000.00"


def test_namesake_in_another_region_is_not_high(reg, run):
    far = reg.company("Далёкая", region="77")
    reg.role(far, "director", "Семенов", "Артем", "Олегович", region="77")
    found = run(servant("Семенов", "Артем", "Олегович"))
    assert [f.severity for f in found] == ["medium"]
    assert "отличается от региона проживания" in found[0].explanation


def test_common_name_in_same_region_is_one_question_not_four_findings(reg, screen_all):
    companies = []
    for i in range(4):
        companies.append(company := reg.company(f"Фирма {i}"))
        reg.role(company, "director", "Иванов", "Александр", "Сергеевич", inn=f"42000000{i:04d}")
    me = servant("Иванов", "Александр", "Сергеевич")
    result = screen_all(me)
    # Four namesakes, none of them likely to be our servant (who gave no ИНН): one request lists all.
    assert result.findings == []
    [request] = result.requests
    assert (request.kind, request.relative_key) == ("namesakes", None)
    assert sorted(o.inn for o in request.options) == [f"42000000{i:04d}" for i in range(4)]
    assert all(o.probability < 0.8 for o in request.options)


def test_different_known_inn_is_another_person(reg, run):
    company = reg.company("Тёзка")
    reg.role(company, "director", "Семенов", "Артем", "Олегович", inn="420799999999")
    assert run(servant("Семенов", "Артем", "Олегович", inn="420711111111")) == []


def test_former_servant_gets_no_own_business_finding(reg, run):
    reg.entrepreneur("Сидоров", "Пётр", "Ильич")
    assert run(servant("Сидоров", "Пётр", "Ильич", status="dismissed", dismissed_on=date(2020, 1, 1))) == []


def test_name_of_frequent_parts_is_common_even_if_seen_once(reg, screen_all):
    # Иванов, Михаил and Андреевич are each frequent in the registry (600 of 12,000 roles each),
    # so one exact «Иванов Михаил Андреевич» in the region is no proof of identity.
    filler = reg.company("Фон")
    reg.con.execute("""
        INSERT INTO person_roles (subject_kind, subject_ogrn, role, last_name, first_name, middle_name, inn, region)
        SELECT 'company', ?, 'founder',
               CASE WHEN i % 20 = 0 THEN 'Иванов' ELSE 'Фамилия' || i END,
               CASE WHEN i % 20 = 1 THEN 'Михаил' ELSE 'Имя' || i END,
               CASE WHEN i % 20 = 2 THEN 'Андреевич' ELSE 'Отчество' || i END,
               (420000000000 + i)::VARCHAR, '42'
        FROM range(12000) t(i)""", [filler["ogrn"]])
    target = reg.company("Цель")
    reg.role(target, "director", "Иванов", "Михаил", "Андреевич")
    result = screen_all(servant("Иванов", "Михаил", "Андреевич"))
    assert result.findings == []
    [request] = result.requests
    [option] = request.options
    assert [s["ogrn"] for s in option.subjects] == [target["ogrn"]]


def test_common_name_in_another_region_without_other_link_is_not_a_finding(reg, run):
    for i in range(4):
        company = reg.company(f"Далеко {i}", region="77")
        reg.role(company, "director", "Иванов", "Александр", "Сергеевич", region="77")
    assert run(servant("Иванов", "Александр", "Сергеевич")) == []
