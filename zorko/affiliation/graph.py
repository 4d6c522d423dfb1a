"""The link graph of one servant: people, companies, contracts, organisations.

``build_graph(servant, findings)`` returns ``{"nodes": [...], "edges": [...]}``
as plain dicts, built from the servant's questionnaire and the evidence of
their findings, so the graph always shows exactly what the findings rest on.

Node ids (also used in ``evidence["graph_path"]``): ``servant:<key>``,
``relative:<key>``, ``person:<ИНН or name>``, ``company:<ОГРН>``,
``entrepreneur:<ОГРНИП>``, ``contract:<reg_num>``, ``organisation:<ИНН>``,
``address:<normalised>``. A node: ``{"id", "kind", "label", "data"}``; an
edge: ``{"id", "source", "target", "kind", "label", "findings": [keys]}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from zorko.affiliation.model import ServantRecord

_EDGE_LABELS = {
    ("servant", "organisation"): ("employment", "место службы"),
    ("servant", "company"): ("role", "роль в организации"),
    ("servant", "entrepreneur"): ("role", "это ИП"),
    ("relative", "company"): ("role", "роль в организации"),
    ("relative", "entrepreneur"): ("role", "это ИП"),
    ("person", "company"): ("role", "роль в организации"),
    ("person", "entrepreneur"): ("role", "это ИП"),
    ("servant", "person"): ("possible_kinship", "вероятное родство"),
    ("company", "contract"): ("supplier", "поставщик"),
    ("entrepreneur", "contract"): ("supplier", "поставщик"),
    ("contract", "organisation"): ("customer", "заказчик"),
    ("company", "organisation"): ("supplier", "поставщик"),
    ("servant", "address"): ("address", "адрес"),
    ("relative", "address"): ("address", "адрес"),
    ("address", "company"): ("address", "адрес регистрации"),
}
_ROLE_RU = {"director": "руководитель", "manager": "управляющая организация", "founder": "учредитель",
            "entrepreneur": "индивидуальный предприниматель"}


def _kind(node_id: str) -> str:
    return node_id.split(":", 1)[0]


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}

    def node(self, node_id: str, label: str, **data: Any) -> None:
        existing = self.nodes.get(node_id)
        if existing is None:
            self.nodes[node_id] = {"id": node_id, "kind": _kind(node_id), "label": label, "data": data}
        else:
            existing["data"].update({k: v for k, v in data.items() if v})
            if label and existing["label"] == node_id:
                existing["label"] = label

    def edge(self, source: str, target: str, label: str | None = None, finding: str | None = None) -> None:
        kind, default = _EDGE_LABELS.get((_kind(source), _kind(target)), ("link", "связь"))
        edge = self.edges.setdefault((source, target), {
            "id": f"{source}->{target}", "source": source, "target": target, "kind": kind,
            "label": label or default, "findings": []})
        if finding and finding not in edge["findings"]:
            edge["findings"].append(finding)


def build_graph(servant: ServantRecord, findings: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Graph for the servant card; ``findings`` are dicts with ``key``, ``rule``, ``evidence`` and subject fields."""
    g = _Builder()
    me = f"servant:{servant.key}"
    g.node(me, servant.full_name, personnel_number=servant.personnel_number, status=servant.status)
    if servant.organisation_inn:
        org = f"organisation:{servant.organisation_inn}"
        g.node(org, servant.organisation_name or servant.organisation_inn, inn=servant.organisation_inn)
        g.edge(me, org)
    for rel in servant.relatives:
        rid = f"relative:{rel.key}"
        g.node(rid, rel.full_name, kinship=rel.kinship, kinship_label=rel.kinship_label)
        g.edge(me, rid, rel.kinship_label or rel.kinship)
    for finding in findings:
        _add_finding(g, finding)
    return {"nodes": list(g.nodes.values()), "edges": list(g.edges.values())}


def _add_finding(g: _Builder, finding: Mapping[str, Any]) -> None:
    evidence = finding.get("evidence") or {}
    key = str(finding.get("key") or "")
    subject = evidence.get("subject") or {}
    contracts = {c["reg_num"]: c for c in evidence.get("contracts", [])}
    roles = evidence.get("registry") or [{}]
    path = list(evidence.get("graph_path") or [])
    for node_id in path:
        kind = _kind(node_id)
        if kind in ("company", "entrepreneur"):
            g.node(node_id, subject.get("name") or finding.get("subject_name") or node_id,
                   ogrn=subject.get("ogrn"), inn=subject.get("inn"), status=subject.get("status"),
                   address=subject.get("address"))
        elif kind == "contract":
            c = contracts.get(node_id.split(":", 1)[1], {})
            g.node(node_id, f"Контракт {c.get('reg_num', node_id)}", sign_date=c.get("sign_date"),
                   price=c.get("price"), subject=c.get("subject"))
        elif kind == "person":
            role = roles[0]
            name = " ".join(p for p in (role.get("last_name"), role.get("first_name"), role.get("middle_name")) if p)
            g.node(node_id, name or node_id, inn=role.get("inn"))
        elif kind == "address":
            g.node(node_id, (evidence.get("address") or {}).get("registry") or node_id.split(":", 1)[1])
        elif kind == "organisation":
            org = evidence.get("organisation") or {}
            g.node(node_id, org.get("name") or node_id, inn=org.get("inn"))
        else:
            g.node(node_id, node_id)
    role_label = _ROLE_RU.get(str(roles[0].get("role", "")))
    for source, target in zip(path, path[1:], strict=False):
        label = role_label if _kind(target) in ("company", "entrepreneur") and _kind(source) != "address" else None
        g.edge(source, target, label, key)
