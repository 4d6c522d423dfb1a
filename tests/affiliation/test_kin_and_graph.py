"""Name forms used to guess relatives, and the link graph built from findings."""

from __future__ import annotations

from tests.affiliation.conftest import ORG, relative, servant
from zorko.affiliation import build_graph
from zorko.affiliation.kin import patronymic_forms, patronymics_from_first_name, surname_forms


def test_surname_gender_forms():
    assert surname_forms("Иванов") == {"иванов", "иванова"}
    assert "вишневский" in surname_forms("Вишневская")
    assert "толстая" in surname_forms("Толстой")
    assert surname_forms("Шевченко") == {"шевченко"}
    assert "семенова" in surname_forms("Семёнов")


def test_patronymics():
    assert patronymics_from_first_name("Сергей") == {"сергеевич", "сергеевна"}
    assert "юрьевич" in patronymics_from_first_name("Юрий")
    assert patronymics_from_first_name("Илья") == {"ильич", "ильинична"}
    assert patronymics_from_first_name("Пётр") == {"петрович", "петровна"}
    assert patronymics_from_first_name("Иван") == {"иванович", "ивановна"}
    assert patronymics_from_first_name("Никита") == {"никитич", "никитична"}


def test_patronymic_gender_forms():
    assert patronymic_forms("Игоревич") == {"игоревич", "игоревна"}
    assert patronymic_forms("Ильинична") == {"ильинична", "ильич"}
    assert "ильинична" in patronymic_forms("Ильич")


def test_graph_shows_the_evidence_path(reg, run):
    supplier = reg.company("Ромашка")
    reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна")
    reg_num = reg.contract(ORG, supplier)
    me = servant("Сидоров", "Пётр", "Ильич", relatives=[relative("Петрова", "Анна", "Сергеевна"),
                                                        relative("Сидорова", "Мария", "Ивановна", "mother", "мать")])
    [finding] = run(me)
    graph = build_graph(me, [{"key": finding.identity, "rule": finding.rule, "evidence": finding.evidence}])
    ids = {n["id"]: n for n in graph["nodes"]}
    assert ids[f"company:{supplier['ogrn']}"]["label"] == "ООО «Ромашка»"
    assert ids[f"contract:{reg_num}"]["data"]["price"] == "150000.00"
    assert f"relative:{me.relatives[1].key}" in ids  # every declared relative is drawn
    on_path = [(e["source"], e["target"]) for e in graph["edges"] if finding.identity in e["findings"]]
    path = finding.evidence["graph_path"]
    assert on_path == list(zip(path, path[1:], strict=False))
    director = next(e for e in graph["edges"] if e["target"] == f"company:{supplier['ogrn']}")
    assert director["label"] == "руководитель"
