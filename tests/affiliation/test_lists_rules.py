"""loss_of_trust, own_self_employed, relative_self_employed_supplier (zorko/affiliation/lists_rules.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.affiliation.conftest import ORG, relative, servant
from zorko.findings.rules_info import rule_name
from zorko.registry import loader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _listed(reg, birth=None, inn=None, excluded=None):
    reg.con.execute(
        "INSERT INTO loss_of_trust (last_name, first_name, middle_name, full_name, birth_date, inn, organisation, "
        "position, dismissed_on, ground, included_on, excluded_on) VALUES ('Кравец', 'Ольга', 'Николаевна', "
        "'Кравец Ольга Николаевна', ?, ?, 'КУМИ г. Кемерово', 'Главный специалист', DATE '2021-11-22', "
        "'ч. 2 ст. 27.1 25-ФЗ', DATE '2021-12-10', ?)", [birth, inn, excluded])


def kravets(**fields):
    fields.setdefault("status", "candidate")
    return servant("Кравец", "Ольга", "Николаевна", **fields)


def test_listed_candidate_with_the_same_birth_date_is_high(reg, run):
    _listed(reg, birth=date(1980, 5, 6))
    [finding] = run(kravets(birth_date=date(1980, 5, 6)))
    assert (finding.rule, finding.severity) == ("loss_of_trust", "high")
    assert "дата рождения совпадает" in finding.explanation
    assert finding.evidence.match.confidence == "birth_date"
    assert rule_name("loss_of_trust") == "в реестре лиц, уволенных в связи с утратой доверия"


def test_listed_servant_with_the_same_inn_is_high(reg, run):
    _listed(reg, inn="420512345675")
    [finding] = run(kravets(status="servant", inn="420512345675"))
    assert (finding.rule, finding.severity) == ("loss_of_trust", "high")


def test_name_only_match_asks_for_clarification(reg, screen_all):
    _listed(reg)
    me = kravets(birth_date=date(1980, 5, 6))
    result = screen_all(me)
    # The register gives only the name: one question to the candidate, no finding.
    assert result.findings == []
    [request] = result.requests
    assert (request.kind, request.servant_key) == ("loss_of_trust", me.key)
    [option] = request.options
    assert option.full_name == "Кравец Ольга Николаевна"
    assert option.subjects[0]["name"] == "КУМИ г. Кемерово"


def test_a_register_entry_judged_someone_else_stays_silent(reg, screen_all):
    from zorko.affiliation.model import Judgement

    _listed(reg)
    me = kravets(birth_date=date(1980, 5, 6))
    [option] = screen_all(me).requests[0].options
    judged = {me.key: {option.key: Judgement(False, "Решение инспектора: это другое лицо")}}
    assert screen_all(me, judgements=judged).requests == []


def test_other_birth_date_or_exclusion_or_former_servant_raise_nothing(reg, run):
    _listed(reg, birth=date(1975, 1, 1))
    assert run(kravets(birth_date=date(1980, 5, 6))) == []
    reg.con.execute("DELETE FROM loss_of_trust")
    _listed(reg, birth=date(1980, 5, 6), excluded=date(2026, 10, 1))
    assert run(kravets(birth_date=date(1980, 5, 6)), as_of=date(2026, 11, 1)) == []
    reg.con.execute("DELETE FROM loss_of_trust")
    _listed(reg, birth=date(1980, 5, 6))
    assert run(kravets(status="dismissed", birth_date=date(1980, 5, 6))) == []


@pytest.fixture
def store(tmp_path: Path):
    """A registry file with the real НПД list loaded."""
    from tests.registry_tables import open_store

    db = tmp_path / "registry.duckdb"
    loader.load("npd", [FIXTURES / "npd" / "npd_statuses.csv"], db_path=db)
    reg = open_store(str(db))
    yield reg
    reg.con.close()


def test_self_employed_servant_is_a_finding(store):
    from zorko.affiliation import Snapshot, screen

    found = screen(store.con, Snapshot([servant("Орлов", "Пётр", "Ильич", inn="420512345675")], date(2026, 12, 5)))
    [finding] = found.findings
    assert (finding.rule, finding.severity) == ("own_self_employed", "medium")
    assert "на 01.12.2026 (список НПД)" in finding.explanation
    assert finding.explanation.startswith("Служащий Орлов Пётр Ильич")
    woman = servant("Орлова", "Анна", "Ильинична", inn="421100011192")
    assert screen(store.con, Snapshot([woman], date(2026, 12, 5))).findings[0].explanation.startswith(
        "Служащая Орлова Анна Ильинична")


def test_self_employed_relative_paid_by_the_organisation_is_high(store):
    from zorko.affiliation import Snapshot, screen

    sister = relative("Орлова", "Анна", "Ильинична", inn="421100011192")
    not_payer = relative("Орлов", "Иван", "Ильич", kinship="brother", label="брат", inn="420565432160")
    store.contract(ORG, {"kind": "person", "inn": "421100011192", "ogrn": ""}, price="45000.00")
    store.contract(ORG, {"kind": "person", "inn": "420565432160", "ogrn": ""})
    me = servant("Орлов", "Пётр", "Ильич", relatives=[sister, not_payer])
    [finding] = screen(store.con, Snapshot([me], date(2026, 12, 5))).findings
    assert (finding.rule, finding.severity, finding.relative_key) == (
        "relative_self_employed_supplier", "high", sister.key)
    assert "по договорам: 1 на сумму 45\xa0000,00\xa0руб." in finding.explanation
    assert "Орлова Анна Ильинична (ИНН 421100011192) — самозанятая" in finding.explanation  # agrees with her
    assert finding.evidence.extra["laws"] == {finding.evidence.contracts[0].reg_num: "44-ФЗ"}


def test_self_employed_relative_not_paid_by_the_organisation_raises_nothing(store):
    from zorko.affiliation import Snapshot, screen

    sister = relative("Орлова", "Анна", "Ильинична", inn="421100011192")
    store.contract("4211000000", {"kind": "person", "inn": "421100011192", "ogrn": ""})
    assert screen(store.con, Snapshot([servant("Орлов", "Пётр", "Ильич", relatives=[sister])],
                                      date(2026, 12, 5))).findings == []
