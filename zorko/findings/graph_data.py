"""Collect a servant's case data and findings into :func:`zorko.affiliation.graph.build_graph`."""

from __future__ import annotations

from typing import Any

from zorko.affiliation.graph import Graph, build_graph, canonical, finding_path
from zorko.findings.models import Finding
from zorko.people.models import Servant


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "pk": finding.pk, "rule": finding.rule, "relative_pk": finding.relative_id,
        "subject": {"kind": finding.subject_kind, "ogrn": finding.subject_ogrn,
                    "inn": finding.subject_inn, "name": finding.subject_name},
        "evidence": finding.evidence or {},
    }


def servant_graph(servant: Servant, findings: list[Finding] | None = None) -> Graph:
    if findings is None:
        findings = list(servant.findings.filter(active=True))
    org = servant.organisation
    return build_graph(
        {"pk": servant.pk, "full_name": servant.full_name, "inn": servant.inn},
        [{"pk": r.pk, "full_name": r.full_name, "kinship": r.kinship_word, "inn": r.inn}
         for r in servant.relatives.all()],
        {"pk": org.pk, "inn": org.inn, "name": str(org)},
        [finding_dict(f) for f in findings],
    )


def servant_graph_json(servant: Servant, selected: Finding | None = None) -> dict[str, Any]:
    highlight = finding_path(selected.evidence or {}) if selected else []
    return servant_graph(servant).as_dict(highlight)


def _step_label(node: dict[str, Any]) -> str:
    kind, label = node.get("kind"), str(node.get("label") or node.get("id"))
    if kind == "relative" and node.get("kinship"):
        return f"{label} ({node['kinship']})"
    if kind == "servant":
        return f"{label} (служащий)"
    if kind in ("company", "entrepreneur") and node.get("ogrn"):
        return f"{label}, {'ОГРНИП' if kind == 'entrepreneur' else 'ОГРН'} {node['ogrn']}"
    if kind == "contract":
        return f"контракт {label}"
    if kind == "person":
        return f"{label} (лицо из реестра)"
    if kind == "address":
        return f"адрес: {label}"
    return label


def path_labels(finding: Finding) -> list[str]:
    """The finding's evidence path as an inspector reads it: names, kinship, ОГРН, contract number."""
    steps = [canonical(p) for p in finding_path(finding.evidence or {})]
    if not steps:
        return []
    nodes = servant_graph(finding.servant, [finding]).nodes
    return [_step_label(nodes[s]) if s in nodes else s for s in steps]
