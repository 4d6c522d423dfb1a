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
from zorko.matching.registry_index import RegistryIndex, block_hashes

# A slip keeps the length within two letters; checked inside the join, before any edit distance.
_NEAR_LENGTH = "abs(k.ln_len - length(q.ln)) <= 2"
_RULES = (
    "FROM _zorko_qh q JOIN {k} k ON k.inn = q.inn WHERE q.inn IS NOT NULL",
    "FROM _zorko_qh q JOIN {k} k ON k.h_sk_fn = q.h_sk_fn WHERE length(q.fn) > 1",
    "FROM _zorko_qh q JOIN {k} k ON k.h_sk_mn = q.h_sk_mn WHERE length(q.mn) > 1",
    "FROM _zorko_qh q JOIN {k} k ON k.h_sk_f1 = q.h_sk_f1 "
    "WHERE length(q.fn) <= 1 AND q.sk <> ''",
    "FROM _zorko_qh q JOIN (SELECT * FROM {k} WHERE length(fn) <= 1) k ON k.sk = q.sk "
    "WHERE q.sk <> ''",
    "FROM _zorko_qh q JOIN {k} k ON k.h_fn_mn_sk1 = q.h_fn_mn_sk1 "
    f"AND {_NEAR_LENGTH} WHERE length(q.mn) > 1 AND length(q.fn) > 1",
    "FROM _zorko_qh q JOIN {k} k ON k.h_fn_mn_sk3 = q.h_fn_mn_sk3 "
    f"AND {_NEAR_LENGTH} WHERE length(q.mn) > 1 AND length(q.fn) > 1",
)

# Levenshtein, not Damerau (DuckDB's is four times slower): a transposition costs it 2, so
# ≤ 2 keeps every one-slip pair and all two-slip pairs but those with two transpositions.
_COMPATIBLE = """
    (q.inn IS NOT NULL AND p.inn = q.inn)
    OR (
      (p.sk = q.sk OR levenshtein(p.ln, q.ln) <= 2)
      AND (q.fn = '' OR p.fn = '' OR p.fn = q.fn
           OR ((length(q.fn) = 1 OR length(p.fn) = 1) AND left(p.fn, 1) = q.f1)
           OR levenshtein(p.fn, q.fn) <= 2)
      AND (q.mn = '' OR p.mn = '' OR p.mn = q.mn
           OR ((length(q.mn) = 1 OR length(p.mn) = 1) AND left(p.mn, 1) = left(q.mn, 1))
           OR levenshtein(p.mn, q.mn) <= 2)
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
        "inn": pa.array([n.inn if n.kind == "current" else None for n in names], pa.string()),
    })
    rules = _RULES if index.has_inn else _RULES[1:]
    union = "\nUNION\n".join("SELECT q.vi, k.rid " + r.format(k=index.keys_table)
                              for r in rules)
    con.register("_zorko_q", table)
    try:
        # Pairs are found on integers; the names are read once, for the pairs only.
        rows = con.execute(f"""
            WITH _zorko_qh AS MATERIALIZED (SELECT *, {block_hashes('')} FROM _zorko_q),
            found AS ({union})
            SELECT f.vi, p.rid, p.ln, p.sk, p.fn, p.mn, p.inn, p.region, p.birth_date
            FROM found f
            JOIN {index.keys_table} p ON p.rid = f.rid
            JOIN _zorko_q q ON q.vi = f.vi
            WHERE {_COMPATIBLE}
        """).fetchall()
    finally:
        con.unregister("_zorko_q")
    return [(vi, Candidate(rid, ln, sk, fn, mn, inn, region, bd))
            for vi, rid, ln, sk, fn, mn, inn, region, bd in rows]
