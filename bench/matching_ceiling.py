"""Upper bound of the matching benchmark: an oracle that knows the generator.

    .venv/bin/python bench/matching_ceiling.py [--sizes 100k,1M,10M] [--data bench/.data]

Reads the cached data sets of bench/matching.py (read-only) and scores every
(checked person, registry person) pair with the exact Bayesian posterior of
the generative model of bench/matching_data.py and bench/matching.py, given
what no real matcher has: the true, un-garbled name of every checked person
(its registry spelling; the Cyrillic one for Latin registry rows), the exact
name frequencies of ``NameSampler`` and which rows form one registry person
(pid). It uses no key, variant or pid of the checked person for scoring; the
pid only yields the true spelling. Prints pairwise precision / recall / F1,
and per checked person (bench/matching_people.py; the oracle links the most
probable registry person when its posterior reaches the cut), so the figures
bound what any matcher can reach on this data. Nor does it
exploit artefacts of the generator that reveal presence (ИНН digits hold
the pid; Latin registry rows and former names occur only for present
people). About 5 s per size, 10M included, under 1 GB. DuckDB refuses a
read-only open while bench/matching.py holds the file: copy the files
elsewhere and pass --data. The bootstrap resamples the checked people.

Derivation. Let n be the checked person's true name, H its home region (the
given region; if none, H is summed over with weight w(H), times P(ИНН
region | H) when an ИНН is given), w = region_weights() normalised. A
registry person's data D are its rows' regions and its ИНН (absent, or its
2-digit region). Per the generator, with home h:
  f(D|h) = [0.9 (0.85 [ir=h] + 0.15 w(ir)) or 0.1 without ИНН]
           × prod over rows (0.8 [r=h] + 0.2 w(r)).
Registry persons named n other than the checked person and its twin form a
Poisson process of rate lam = N_persons × P(n) (N_persons: distinct pids;
P(n) exact from NameSampler's weights, seeded as the generator: gender 0.62
male, surname incl. female forms, first name, patronymic; it agrees with
the registry's namesake counts) with density g(D) = sum_h w(h) f(D|h). The checked person, if
present (prior 1/2), adds one point of density f(D|H); its twin (prob.
tau = 0.1) one point of density t(D|H): a home drawn by w, redrawn if it
equals H, the ИНН region drawn from the first draw. Dividing every
hypothesis by the Poisson density of all namesakes, with a_k = t_k/(lam g_k)
and b_k = f_k/(lam g_k):
  absent:         (1 - tau) + tau sum_k a_k
  person j:       b_j ((1 - tau) + tau sum_{k != j} a_k)
and P(j | data) = person j / (absent + sum_i person i), summed over H as
above. An ИНН in the list equal to a registry ИНН makes that person certain;
a given ИНН found nowhere rules out every namesake that has an ИНН (b = 0).
A woman listed with a former name is registered under her maiden name and
her twin under the current one, so tau = 0 for her candidates. All rows of a
registry person get its posterior.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.matching import parse_size  # noqa: E402
from bench.matching_data import REGIONS, Generator, _patronymic, female_form, region_weights  # noqa: E402

DATA = Path(__file__).resolve().parent / ".data"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
TWINS = 0.1
MALE = 0.62


class NameModel:
    """Exact probability that a random registry person bears a given ФИО."""

    def __init__(self, seed: int) -> None:
        names = Generator(seed).names
        self.surname: dict[str, dict[str, float]] = {"m": defaultdict(float),
                                                     "f": defaultdict(float)}
        for name, weight in zip(names.surnames, _weights(names.surname_cum), strict=True):
            self.surname["m"][name] += weight
            self.surname["f"][female_form(name)] += weight
        self.first = {"m": dict(zip(names.male, _weights(names.male_cum), strict=True)),
                      "f": dict(zip(names.female, _weights(names.female_cum), strict=True))}
        self.middle: dict[str, dict[str, float]] = {"m": defaultdict(float),
                                                    "f": defaultdict(float)}
        for gender in "mf":
            for father, weight in self.first["m"].items():
                self.middle[gender][_patronymic(father, gender)] += weight

    def probability(self, last: str, first: str, middle: str) -> float:
        return sum(share * self.surname[g].get(last, 0.0) * self.first[g].get(first, 0.0)
                   * self.middle[g].get(middle, 0.0) for g, share in (("m", MALE), ("f", 1 - MALE)))


def _weights(cumulative: list[float]) -> list[float]:
    return [b - a for a, b in zip([0.0, *cumulative], cumulative, strict=False)]


def prepare_queries(con: duckdb.DuckDBPyConnection, names: NameModel) -> None:
    """Table q: one row per checked person with its true name, lam and tau."""
    rows = con.execute("""
        SELECT b.key, b.pid, b.inn, b.region, b.former,
               coalesce(r.last_name, b.last_name), coalesce(r.first_name, b.first_name),
               coalesce(r.middle_name, b.middle_name), b.last_name, b.first_name, b.middle_name
        FROM bench_people b
        LEFT JOIN (SELECT pid, any_value(last_name) AS last_name,
                          any_value(first_name) AS first_name,
                          any_value(middle_name) AS middle_name
                   FROM person_roles WHERE pid IN (SELECT pid FROM bench_people)
                   GROUP BY pid) r ON r.pid = b.pid""").fetchall()
    persons = con.execute("SELECT count(DISTINCT pid) FROM person_roles").fetchall()[0][0]
    table: dict[str, list] = defaultdict(list)
    latin: dict[str, list] = defaultdict(list)
    for key, pid, inn, region, former, last, first, middle, q_last, q_first, q_middle in rows:
        if last.isascii():  # Latin registry spelling: the true name is the Cyrillic one
            for col, value in (("pid", pid), ("last", q_last), ("first", q_first),
                               ("middle", q_middle)):
                latin[col].append(value)
            last, first, middle = q_last, q_first, q_middle
        p = names.probability(last, first, middle)
        if p <= 0:
            raise SystemExit(f"name outside the generator's model: {last} {first} {middle}")
        for col, value in (("key", key), ("pid", pid), ("inn", inn), ("region", region),
                           ("last", last), ("first", first), ("middle", middle),
                           ("lam", persons * p), ("tau", 0.0 if former else TWINS)):
            table[col].append(value)
    con.register("q_arrow", pa.table(table))
    con.execute("CREATE TEMP TABLE q AS SELECT * FROM q_arrow")
    con.register("latin_arrow", pa.table(latin, schema=pa.schema(
        [("pid", pa.int64()), ("last", pa.string()), ("first", pa.string()),
         ("middle", pa.string())])))
    con.execute("CREATE TEMP TABLE latin AS SELECT * FROM latin_arrow")
    w = [x / sum(region_weights()) for x in region_weights()]
    con.register("reg_arrow", pa.table({"region": REGIONS, "w": w,
                                        "lr": [math.log((0.2 * x + 0.8) / (0.2 * x)) for x in w]}))
    con.execute("CREATE TEMP TABLE reg AS SELECT * FROM reg_arrow")


POSTERIOR_SQL = """
CREATE TEMP TABLE cand AS
SELECT q.key, r.rowid AS rid, r.pid, r.region, r.inn FROM person_roles r
  JOIN q ON r.last_name = q.last AND r.first_name = q.first AND r.middle_name = q.middle
