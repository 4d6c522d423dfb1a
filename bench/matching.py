"""Matching benchmark: precision, recall, F1, speed and memory; prints figures.

    .venv/bin/python bench/matching.py --sizes 100k,1M [--people 5000] [--splink] [--sweep]

For each registry size a labelled data set is generated once into
bench/.data/ (see matching_data.py); the measurement runs in a fresh
process so that its peak memory is the matcher's own.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.matching_data import (  # noqa: E402
    VARIANTS,
    Generator,
    Person,
    icao,
    to_arrow,
)
from bench.matching_people import person_figures, print_person_table  # noqa: E402

DATA = Path(__file__).resolve().parent / ".data"
CHUNK = 500_000
# Share of checked people given an exact namesake (same ФИО) living in another region.
TWINS = 0.1
# Thresholds of the calibration table (``--sweep``).
SWEEP = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def _typo(word: str, rng: random.Random, swap: bool) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    if swap:
        if word[i] == word[i + 1]:
            return word
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    letters = [ch for ch in "абвгдежзиклмнопрстуфхцчшэюя" if ch != word[i].lower()]
    return word[:i] + rng.choice(letters) + word[i + 1:]


def make_query(person: Person, variant: str, rng: random.Random) -> dict:
    last, first, middle, former = person.last, person.first, person.middle, []
    if variant == "case_spaces":
        last, first = f"  {last.upper()} ", first.lower() + "  "
        middle = middle.swapcase()
    elif variant == "yo":
        last, first, middle = (s.replace("е", "ё", 1) for s in (last, first, middle))
    elif variant == "latin_lookalike":
        chars = list(last)
        spots = [i for i, ch in enumerate(chars) if ch in "аеорсхуАЕОРСХКМТНВ"]
        for i in rng.sample(spots, min(len(spots), 2)):
            chars[i] = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y",
                        "А": "A", "Е": "E", "О": "O", "Р": "P", "С": "C", "Х": "X", "К": "K",
                        "М": "M", "Т": "T", "Н": "H", "В": "B"}[chars[i]]
        last = "".join(chars)
    elif variant in ("typo", "transposition"):
        part = rng.choice(("last", "last", "first", "middle"))
        value = {"last": last, "first": first, "middle": middle}[part]
        changed = _typo(value, rng, swap=variant == "transposition")
        last, first, middle = (changed if part == p else v for p, v in
                               (("last", last), ("first", first), ("middle", middle)))
    elif variant == "maiden":
        former = [person.maiden] if person.maiden else []
    elif variant == "initials":
        first, middle = f"{first[0]}.", f"{middle[0]}."
    elif variant == "no_patronymic":
        middle = ""
    elif variant == "fio_one_field":
        last, first, middle = f"{first} {middle} {last}", "", ""
    return {"last_name": last, "first_name": first, "middle_name": middle,
            "former": ";".join(former)}


def generate(size: int, people: int, seed: int, path: Path) -> None:
    gen = Generator(seed)
    rng = random.Random(seed + 1)
    con = duckdb.connect(str(path))
    rows: list[dict] = []
    total = 0
    queries: list[dict] = []

    def flush(force: bool = False) -> None:
        nonlocal rows, total
        if rows and (force or len(rows) >= CHUNK):
            con.register("_chunk", to_arrow(rows))
            if total == 0:
                con.execute("CREATE TABLE person_roles AS SELECT * FROM _chunk")
            else:
                con.execute("INSERT INTO person_roles SELECT * FROM _chunk")
            con.unregister("_chunk")
            total += len(rows)
            rows = []

    for i in range(people):
        in_registry = i % 2 == 0
        variant = VARIANTS[(i // 2) % len(VARIANTS)] if in_registry else "absent"
        if variant == "maiden":
            person = gen.person()
            while person.gender != "f":
                person = gen.person()
            person.maiden = person.maiden or gen.names.surname("f")
        else:
            person = gen.person()
        if in_registry:
            for role in gen.roles(person):
                if variant == "maiden":
                    role["last_name"] = person.maiden
                elif variant == "latin_registry":
                    role["last_name"], role["first_name"], role["middle_name"] = (
                        icao(role["last_name"]), icao(role["first_name"]),
                        icao(role["middle_name"]))
                rows.append(role)
        if rng.random() < TWINS:  # an exact namesake somewhere else
            twin = gen.person()
            twin.last, twin.first, twin.middle, twin.gender = (person.last, person.first,
                                                               person.middle, person.gender)
            while twin.home == person.home:
                twin.home = gen.region()
            rows.extend(gen.roles(twin))
        query = make_query(person, variant if in_registry else "exact", rng)
        query.update(key=f"p:{i}", pid=person.pid if in_registry else None, variant=variant,
                     inn=person.inn if rng.random() < 0.4 else None,
                     region=person.home if rng.random() < 0.9 else None)
        queries.append(query)
        flush()
    while total + len(rows) < size:
        rows.extend(gen.roles(gen.person()))
        flush()
    flush(force=True)
    con.execute("CREATE TABLE bench_people (key VARCHAR, last_name VARCHAR, first_name VARCHAR, "
                "middle_name VARCHAR, former VARCHAR, inn VARCHAR, region VARCHAR, "
                "variant VARCHAR, pid BIGINT)")
    columns = ("key", "last_name", "first_name", "middle_name", "former", "inn", "region",
               "variant", "pid")
    con.register("_people", pa.table({c: [q[c] for q in queries] for c in columns}))
    con.execute("INSERT INTO bench_people SELECT * FROM _people")
    con.close()


def measure(path: Path, threshold: float | None, sweep: bool = False) -> dict:
    from zorko.matching import LINK_THRESHOLD, PersonQuery, match_people, prepare_registry

    con = duckdb.connect(str(path))
    rows = con.execute("SELECT count(*) FROM person_roles").fetchall()[0][0]
    t0 = time.perf_counter()
    prepare_registry(con, "person_roles")
    build = time.perf_counter() - t0
    people = con.execute("SELECT key, last_name, first_name, middle_name, former, inn, region, "
                         "variant, pid FROM bench_people ORDER BY rowid").fetchall()
    queries = [PersonQuery(k, ln, fn, mn or "", tuple(f for f in (former or "").split(";") if f),
                           inn=inn, region=region) for k, ln, fn, mn, former, inn, region, _, _
               in people]
    threshold = threshold or LINK_THRESHOLD
    t1 = time.perf_counter()
    matches = match_people(queries, con, threshold=min(threshold, *SWEEP) if sweep else threshold)
    elapsed = time.perf_counter() - t1
    truth = set(con.execute("SELECT b.key, p.rowid FROM bench_people b JOIN person_roles p "
                            "ON p.pid = b.pid").fetchall())
    info = {k: (variant, inn is not None) for k, _, _, _, _, inn, _, variant, _ in people}
    scored = {(m.query_key, m.record["row_id"]): m.probability for m in matches}
    predicted = {pair for pair, p in scored.items() if p >= threshold}
    result = score(truth, predicted, info, rows_with_inn(con, truth | predicted))
    result["per_person"] = per_person(con, [k for k, *_ in people], truth, predicted, info)
    if sweep:
        keys = [k for k, *_ in people]
        result["sweep"] = {}
        for t in SWEEP:
            at = {pair for pair, p in scored.items() if p >= t}
            result["sweep"][t] = {"pairs": score(truth, at, info, set())["quality"]["overall"],
                                  "people": per_person(con, keys, truth, at, info)["overall"]}
    matches = [m for m in matches if m.probability >= threshold]
    result.update(rows=rows, people=len(queries), build_s=round(build, 2),
                  match_s=round(elapsed, 2), people_per_s=round(len(queries) / elapsed, 1),
                  peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  matches=len(matches))
    return result


def rows_with_inn(con: duckdb.DuckDBPyConnection, pairs: set) -> set[int]:
    con.register("_rids", pa.table({"rid": pa.array(sorted({r for _, r in pairs}), pa.int64())}))
    rows = con.execute("SELECT p.rowid FROM person_roles p SEMI JOIN _rids r ON p.rowid = r.rid "
                       "WHERE p.inn IS NOT NULL").fetchall()
    con.unregister("_rids")
    return {r for (r,) in rows}


def per_person(con: duckdb.DuckDBPyConnection, keys: list[str], truth: set, predicted: set,
               info: dict) -> dict:
    """Per checked person (bench/matching_people.py): the registry persons behind the linked rows."""
    pid = row_pids(con, truth | predicted)

    def persons(pairs: set) -> dict[str, frozenset[int]]:
        out: dict[str, set[int]] = {}
        for key, rid in pairs:
            out.setdefault(key, set()).add(pid[rid])
        return {k: frozenset(v) for k, v in out.items()}

    def groups(key: str) -> list[str]:
        variant, has_inn = info[key]
        return ["overall", variant, "with_inn" if has_inn else "without_inn"]

    return person_figures(keys, persons(truth), persons(predicted), groups)


def row_pids(con: duckdb.DuckDBPyConnection, pairs: set) -> dict[int, int]:
    con.register("_rids", pa.table({"rid": pa.array(sorted({r for _, r in pairs}), pa.int64())}))
    rows = con.execute("SELECT p.rowid, p.pid FROM person_roles p SEMI JOIN _rids r ON p.rowid = r.rid").fetchall()
    con.unregister("_rids")
    return dict(rows)


def score(truth: set, predicted: set, info: dict, inn_rows: set[int]) -> dict:
    """Pairwise figures, overall and per group; «inn_both»: ИНН in the list and in the row."""
    counts: dict[str, Counter] = {}
    for pair, kind in ([(p, "tp") for p in truth & predicted] + [(p, "fp") for p in predicted - truth]
                       + [(p, "fn") for p in truth - predicted]):
        variant, has_inn = info[pair[0]]
        groups = ["overall", variant, "with_inn" if has_inn else "without_inn"]
        if has_inn and pair[1] in inn_rows:
            groups.append("inn_both")
        for group in groups:
            counts.setdefault(group, Counter())[kind] += 1
    table = {}
    for group, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[group] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                        "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}
    return {"quality": table}


def print_result(size_label: str, result: dict, title: str = "zorko") -> None:
    print(f"\n=== {title}: registry {size_label} ({result['rows']:,} roles), "
          f"{result['people']} people ===")
    if "build_s" in result:
        print(f"index build {result['build_s']} s; match {result['match_s']} s "
              f"({result['people_per_s']} people/s); peak RSS {result['peak_mb']} MB; "
              f"{result['matches']} matches")
    print(f"{'group':<16}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>7}{'fp':>6}{'fn':>6}")
    quality = result["quality"]
    order = ["overall", "with_inn", "inn_both", "without_inn", *VARIANTS, "absent"]
    for group in order:
        if group in quality:
            q = quality[group]
            print(f"{group:<16}{q['precision']:>10.4f}{q['recall']:>8.4f}{q['f1']:>8.4f}"
                  f"{q['tp']:>7}{q['fp']:>6}{q['fn']:>6}")
    if "per_person" in result:
        print_person_table(result["per_person"], order)
    if "sweep" in result:
        print("threshold   pairs: precision  recall      F1   people: precision  recall      F1")
        for t, q in result["sweep"].items():
            a, b = q["pairs"], q["people"]
            print(f"{float(t):<12}{a['precision']:>16.4f}{a['recall']:>8.4f}{a['f1']:>8.4f}"
                  f"{b['precision']:>19.4f}{b['recall']:>8.4f}{b['f1']:>8.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100k,1M", help="registry sizes, e.g. 100k,1M,10M")
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--splink", action="store_true", help="also run the Splink model")
    parser.add_argument("--sweep", action="store_true",
                        help="also print precision / recall / F1 at thresholds 0.5..0.95")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.splink and importlib.util.find_spec("splink") is None:
        parser.exit(2, "Splink is a benchmark-only dependency: run `make bench-install` first.\n")
    if args.measure:
        if args.splink:
            from bench.matching_splink import measure_splink

            print(json.dumps(measure_splink(Path(args.measure), args.threshold)))
        else:
            print(json.dumps(measure(Path(args.measure), args.threshold, args.sweep)))
        return
    DATA.mkdir(exist_ok=True)
    for label in args.sizes.split(","):
        size = parse_size(label)
        path = DATA / f"registry_{size}_{args.people}_{args.seed}.duckdb"
        if not path.exists():
            t0 = time.perf_counter()
            generate(size, args.people, args.seed, path.with_suffix(".tmp"))
            path.with_suffix(".tmp").rename(path)
            print(f"generated {label} in {time.perf_counter() - t0:.0f} s -> {path}")
        runs = [("zorko", [])] + ([("splink", ["--splink"])] if args.splink else [])
        for title, extra in runs:
            cmd = [sys.executable, __file__, "--measure", str(path), *extra]
            if args.threshold is not None:
                cmd += ["--threshold", str(args.threshold)]
            if args.sweep and title == "zorko":
                cmd.append("--sweep")
            out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
            print_result(label, json.loads(out.strip().splitlines()[-1]), title)


if __name__ == "__main__":
    main()
