"""hidden_relative: a probable relative missing from the questionnaire, linked to a supplier."""

from __future__ import annotations

from tests.affiliation.conftest import ORG, relative, servant


def test_sister_under_feminine_surname_and_same_patronymic(reg, run):
    supplier = reg.company("Сестрина")
    reg.role(supplier, "director", "Волкова", "Елена", "Игоревна")
    reg.contract(ORG, supplier)
    [finding] = run(servant("Волков", "Андрей", "Игоревич"))
    assert (finding.rule, finding.severity) == ("hidden_relative", "medium")
    assert finding.relative_key is None
    # The registry person's patronymic is feminine: a sister, not «брат или сестра».
    assert "возможно, сестра" in finding.explanation
    assert "подсказка, а не совпадение" in finding.evidence.summary
    assert finding.evidence.to_dict()["match"]["kinship_guess"] == "sibling"


def test_child_with_patronymic_from_servants_first_name(reg, run):
    supplier = reg.company("Сыновья")
    reg.role(supplier, "founder", "Волков", "Денис", "Андреевич")
    reg.contract(ORG, supplier)
    [finding] = run(servant("Волков", "Андрей", "Игоревич"))
    assert finding.rule == "hidden_relative"
    assert finding.evidence.to_dict()["match"]["kinship_guess"] == "child"


def test_sibling_under_servants_maiden_surname(reg, run):
    supplier = reg.company("Девичья")
    reg.role(supplier, "director", "Кузнецов", "Павел", "Петрович")
    reg.contract(ORG, supplier)
    me = servant("Смирнова", "Ольга", "Петровна", former_last_names=["Кузнецова"])
    [finding] = run(me)
    assert finding.rule == "hidden_relative"


def test_declared_relative_is_not_hidden(reg, run):
    supplier = reg.company("Сестрина")
    reg.role(supplier, "director", "Волкова", "Елена", "Игоревна")
    reg.contract(ORG, supplier)
    found = run(servant("Волков", "Андрей", "Игоревич", relatives=[relative("Волкова", "Елена", "Игоревна")]))
    assert [f.rule for f in found] == ["relative_supplier"]


def test_same_surname_without_supplier_link_raises_nothing(reg, run):
    company = reg.company("Чужая")
    reg.role(company, "director", "Волкова", "Елена", "Игоревна")
    assert run(servant("Волков", "Андрей", "Игоревич")) == []


def test_different_patronymic_is_not_a_sibling(reg, run):
    supplier = reg.company("Однофамильцы")
    reg.role(supplier, "director", "Волкова", "Елена", "Сергеевна")
    reg.contract(ORG, supplier)
    assert run(servant("Волков", "Андрей", "Игоревич")) == []


def test_frequent_surname_and_patronymic_make_a_question_not_a_finding(reg, screen_all):
    filler = reg.company("Фон")
    reg.con.execute("""
        INSERT INTO person_roles (subject_kind, subject_ogrn, role, last_name, first_name, middle_name, region)
        SELECT 'company', ?, 'founder', CASE WHEN i % 2 = 0 THEN 'Иванов' ELSE 'Фамилия' || i END, 'Имя',
               CASE WHEN i % 3 = 0 THEN 'Сергеевна' ELSE 'Отчество' || i END, '42'
        FROM range(12000) t(i)""", [filler["ogrn"]])
    supplier = reg.company("Сестрина")
    reg.role(supplier, "director", "Иванова", "Елена", "Сергеевна")
    reg.contract(ORG, supplier)
    me = servant("Иванов", "Андрей", "Сергеевич")
    result = screen_all(me)
    # A weak hint is not a finding: the servant is asked once about the people it names.
    assert result.findings == []
    [request] = result.requests
    assert (request.kind, request.servant_key, request.relative_key) == ("hidden_relative", me.key, None)
    [option] = request.options
    assert option.full_name == "Иванова Елена Сергеевна"
    assert [s["ogrn"] for s in option.subjects] == [supplier["ogrn"]]
