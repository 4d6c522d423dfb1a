"""The link graph and the rules that turn links into findings (no Django).

Public surface:
- :func:`screen` (``engine.py``): ``screen(duckdb_connection, Snapshot) -> ScreeningResult`` (findings, clarification requests, possible namesakes);
- the snapshot dataclasses ``Snapshot``, ``ServantRecord``, ``RelativeRecord`` and the output
  ``FindingCandidate`` (``model.py``), rule codes in ``model.RULES``;
- :func:`build_graph` (``graph.py``): nodes and edges for one servant's link graph.
"""

from zorko.affiliation.engine import screen
from zorko.affiliation.graph import build_graph
from zorko.affiliation.model import RULES, FindingCandidate, RelativeRecord, ServantRecord, Snapshot

__all__ = ["RULES", "FindingCandidate", "RelativeRecord", "ServantRecord", "Snapshot", "build_graph", "screen"]
