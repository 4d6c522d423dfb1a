"""Run every rule over a snapshot: ``screen(con, snapshot) -> ScreeningResult``.

The result holds the findings, the clarification requests and the possible
namesakes (``triage.py`` sorts them).

``con`` is a DuckDB connection to the registry store (tables as in
``docs/registry-schema.md``); the snapshot is plain data, so the same call
works from the web, the CLI, a test or a batch job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import duckdb

from zorko.affiliation.context import Context, build_context
from zorko.affiliation.evidence import SEVERITY_ORDER
from zorko.affiliation.hidden import candidate_lists, hidden_relative, shared_address
from zorko.affiliation.lists_rules import list_findings
from zorko.affiliation.model import FindingCandidate, ServantRecord, Snapshot
from zorko.affiliation.rules import former_servant, own_business, relatives_business
from zorko.affiliation.triage import ScreeningResult, triage

Rule = Callable[[Context, ServantRecord], Iterator[FindingCandidate]]
# Serving and candidate people get the affiliation rules; former servants only the 2-year rule.
CURRENT_RULES: tuple[Rule, ...] = (own_business, relatives_business, hidden_relative, shared_address)
FORMER_RULES: tuple[Rule, ...] = (former_servant,)


def screen(con: duckdb.DuckDBPyConnection, snapshot: Snapshot) -> ScreeningResult:
    ctx = build_context(con, snapshot)
    found: dict[str, FindingCandidate] = {}
    for servant in snapshot.servants:
        rules = FORMER_RULES if servant.status == "dismissed" else CURRENT_RULES
        produced: list[FindingCandidate] = [c for rule in rules for c in rule(ctx, servant)]
        produced.extend(candidate_lists(con, ctx, servant))
        produced.extend(list_findings(con, ctx, servant))
        for cand in produced:
            kept = found.get(cand.identity)
            if kept is None or _stronger(cand, kept):
                found[cand.identity] = cand
    ordered = sorted(found.values(), key=lambda c: (SEVERITY_ORDER[c.severity], -c.score, c.servant_key))
    return triage(ordered, snapshot)


def _stronger(new: FindingCandidate, old: FindingCandidate) -> bool:
    """Two roles in one subject (director and founder) give one finding: keep the weightier."""
    return (SEVERITY_ORDER[new.severity], -new.score) < (SEVERITY_ORDER[old.severity], -old.score)