UNION
SELECT q.key, r.rowid, r.pid, r.region, r.inn FROM person_roles r
  JOIN latin l ON r.pid = l.pid
  JOIN q ON l.last = q.last AND l.first = q.first AND l.middle = q.middle
UNION
SELECT q.key, r.rowid, r.pid, r.region, r.inn FROM person_roles r JOIN q ON r.inn = q.inn;

CREATE TEMP TABLE rc AS SELECT key, pid, region, count(*) AS c FROM cand GROUP BY ALL;

-- Per candidate person: base = log prod 0.2 w(r), R = sum_h w(h) rows(h), G = sum_h w f(D|h).
CREATE TEMP TABLE per AS
WITH s AS (
  SELECT rc.key, rc.pid, sum(rc.c) AS n_rows, sum(rc.c * ln(0.2 * g.w)) AS base,
         1 + sum(g.w * (exp(rc.c * g.lr) - 1)) AS rsum
  FROM rc JOIN reg g USING (region) GROUP BY ALL),
p AS (
  SELECT s.*, i.inn, substr(i.inn, 1, 2) AS ir, exp(s.base) * s.rsum AS big_r
  FROM s JOIN (SELECT key, pid, max(inn) AS inn FROM cand GROUP BY ALL) i USING (key, pid))
SELECT p.*, CASE WHEN p.inn IS NULL THEN 0.1 * p.big_r
            ELSE 0.9 * gi.w * (0.15 * p.big_r
                               + 0.85 * exp(p.base + coalesce(ci.c, 0) * gi.lr)) END AS big_g
