"""The link graph drawn from the evidence paths the rules write."""

from __future__ import annotations

from zorko.affiliation.ftm_export import graph_entities
from zorko.affiliation.graph import build_graph

SERVANT = {"pk": 7, "full_name": "Сидоров Пётр Ильич", "inn": ""}
ORG = {"pk": 1, "inn": "4205000007", "name": "Администрация"}
COMPANY = {"kind": "company", "ogrn": "1024200000001", "inn": "4205000100", "name": "ООО «РОМАШКА»"}
CONTRACT = {"reg_num": "3420500000726000001", "sign_date": "2026-03-10", "price": "150000.00"}


def test_hidden_relative_path_names_the_registry_person():
    evidence = {
        "registry": [{"role": "director", "last_name": "Сидорова", "first_name": "Анна",
                      "middle_name": "Ильинична", "inn": "420512345678"}],
        "subject": COMPANY, "contracts": [CONTRACT],
        "graph_path": ["servant:s:7", "person:420512345678", "company:1024200000001",
                       "contract:3420500000726000001", "organisation:4205000007"],
    }
    graph = build_graph(SERVANT, [], ORG, [{"pk": 1, "evidence": evidence}]).as_dict(evidence["graph_path"])
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["person:420512345678"]["label"] == "Сидорова Анна Ильинична"
    labels = {(e["source"], e["target"]): e["label"] for e in graph["edges"]}
    assert labels[("servant:s:7", "person:420512345678")] == "вероятное родство"
    assert labels[("person:420512345678", "company:1024200000001")] == "руководитель"
    assert ("servant:s:7", "company:1024200000001") not in labels  # the servant is not the director
    assert all(nodes[p]["highlighted"] for p in evidence["graph_path"])


def test_shared_address_path_goes_through_the_address():
    evidence = {
        "subject": COMPANY, "contracts": [CONTRACT],
        "address": {"questionnaire": "г. Кемерово, ул. Весенняя, д. 5", "registry": "Г КЕМЕРОВО УЛ ВЕСЕННЯЯ 5"},
        "graph_path": ["servant:s:7", "relative:r:3", "address:кемерово весенняя 5", "company:1024200000001",
                       "contract:3420500000726000001", "organisation:4205000007"],
    }
    relatives = [{"pk": 3, "full_name": "Сидорова Мария Ивановна", "kinship": "мать"}]
    graph = build_graph(SERVANT, relatives, ORG, [{"pk": 2, "relative_pk": 3, "evidence": evidence}]).as_dict()
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["address:кемерово весенняя 5"]["kind"] == "address"
    assert nodes["address:кемерово весенняя 5"]["label"] == "Г КЕМЕРОВО УЛ ВЕСЕННЯЯ 5"
    labels = {(e["source"], e["target"]): e["label"] for e in graph["edges"]}
    assert labels[("address:кемерово весенняя 5", "company:1024200000001")] == "адрес регистрации"
    assert labels[("servant:s:7", "relative:r:3")] == "мать"
    assert not any(n["highlighted"] for n in graph["nodes"])


def test_followthemoney_entities_of_a_shared_address_graph():
    evidence = {
        "subject": COMPANY, "contracts": [CONTRACT],
        "address": {"registry": "Г КЕМЕРОВО УЛ ВЕСЕННЯЯ 5"},
        "graph_path": ["servant:s:7", "address:кемерово весенняя 5", "company:1024200000001",
                       "contract:3420500000726000001", "organisation:4205000007"],
    }
    graph = build_graph(SERVANT, [], ORG, [{"pk": 2, "evidence": evidence}]).as_dict()
    entities = {e.id: e for e in graph_entities(graph)}
    by_schema = {}
    for entity in entities.values():
        by_schema.setdefault(entity.schema.name, []).append(entity)
    assert by_schema["Address"][0].get("full") == ["Г КЕМЕРОВО УЛ ВЕСЕННЯЯ 5"]
    assert by_schema["PublicBody"][0].get("name") == ["Администрация"]
    # Every link points at entities of the export: nothing dangles.
    for entity in entities.values():
        for prop in entity.schema.properties.values():
            if prop.type.name == "entity":
                assert all(ref in entities for ref in entity.get(prop.name)), (entity.schema.name, prop.name)
    award = by_schema["ContractAward"][0]
    assert award.get("supplier") == [by_schema["Company"][0].id]
    assert by_schema["Contract"][0].get("authority") == [by_schema["PublicBody"][0].id]
