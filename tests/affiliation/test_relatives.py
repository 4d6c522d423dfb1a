"""relative_supplier and relative_business."""

from __future__ import annotations

from datetime import date

from tests.affiliation.conftest import ORG, relative, servant


def test_sister_directs_supplier_of_servants_organisation(reg, run):
    supplier = reg.company("Ромашка")
    reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна")
    reg_num = reg.contract(ORG, supplier, price="2500000.00", sign_date=date(2026, 4, 2))
    me = servant("Сидоров", "Пётр", "Ильич", relatives=[relative("Петрова", "Анна", "Сергеевна")])
    [finding] = run(me)
    assert (finding.rule, finding.severity) == ("relative_supplier", "high")
    assert finding.relative_key == me.relatives[0].key
    assert finding.evidence.to_dict()["contracts"] == [
        {"reg_num": reg_num, "sign_date": "2026-04-02", "price": "2500000.00", "subject": "Поставка канцелярских товаров"}]
    assert finding.evidence.to_dict()["graph_path"] == [
        f"servant:{me.key}", f"relative:{me.relatives[0].key}", f"company:{supplier['ogrn']}",
        f"contract:{reg_num}", f"organisation:{ORG}"]
    assert "Сестра служащего" in finding.explanation and "конфликт интересов" in finding.explanation


def test_supplier_of_another_organisation_is_relative_business(reg, run):
    company = reg.company("Лютик")
    reg.role(company, "founder", "Петрова", "Анна", "Сергеевна")
    reg.contract("4205999990", company)
    [finding] = run(servant(relatives=[relative("Петрова", "Анна", "Сергеевна")]))
    assert (finding.rule, finding.severity) == ("relative_business", "medium")
    assert finding.evidence.to_dict()["contracts"] == []


def test_married_relative_found_under_maiden_name(reg, run):
    supplier = reg.company("Девичья")
    reg.role(supplier, "director", "Кузнецова", "Ольга", "Петровна")
    reg.contract(ORG, supplier)
    wife = relative("Смирнова", "Ольга", "Петровна", kinship="wife", label="супруга",
                    former_last_names=["Кузнецова"])
    [finding] = run(servant("Смирнов", "Олег", "Иванович", relatives=[wife]))
    assert finding.rule == "relative_supplier"
    assert "под прежней фамилией «Кузнецова»" in finding.explanation


def test_relative_whose_known_inn_differs_is_not_that_person(reg, run):
    supplier = reg.company("Ромашка")
    reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна", inn="420755555555")
    reg.contract(ORG, supplier)
    sister = relative("Петрова", "Анна", "Сергеевна", inn="420766666666")
    assert run(servant(relatives=[sister])) == []


def test_relatives_terminated_entrepreneur_raises_nothing(reg, run):
    ip = reg.entrepreneur("Петрова", "Анна", "Сергеевна", terminated=date(2025, 2, 1))
    reg.contract(ORG, ip)
    assert run(servant(relatives=[relative("Петрова", "Анна", "Сергеевна")])) == []


def test_relative_namesake_in_other_region_supplier_is_not_high(reg, run):
    supplier = reg.company("Москва", region="77")
    reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна", region="77")
    reg.contract(ORG, supplier)
    [finding] = run(servant(relatives=[relative("Петрова", "Анна", "Сергеевна")]))
    assert finding.rule == "relative_supplier" and finding.severity == "medium"


def test_the_sentence_declines_the_servant_and_names_the_in_law_by_gender(reg, run):
    supplier = reg.company("Ромашка")
    reg.role(supplier, "director", "Соболева", "Галина", "Павловна")
    reg.contract(ORG, supplier, price="100000.00", sign_date=date(2026, 4, 2))
    me = servant("Лыкова", "Алина", "Романовна", relatives=[
        relative("Соболева", "Галина", "Павловна", kinship="spouse_mother", label="мать супруга(и)")])
    [finding] = run(me)
    assert "Свекровь служащей Лыковой Алины Романовны — Соболева Галина Павловна" in finding.explanation
    assert "супруга(и)" not in finding.explanation and "служащего Лыкова" not in finding.explanation
