"""Candidate pairs in DuckDB SQL: blocking rules and a cheap pre-filter.

Each rule is an equi-join of the (small) batch of query names against the
keyed registry, so the cost grows with the registry once per rule and with
the number of true namesakes, not with people × registry:

* the same ИНН;
* surname key + exact first name (patronymic missing, misspelt or an initial);
* surname key + exact patronymic (first name misspelt);
* surname key + first initial, when either side has only an initial;
* exact first name + patronymic + first letter, or last three letters, of the
  surname key (a slip in the surname: one edit cannot touch both).

The pre-filter drops pairs whose names cannot reach a useful weight; the
Python features then score what is left.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from zorko.matching.features import Candidate, QueryName
from zorko.matching.registry_index import RegistryIndex

_RULES = (
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN {k} k ON k.inn = q.inn WHERE q.inn IS NOT NULL",
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN {k} k ON k.sk = q.sk AND k.fn = q.fn "
    "WHERE length(q.fn) > 1",
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN {k} k ON k.sk = q.sk AND k.mn = q.mn "
    "WHERE length(q.mn) > 1",
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN {k} k ON k.sk = q.sk AND k.f1 = q.f1 "
    "WHERE length(q.fn) <= 1",
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN (SELECT * FROM {k} WHERE length(fn) <= 1) k "
    "ON k.sk = q.sk",
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN {k} k "
    "ON k.fn = q.fn AND k.mn = q.mn AND k.sk1 = q.sk1 WHERE length(q.mn) > 1 AND length(q.fn) > 1",
    "SELECT q.vi, k.rid FROM _zorko_q q JOIN {k} k "
    "ON k.fn = q.fn AND k.mn = q.mn AND k.sk3 = q.sk3 WHERE length(q.mn) > 1 AND length(q.fn) > 1",
)

_COMPATIBLE = """
    (q.inn IS NOT NULL AND k.inn = q.inn)
    OR (
      (k.sk = q.sk OR damerau_levenshtein(k.ln, q.ln) <= 2)
      AND (q.fn = '' OR k.fn = '' OR k.fn = q.fn
           OR ((length(q.fn) = 1 OR length(k.fn) = 1) AND k.f1 = q.f1)
           OR damerau_levenshtein(k.fn, q.fn) <= 2)
      AND (q.mn = '' OR k.mn = '' OR k.mn = q.mn
           OR ((length(q.mn) = 1 OR length(k.mn) = 1) AND left(k.mn, 1) = left(q.mn, 1))
           OR damerau_levenshtein(k.mn, q.mn) <= 2)
    )
"""


def candidate_pairs(con: duckdb.DuckDBPyConnection, index: RegistryIndex,
                    names: list[QueryName]) -> list[tuple[int, Candidate]]:
    """(position in ``names``, candidate) for every pair that survives blocking."""
    if not names:
        return []
    table = pa.table({
        "vi": pa.array(range(len(names)), pa.int64()),
        "ln": [n.ln for n in names],
        "sk": [n.sk for n in names],
        "fn": [n.fn for n in names],
        "mn": [n.mn for n in names],
        "f1": [n.fn[:1] for n in names],
        "sk1": [n.sk[:1] for n in names],
        "sk3": [n.sk[-3:] for n in names],
        "inn": pa.array([n.inn if n.kind == "current" else None for n in names], pa.string()),
    })
    rules = _RULES if index.has_inn else _RULES[1:]
    union = "\nUNION\n".join(r.format(k=index.keys_table) for r in rules)
    con.register("_zorko_q", table)
    try:
        rows = con.execute(f"""
            WITH pairs AS ({union})
            SELECT p.vi, k.rid, k.ln, k.sk, k.fn, k.mn, k.inn, k.region, k.birth_date
            FROM pairs p
            JOIN _zorko_q q ON q.vi = p.vi
            JOIN {index.keys_table} k ON k.rid = p.rid
            WHERE {_COMPATIBLE}
        """).fetchall()
    finally:
        con.unregister("_zorko_q")
    return [(vi, Candidate(rid, ln, sk, fn, mn, inn, region, bd))
            for vi, rid, ln, sk, fn, mn, inn, region, bd in rows]
