"""The link graph of one servant as plain node/edge dicts.

Nodes: the servant, their relatives, their organisation, the companies and
entrepreneurs the findings point at, the contracts between those and the
organisation, and registry persons that only a finding names (a probable
hidden relative). Node ids follow the screening engine's evidence path:
``kind:key`` — ``servant:s:12``, ``relative:r:40``, ``company:<ОГРН>``,
``entrepreneur:<ОГРНИП>``, ``contract:<reg_num>``, ``organisation:<ИНН>``.
Pure Python: the web page, the FollowTheMoney export and the report use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KIND_LABELS = {
    "servant": "служащий",
    "relative": "родственник",
    "organisation": "организация",
    "company": "юридическое лицо",
    "entrepreneur": "ИП",
    "contract": "контракт",
    "person": "лицо из реестра",
    "address": "адрес",
}
ROLE_LABELS = {
    "director": "руководитель",
    "manager": "управляющая организация",
    "founder": "учредитель",
    "entrepreneur": "ИП",
    "other": "связь",
}


def servant_node(pk: int | str) -> str:
    return f"servant:s:{pk}"


def relative_node(pk: int | str) -> str:
    return f"relative:r:{pk}"


def canonical(node_id: str) -> str:
    """Accept both ``servant:12`` and ``servant:s:12`` (and the same for relatives)."""
    kind, _, key = node_id.partition(":")
    if kind == "servant" and key.isdigit():
        return servant_node(key)
    if kind == "relative" and key.isdigit():
        return relative_node(key)
    return node_id


@dataclass
class Graph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def add_node(self, node_id: str, kind: str, label: str, **data: Any) -> None:
        node = self.nodes.setdefault(node_id, {"id": node_id, "kind": kind, "label": label})
        node.update({k: v for k, v in data.items() if v not in (None, "")})

    def add_edge(self, source: str, target: str, label: str, **data: Any) -> None:
        if source == target:
            return
        key = (source, target)
        edge = self.edges.setdefault(key, {"id": f"{source}->{target}", "source": source,
                                           "target": target, "label": label})
        edge.update(data)

    def as_dict(self, highlight: list[str] | None = None,
                also: list[list[str]] | None = None) -> dict[str, Any]:
        """Nodes and edges; those on ``highlight`` (and on each path of ``also``) are marked."""
        path = [canonical(p) for p in highlight or []]
        on_path, steps = set(path), set(zip(path, path[1:], strict=False))
        for other in also or []:
            other = [canonical(p) for p in other]
            on_path |= set(other)
            steps |= set(zip(other, other[1:], strict=False))
        nodes = [dict(n, highlighted=n["id"] in on_path) for n in self.nodes.values()]
        edges = [dict(e, highlighted=(e["source"], e["target"]) in steps
                      or (e["target"], e["source"]) in steps) for e in self.edges.values()]
        return {"nodes": nodes, "edges": edges, "path": path}


def _subject_id(subject: dict[str, Any]) -> str:
    return f"{subject.get('kind') or 'company'}:{subject.get('ogrn')}"


def _role(evidence: dict[str, Any]) -> dict[str, Any]:
    roles = evidence.get("registry") or []
    first = roles[0] if roles else {}
    return first if isinstance(first, dict) else {"role": str(first)}


def _unknown_node(graph: Graph, node_id: str, finding: dict[str, Any]) -> None:
    """A path step the case data does not know: a registry person (hidden relative), an address."""
    kind, _, key = node_id.partition(":")
    evidence = finding.get("evidence") or {}
    label = key
    if kind == "person":
        role = _role(evidence)
        label = " ".join(str(role[k]) for k in ("last_name", "first_name", "middle_name") if role.get(k)) or key
    elif kind == "address":
        label = (evidence.get("address") or {}).get("registry") or key
    graph.add_node(node_id, kind if kind in KIND_LABELS else "person", label)


# Labels of path steps between kinds of nodes that no questionnaire or role names.
STEP_LABELS = {
    ("servant", "person"): "вероятное родство",
    ("servant", "address"): "адрес",
    ("relative", "address"): "адрес",
    ("address", "company"): "адрес регистрации",
    ("address", "entrepreneur"): "адрес регистрации",
    ("company", "contract"): "поставщик",
    ("entrepreneur", "contract"): "поставщик",
    ("contract", "organisation"): "заказчик",
    ("company", "organisation"): "поставщик",
}
PEOPLE = ("servant", "relative", "person")


def build_graph(servant: dict[str, Any], relatives: list[dict[str, Any]],
                organisation: dict[str, Any], findings: list[dict[str, Any]]) -> Graph:
    """Servant, relatives, organisation, then what each finding's evidence links to them.

    ``servant``/``relatives``: {"pk", "full_name", "kinship" (label), "inn"};
    ``organisation``: {"inn", "name"}; ``findings``: {"pk", "rule", "relative_pk",
    "subject": {...}, "evidence": {...}}.
    """
    graph = Graph()
    sid = servant_node(servant["pk"])
    graph.add_node(sid, "servant", servant["full_name"], inn=servant.get("inn"))
    org_id = f"organisation:{organisation.get('inn') or organisation.get('pk')}"
    graph.add_node(org_id, "organisation", organisation["name"], inn=organisation.get("inn"))
    graph.add_edge(sid, org_id, "работает в")
    for rel in relatives:
        rid = relative_node(rel["pk"])
        graph.add_node(rid, "relative", rel["full_name"], inn=rel.get("inn"), kinship=rel.get("kinship"))
        graph.add_edge(sid, rid, rel.get("kinship") or "родственник")
    for finding in findings:
        _add_finding(graph, finding, sid, org_id)
    return graph


def _add_finding(graph: Graph, finding: dict[str, Any], sid: str, org_id: str) -> None:
    evidence = finding.get("evidence") or {}
    subject = dict(evidence.get("subject") or {})
    subject.update({k: v for k, v in (finding.get("subject") or {}).items() if v})
    path = [canonical(p) for p in finding_path(evidence)]
    role = ROLE_LABELS.get(str(_role(evidence).get("role") or ""), "связь")
    subj_id = ""
    if subject.get("ogrn") and subject.get("kind") in ("company", "entrepreneur"):
        subj_id = _subject_id(subject)
        graph.add_node(subj_id, subject["kind"], subject.get("name") or subject["ogrn"],
                       ogrn=subject.get("ogrn"), inn=subject.get("inn"), address=subject.get("address"))
        if not path:  # no path stored: link the person the finding is about to the subject
            holder = relative_node(finding["relative_pk"]) if finding.get("relative_pk") else sid
            graph.add_edge(holder, subj_id, role)
        for contract in evidence.get("contracts") or []:
            cid = f"contract:{contract.get('reg_num')}"
            graph.add_node(cid, "contract", f"№ {contract.get('reg_num')}", sign_date=contract.get("sign_date"),
                           price=contract.get("price"))
            graph.add_edge(subj_id, cid, "поставщик")
            graph.add_edge(cid, org_id, "заказчик")
    # Every step of the path becomes a node and an edge (whatever the rule).
    for step in path:
        if step not in graph.nodes:
            _unknown_node(graph, step, finding)
    for a, b in zip(path, path[1:], strict=False):
        if (a, b) in graph.edges or (b, a) in graph.edges:
            continue
        kinds = (graph.nodes[a]["kind"], graph.nodes[b]["kind"])
        label = role if b == subj_id and kinds[0] in PEOPLE else STEP_LABELS.get(kinds, "связь")
        graph.add_edge(a, b, label)


def finding_path(evidence: dict[str, Any]) -> list[str]:
    """The evidence path, under either key the engine may use."""
    return list(evidence.get("path") or evidence.get("graph_path") or [])
