"""The screening finds people through the matching engine: slips, look-alikes and initials in the questionnaire."""

from __future__ import annotations

from tests.affiliation.conftest import ORG, relative, servant


def _supplier_directed_by(reg, last: str, first: str, middle: str, region: str = "42") -> dict:
    supplier = reg.company("Ромашка", region=region)
    reg.role(supplier, "director", last, first, middle, region=region)
    reg.contract(ORG, supplier)
    return supplier


def test_relative_with_one_letter_typo_in_questionnaire_is_found(reg, run):
    supplier = _supplier_directed_by(reg, "Загорулько", "Ефим", "Аристархович")
    # The questionnaire says «Загоролько»: one wrong letter.
    sister = relative("Загоролько", "Ефим", "Аристархович", kinship="brother", label="брат")
    [finding] = run(servant("Сидоров", "Пётр", "Ильич", relatives=[sister]))
    assert finding.rule == "relative_supplier" and finding.subject_ogrn == supplier["ogrn"]
    assert finding.relative_key == sister.key
    # The inspector sees why: the engine's signal-by-signal explanation is in the evidence.
    match = finding.evidence.match
    explanation = [*match.reasons, *(f"{s.detail}" for s in match.signals)]
    assert "ФИО совпадает не полностью: в реестре Загорулько Ефим Аристархович" in explanation
    assert any("фамилия отличается одной буквой" in line and "загоролько" in line for line in explanation)
    assert "фамилия отличается одной буквой" in finding.explanation


def test_relative_with_latin_lookalike_letter_is_found(reg, run):
    supplier = _supplier_directed_by(reg, "Загорулько", "Ефим", "Аристархович")
    # Latin «o» and «E» typed on the wrong layout.
    brother = relative("Загорулькo", "Eфим", "Аристархович", kinship="brother", label="брат")
    [finding] = run(servant("Сидоров", "Пётр", "Ильич", relatives=[brother]))
    assert (finding.rule, finding.subject_ogrn) == ("relative_supplier", supplier["ogrn"])
    assert finding.severity == "high"


def test_relative_given_with_initials_is_found_but_not_high(reg, run):
    _supplier_directed_by(reg, "Загорулько", "Ефим", "Аристархович")
    brother = relative("Загорулько", "Е.", "А.", kinship="brother", label="брат")
    [finding] = run(servant("Сидоров", "Пётр", "Ильич", relatives=[brother]))
    assert finding.rule == "relative_supplier"
    assert finding.severity != "high"
    assert "совместимо с инициалом" in finding.explanation


def test_namesake_in_another_region_is_still_not_high(reg, run):
    # The same rare ФИО, one letter apart or exact, directs a company in region 77 with no tie to us.
    company = reg.company("Вектор", region="77")
    reg.role(company, "director", "Загорулько", "Ефим", "Аристархович", region="77")
    found = run(servant("Загорулько", "Ефим", "Аристархович"))
    assert found, "a namesake is still shown for the inspector to check"
    assert all(f.severity != "high" for f in found)
    assert "отличается от региона проживания 42" in found[0].explanation


def test_namesake_with_a_typo_in_another_region_is_not_high(reg, run):
    company = reg.company("Вектор", region="77")
    reg.role(company, "director", "Загорулько", "Ефим", "Аристархович", region="77")
    found = run(servant("Загоролько", "Ефим", "Аристархович"))
    assert all(f.severity != "high" for f in found)


def test_one_letter_typo_in_a_different_person_with_known_inn_is_vetoed(reg, run):
    supplier = reg.company("Ромашка")
    reg.role(supplier, "director", "Загорулько", "Ефим", "Аристархович", inn="420755555555")
    reg.contract(ORG, supplier)
    brother = relative("Загоролько", "Ефим", "Аристархович", kinship="brother", label="брат",
                       inn="420766666666")
    assert run(servant("Сидоров", "Пётр", "Ильич", relatives=[brother])) == []