FROM p LEFT JOIN reg gi ON gi.region = p.ir
LEFT JOIN rc ci ON ci.key = p.key AND ci.pid = p.pid AND ci.region = p.ir;

-- Home regions to sum over, with their weight given the list's data.
CREATE TEMP TABLE hs AS
SELECT q.key, g.region AS h, g.w, g.lr,
       CASE WHEN q.region IS NOT NULL THEN 1.0
            WHEN q.inn IS NULL THEN g.w
            ELSE g.w * (0.15 * gi.w + 0.85 * (g.region = substr(q.inn, 1, 2))::INT) END AS wt
FROM q JOIN reg g ON q.region IS NULL OR g.region = q.region
LEFT JOIN reg gi ON gi.region = substr(q.inn, 1, 2);

CREATE TEMP TABLE grid AS
WITH x AS (
  SELECT per.key, per.pid, hs.h, hs.wt, q.lam, q.tau, per.big_g, hs.w,
         q.inn IS NOT NULL AND per.inn IS NOT NULL AS ruled_out,
         CASE WHEN per.inn IS NULL THEN 0.1
              ELSE 0.9 * (0.15 * gi.w + 0.85 * (per.ir = hs.h)::INT) END AS inn_h,
         exp(per.base + coalesce(rc.c, 0) * hs.lr) AS rows_h, per.big_r
  FROM per JOIN q USING (key) JOIN hs USING (key)
  LEFT JOIN reg gi ON gi.region = per.ir
  LEFT JOIN rc ON rc.key = per.key AND rc.pid = per.pid AND rc.region = hs.h)
SELECT key, pid, h, wt, tau,
       greatest(big_g - w * inn_h * rows_h
                + w * inn_h * greatest(big_r - w * rows_h, 0) / (1 - w), 0)
         / (lam * big_g) AS a,
       CASE WHEN ruled_out THEN 0 ELSE inn_h * rows_h / (lam * big_g) END AS b
FROM x;

CREATE TEMP TABLE post AS
WITH sums AS (SELECT key, h, sum(a) AS sa FROM grid GROUP BY ALL),
terms AS (
  SELECT g.key, g.pid, g.h, g.wt, g.b * (1 - g.tau + g.tau * (s.sa - g.a)) AS bj,
         1 - g.tau + g.tau * s.sa AS absent
  FROM grid g JOIN sums s USING (key, h)),
per_h AS (
  SELECT key, h, any_value(wt) AS wt, any_value(absent) AS absent, sum(bj) AS bj
  FROM terms GROUP BY ALL),
den AS (SELECT key, sum(wt * (absent + bj)) AS d FROM per_h GROUP BY ALL),
num AS (SELECT key, pid, sum(wt * bj) AS n FROM terms GROUP BY ALL),
hit AS (SELECT DISTINCT c.key, c.pid FROM cand c JOIN q ON c.key = q.key AND c.inn = q.inn)
SELECT per.key, per.pid, per.n_rows, q.inn IS NOT NULL AS with_inn,
       coalesce(per.pid = q.pid, false) AS truth,
       CASE WHEN per.key IN (SELECT key FROM hit) THEN (hit.pid IS NOT NULL)::DOUBLE
            ELSE num.n / den.d END AS p
FROM per JOIN q USING (key) JOIN num ON num.key = per.key AND num.pid = per.pid
JOIN den ON den.key = per.key
LEFT JOIN hit ON hit.key = per.key AND hit.pid = per.pid;
"""


# (posterior, rows of the candidate person, true pair, ИНН in the list, checked person's key)
Pair = tuple[float, int, bool, bool, str]


def oracle(path: Path, seed: int) -> tuple[list[Pair], dict[str, int], int]:
    """Posteriors sorted highest first; true rows of every checked person; registry rows."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as error:
        raise SystemExit(f"{error}\ncopy the data sets elsewhere and pass --data") from error
    con.execute("SET threads = 2; SET memory_limit = '4GB'")
    prepare_queries(con, NameModel(seed))
    for statement in POSTERIOR_SQL.split(";"):
        if statement.strip():
            con.execute(statement)
    pairs = con.execute("SELECT p, n_rows, truth, with_inn, key FROM post "
                        "ORDER BY p DESC, key, pid").fetchall()
    positives = dict(con.execute("SELECT q.key, count(r.pid) FROM q LEFT JOIN person_roles r "
                                 "USING (pid) GROUP BY ALL").fetchall())  # every checked person
    rows = con.execute("SELECT count(*) FROM person_roles").fetchall()[0][0]
    con.close()
    covered = sum(n for _, n, true, _, _ in pairs if true)
    if covered != sum(positives.values()):  # every true row must be a candidate of its person
        raise SystemExit(f"candidates miss true rows: {covered} of {sum(positives.values())}")
    return pairs, positives, rows


