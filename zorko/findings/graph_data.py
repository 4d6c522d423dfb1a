"""Collect a servant's case data and findings into :func:`zorko.affiliation.graph.build_graph`."""

from __future__ import annotations

from typing import Any

from zorko.affiliation.graph import Graph, build_graph, finding_path
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
        [{"pk": r.pk, "full_name": r.full_name, "kinship": r.get_kinship_display(), "inn": r.inn}
         for r in servant.relatives.all()],
        {"pk": org.pk, "inn": org.inn, "name": str(org)},
        [finding_dict(f) for f in findings],
    )


def servant_graph_json(servant: Servant, selected: Finding | None = None) -> dict[str, Any]:
    highlight = finding_path(selected.evidence or {}) if selected else []
    return servant_graph(servant).as_dict(highlight)
