"""The servant's link graph for pages, exports and documents, with evidence paths marked.

The graph itself comes from :func:`zorko.findings.service.servant_graph`
(``zorko.affiliation.graph``); here its nodes are flattened (``data`` merged
into the node) and the nodes and edges on chosen evidence paths get
``"highlighted": True``.
"""

from __future__ import annotations

from typing import Any

from zorko.findings.evidence import finding_path
from zorko.findings.models import Finding
from zorko.findings.service import servant_graph
from zorko.people.models import Servant


def mark_paths(graph: dict[str, Any], paths: list[list[str]]) -> dict[str, Any]:
    on_path: set[str] = set()
    steps: set[tuple[str, str]] = set()
    for path in paths:
        on_path |= set(path)
        steps |= set(zip(path, path[1:], strict=False))
    nodes = []
    for node in graph["nodes"]:
        flat = {k: v for k, v in (node.get("data") or {}).items() if v not in (None, "")}
        flat.update({k: v for k, v in node.items() if k != "data"})
        flat["highlighted"] = node["id"] in on_path
        nodes.append(flat)
    edges = [dict(e, highlighted=(e["source"], e["target"]) in steps or (e["target"], e["source"]) in steps)
             for e in graph["edges"]]
    return {"nodes": nodes, "edges": edges, "path": paths[0] if len(paths) == 1 else []}


def servant_graph_json(servant: Servant, selected: Finding | None = None) -> dict[str, Any]:
    """The graph with the selected finding's path highlighted (none highlighted without one)."""
    paths = [finding_path(selected.evidence or {})] if selected else []
    return mark_paths(servant_graph(servant), paths)


def servant_graph_all_paths(servant: Servant, findings: list[Finding]) -> dict[str, Any]:
    """The graph with every given finding's path highlighted (for documents)."""
    return mark_paths(servant_graph(servant), [finding_path(f.evidence or {}) for f in findings])
