"""The link graph as FollowTheMoney entities (for Aleph and other tools of the field)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

_SCHEMA = {"servant": "Person", "relative": "Person", "person": "Person", "organisation": "PublicBody",
           "company": "Company", "entrepreneur": "LegalEntity"}
DATASET = "zorko"


def _id(node_id: str) -> str:
    return f"{DATASET}-{model.make_entity('Thing').make_id(node_id)}"


def _entity(schema: str, key: str, **props: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = _id(key)
    for prop, value in props.items():
        if value not in (None, ""):
            proxy.add(prop, str(value))
    return proxy


def _node_entities(node: dict[str, Any]) -> Iterator[EntityProxy]:
    kind = node["kind"]
    if kind == "address":
        yield _entity("Address", node["id"], full=node["label"])
    elif kind in _SCHEMA:
        props: dict[str, Any] = {"name": node["label"], "innCode": node.get("inn")}
        if kind in ("company", "entrepreneur"):
            props["ogrnCode"] = node.get("ogrn")
        yield _entity(_SCHEMA[kind], node["id"], **props)


def _edge_entity(edge: dict[str, Any], nodes: dict[str, dict[str, Any]]) -> Iterator[EntityProxy]:
    source, target = nodes[edge["source"]], nodes[edge["target"]]
    kinds = (source["kind"], target["kind"])
    sid, tid, label = _id(source["id"]), _id(target["id"]), edge.get("label") or ""
    if kinds == ("servant", "organisation"):
        yield _entity("Employment", edge["id"], employee=sid, employer=tid, role=label)
    elif kinds == ("servant", "relative"):
        yield _entity("Family", edge["id"], person=sid, relative=tid, relationship=label)
    elif target["kind"] in ("company", "entrepreneur") and source["kind"] in ("servant", "relative", "person"):
        if "учредит" in label:
            yield _entity("Ownership", edge["id"], owner=sid, asset=tid, role=label)
        elif "руковод" in label or "управля" in label:
            yield _entity("Directorship", edge["id"], director=sid, organization=tid, role=label)
        else:
            yield _entity("UnknownLink", edge["id"], subject=sid, object=tid, role=label)
    elif kinds[0] in ("company", "entrepreneur") and kinds[1] == "contract":
        contract = target
        yield _entity("ContractAward", edge["id"], contract=tid, supplier=sid,
                      amount=contract.get("price"), date=contract.get("sign_date"))
    elif kinds == ("contract", "organisation"):
        return
    elif "contract" not in kinds:
        yield _entity("UnknownLink", edge["id"], subject=sid, object=tid, role=label)


def _contracts(graph: dict[str, Any]) -> Iterator[EntityProxy]:
    buyers = {e["source"]: e["target"] for e in graph["edges"] if e["target"].startswith("organisation:")}
    for node in graph["nodes"]:
        if node["kind"] == "contract":
            buyer = buyers.get(node["id"])
            yield _entity("Contract", node["id"], title=f"Контракт {node['label']}", name=node["label"],
                          authority=_id(buyer) if buyer else None, amount=node.get("price"),
                          currency="RUB", contractDate=node.get("sign_date"))


def graph_entities(graph: dict[str, Any]) -> list[EntityProxy]:
    """Entities for a graph from :func:`zorko.findings.graph_data.servant_graph_json` (flat nodes)."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    out: list[EntityProxy] = []
    for node in graph["nodes"]:
        out.extend(_node_entities(node))
    out.extend(_contracts(graph))
    for edge in graph["edges"]:
        out.extend(_edge_entity(edge, nodes))
    return out


def to_json_lines(entities: list[EntityProxy]) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for e in entities)