def prf(tp: float, fp: float, positives: float) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_cuts(pairs: list[Pair], positives: float, weight: dict[str, int] | None = None
              ) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(threshold, P, R, F1) of the best F1, and of the best F1 with precision >= 0.98.

    ``pairs`` are sorted by posterior, highest first; a cut falls only between
    distinct posteriors. ``weight`` counts checked people (for the bootstrap).
    """
    best = best98 = (0.0, 0.0, 0.0, 0.0)
    tp = fp = 0.0
    for i, (p, n, true, _, key) in enumerate(pairs):
        if p <= 0:
            break
        m = n * (weight.get(key, 0) if weight is not None else 1)
        tp, fp = tp + m * true, fp + m * (not true)
        if i + 1 < len(pairs) and pairs[i + 1][0] == p:
            continue
        precision, recall, f1 = prf(tp, fp, positives)
        if f1 > best[3]:
            best = (p, precision, recall, f1)
        if precision >= 0.98 and f1 > best98[3]:
            best98 = (p, precision, recall, f1)
    return best, best98


def bootstrap(pairs: list[Pair], positives: dict[str, int], rounds: int) -> str:
    """90 % interval of the best F1 (and with P >= 0.98) when the checked people are resampled."""
    rng = random.Random(0)
    everyone = sorted(positives)
    best, best98 = [], []
    for _ in range(rounds):
        weight = Counter(rng.choices(everyone, k=len(everyone)))
        cuts = best_cuts(pairs, sum(n * weight[k] for k, n in positives.items()), weight)
        best.append(cuts[0][3])
        best98.append(cuts[1][3])
    lo, hi = int(0.05 * rounds), int(0.95 * rounds) - 1
    return (f"best F1 {sorted(best)[lo]:.4f}..{sorted(best)[hi]:.4f}, "
            f"best F1 with P>=0.98 {sorted(best98)[lo]:.4f}..{sorted(best98)[hi]:.4f}")


def best_guess(pairs: list[Pair]) -> list[tuple[float, bool, bool]]:
    """Per checked person its most probable registry person: (posterior, is it his, ИНН in the list).

    Per person (bench/matching_people.py) the oracle links at most that one: a checked person is
    one registry person, so linking a second can only make him wrong.
    """
    seen: set[str] = set()
    out = []
    for p, _, true, has_inn, key in pairs:  # sorted by posterior, highest first
        if key not in seen and p > 0:
            seen.add(key)
            out.append((p, true, has_inn))
    return out


def person_cuts(guesses: list[tuple[float, bool, bool]], positives: int
                ) -> tuple[dict[float, tuple[float, float, float]], tuple[float, ...]]:
    """Per-person P / R / F1 at THRESHOLDS and the best F1 over all cuts (threshold, P, R, F1)."""
    at: dict[float, tuple[float, float, float]] = {}
    best = (0.0, 0.0, 0.0, 0.0)
    tp = fp = 0
    for i, (p, true, _) in enumerate(guesses):
        tp, fp = tp + true, fp + (not true)
        if i + 1 < len(guesses) and guesses[i + 1][0] == p:
            continue
        precision, recall, f1 = prf(tp, fp, positives)
        if f1 > best[3]:
            best = (p, precision, recall, f1)
    for t in THRESHOLDS:
        sel = [true for p, true, _ in guesses if p >= t]
        at[t] = prf(sum(sel), len(sel) - sum(sel), positives)
    return at, best


def report_people(pairs: list[Pair], positives: dict[str, int]) -> None:
    guesses = best_guess(pairs)
    with_inn = {key for _, _, _, has_inn, key in pairs if has_inn}
    present = {k for k, n in positives.items() if n}
    groups = {"overall": (guesses, len(present)),
              "with_inn": ([g for g in guesses if g[2]], len(present & with_inn)),
              "without_inn": ([g for g in guesses if not g[2]], len(present - with_inn))}
    cuts = {g: person_cuts(sel, total) for g, (sel, total) in groups.items()}
    print("per checked person (the most probable registry person, linked when its posterior ≥ t):")
    print(f"{'threshold':<10}" + "".join(f"{g + ' P / R / F1':>27}" for g in groups))
    for t in THRESHOLDS:
        print(f"{t:<10}" + "".join("{:>11.4f}{:>8.4f}{:>8.4f}".format(*c[0][t]) for c in cuts.values()))
    print("per person, best F1:")
    for g, c in cuts.items():
        t, precision, recall, f1 = c[1]
        print(f"  {g:<12} F1 {f1:.4f}  P {precision:.4f}  R {recall:.4f}  at t {t:.3f}")


def calibration(pairs: list[Pair]) -> str:
    """Mean posterior vs share of true candidates, per bin (an exact posterior matches)."""
    parts = []
    for lo, hi in ((0.01, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.99)):
        sel = [(p, true) for p, _, true, _, _ in pairs if lo <= p < hi]
        if sel:
            parts.append(f"[{lo},{hi}) n={len(sel)} mean p {sum(p for p, _ in sel) / len(sel):.3f}"
                         f" true {sum(t for _, t in sel) / len(sel):.3f}")
    return "; ".join(parts)


def report(label: str, path: Path, seed: int, rounds: int) -> None:
    t0 = time.perf_counter()
    pairs, positives, rows = oracle(path, seed)
    elapsed = time.perf_counter() - t0
    print(f"\n=== oracle: registry {label} ({rows:,} roles), {len(pairs):,} (checked, candidate)"
          f" person pairs, {elapsed:.0f} s ===")
    with_inn = {key for _, _, _, has_inn, key in pairs if has_inn}
    groups = {"overall": (pairs, sum(positives.values())),
              "with_inn": ([x for x in pairs if x[3]],
                           sum(n for k, n in positives.items() if k in with_inn)),
              "without_inn": ([x for x in pairs if not x[3]],
                              sum(n for k, n in positives.items() if k not in with_inn))}
    print(f"{'threshold':<10}" + "".join(f"{g + ' P / R / F1':>27}" for g in groups))
    for t in THRESHOLDS:
        cells = []
        for sel, total in groups.values():
            tp = sum(n for p, n, true, _, _ in sel if p >= t and true)
            fp = sum(n for p, n, true, _, _ in sel if p >= t and not true)
            cells.append("{:>11.4f}{:>8.4f}{:>8.4f}".format(*prf(tp, fp, total)))
        print(f"{t:<10}" + "".join(cells))
    cuts = {g: best_cuts(sel, total) for g, (sel, total) in groups.items()}
    for i, name in enumerate(("best F1", "best F1 with P>=0.98")):
        print(f"{name}:")
        for g, c in cuts.items():
            t, precision, recall, f1 = c[i]
            print(f"  {g:<12} F1 {f1:.4f}  P {precision:.4f}  R {recall:.4f}  at t {t:.3f}")
    if rounds:
        print(f"bootstrap over checked people ({rounds} rounds), overall: "
              + bootstrap(pairs, positives, rounds))
    print("calibration (person pairs): " + calibration(pairs))
    report_people(pairs, positives)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=None,
                        help="registry sizes, e.g. 100k,1M,10M (default: every cached one)")
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the cached data sets")
    parser.add_argument("--bootstrap", type=int, default=200, metavar="ROUNDS",
                        help="resamplings of the checked people for an interval (0: none)")
    args = parser.parse_args()
    if args.sizes:
        sizes = [(label, parse_size(label)) for label in args.sizes.split(",")]
    else:
        found = sorted(int(f.name.split("_")[1]) for f in
                       args.data.glob(f"registry_*_{args.people}_{args.seed}.duckdb"))
        sizes = [(f"{s // 10**6}M" if s % 10**6 == 0 else f"{s // 1000}k", s) for s in found]
    for label, size in sizes:
        path = args.data / f"registry_{size}_{args.people}_{args.seed}.duckdb"
        if not path.exists():
            raise SystemExit(f"no data set {path}: run bench/matching.py --sizes {label} first")
        report(label, path, args.seed, args.bootstrap)


if __name__ == "__main__":
    main()
