"""The same benchmark through Splink 5 (DuckDB backend), for comparison.

Splink gets the same normalised columns (the keyed registry table and the
people's comparable name variants), the same blocking rules, and
Fellegi–Sunter comparisons with term-frequency adjustment on the names;
it is trained the Splink way: λ from the deterministic ИНН rule, u by
random sampling, m by expectation maximisation in two sessions.
"""

from __future__ import annotations

import logging
import resource
import time
from pathlib import Path

import duckdb
import pyarrow as pa


def measure_splink(path: Path, threshold: float | None) -> dict:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from bench.matching import rows_with_inn, score
    from zorko.matching import DEFAULT_THRESHOLD, PersonQuery, prepare_registry
    from zorko.matching.engine import query_names

    con = duckdb.connect(str(path))
    index = prepare_registry(con, "person_roles")
    rows = con.execute("SELECT count(*) FROM person_roles").fetchall()[0][0]
    people = con.execute("SELECT key, last_name, first_name, middle_name, former, inn, region, "
                         "variant, pid FROM bench_people ORDER BY rowid").fetchall()
    queries = [PersonQuery(k, ln, fn, mn or "", tuple(f for f in (former or "").split(";") if f),
                           inn=inn, region=region) for k, ln, fn, mn, former, inn, region, _, _
               in people]
    t0 = time.perf_counter()
    names = [n for i, q in enumerate(queries) for n in query_names(i, q)]
    con.register("_people", pa.table({
        "unique_id": [f"q{n.index}|{j}" for j, n in enumerate(names)],
        "ln": [n.ln for n in names], "sk": [n.sk for n in names], "fn": [n.fn for n in names],
        "mn": [n.mn for n in names], "f1": [n.fn[:1] for n in names],
        "sk1": [n.sk[:1] for n in names], "sk3": [n.sk[-3:] for n in names],
        "inn": pa.array([n.inn for n in names], pa.string()),
        "region": pa.array([n.region or (n.inn[:2] if n.inn else None) for n in names],
                           pa.string()),
        "inn_region": pa.array([n.region for n in names], pa.string()),
    }))
    con.execute("CREATE OR REPLACE TEMP TABLE splink_people AS SELECT * FROM _people")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE splink_registry AS
        SELECT 'r' || rid::VARCHAR AS unique_id, ln, sk, fn, mn, f1, sk1, sk3, inn, region,
               left(inn, 2) AS inn_region FROM {index.keys_table}""")
    db_api = DuckDBAPI(connection=con)
    left = db_api.register("splink_people")
    right = db_api.register("splink_registry")
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("inn"), block_on("sk", "fn"), block_on("sk", "mn"),
            block_on("fn", "mn", "sk1"), block_on("fn", "mn", "sk3"),
            "l.sk = r.sk AND l.f1 = r.f1 AND (length(l.fn) <= 1 OR length(r.fn) <= 1)",
        ],
        comparisons=[
            cl.DamerauLevenshteinAtThresholds("ln", [1, 2]).configure(
                term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("fn", [1, 2]).configure(
                term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("mn", [1, 2]).configure(
                term_frequency_adjustments=True),
            cl.ExactMatch("region").configure(term_frequency_adjustments=True),
            cl.ExactMatch("inn_region"),
            cl.ExactMatch("inn"),
        ],
    )
    linker = Linker([left, right], settings, log_level=logging.WARNING)
    with_inn = sum(1 for q in queries if q.inn) / max(len(queries), 1)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("inn")], recall=max(with_inn * index.inn_coverage, 0.01))
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("inn"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("sk", "fn"))
    predictions = linker.inference.predict(threshold_match_probability=0.001)
    pairs = con.execute(f"SELECT unique_id_l, unique_id_r, match_probability "
                        f"FROM {predictions.physical_name}").fetchall()
    elapsed = time.perf_counter() - t0
    best: dict[tuple[str, int], float] = {}
    for a, b, prob in pairs:
        query_uid, reg_uid = (a, b) if a.startswith("q") else (b, a)
        key = (queries[int(query_uid[1:].split("|")[0])].key, int(reg_uid[1:]))
        best[key] = max(best.get(key, 0.0), prob)
    cut = threshold if threshold is not None else DEFAULT_THRESHOLD
    predicted = {k for k, p in best.items() if p >= cut}
    truth = set(con.execute("SELECT b.key, p.rowid FROM bench_people b JOIN person_roles p "
                            "ON p.pid = b.pid").fetchall())
    info = {k: (variant, inn is not None) for k, _, _, _, _, inn, _, variant, _ in people}
    result = score(truth, predicted, info, rows_with_inn(con, truth | predicted))
    result.update(rows=rows, people=len(queries), build_s=0.0, match_s=round(elapsed, 2),
                  people_per_s=round(len(queries) / elapsed, 1),
                  peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  matches=len(predicted))
    return result
