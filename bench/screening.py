"""Benchmark of the affiliation screening: planted cases in real-format files, through the CLI.

    .venv/bin/python bench/screening.py --companies 20000          # a quick run
    .venv/bin/python bench/screening.py                            # 1,000,000 companies (the target)

Generates a municipality (servants XLSX, relatives CSV) and registries (ЕГРЮЛ and ЕГРИП XML in
windows-1251, ЕИС 44-ФЗ contract XML) with planted cases of every rule and decoys (namesakes in other
regions, terminated businesses, relatives whose known ИНН differs, married women registered under the
maiden name, ё/е and Latin look-alike spellings), then runs `zorko init`, `zorko import people`,
`zorko registry load …`, `zorko check --all` and `zorko findings export`, and prints recall per rule,
precision among `high` findings and the time of `check --all`.
Targets: recall ≥ 0.95 own_*, relative_supplier, relative_business; ≥ 0.8 hidden_relative and
shared_address; precision among high ≥ 0.95; check --all (500 servants, 3,000 relatives, 1M companies)
≤ 120 s on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from screening_cases import add_background, build_families, plant  # noqa: E402
from screening_files import write_contracts, write_egrip, write_egrul, write_people  # noqa: E402
from screening_world import World  # noqa: E402

TARGETS = {"own_entrepreneur": 0.95, "own_director": 0.95, "own_founder": 0.95, "relative_supplier": 0.95,
           "relative_business": 0.95, "hidden_relative": 0.8, "shared_address": 0.8, "former_servant": 0.8}


def zorko(env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "zorko", *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"zorko {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    tail = (result.stdout.strip().splitlines() or [""])[-3:]
    print(f"  zorko {' '.join(a if len(a) < 40 else '…' + a[-30:] for a in args)}: {elapsed:.1f} s — "
          f"{' | '.join(tail)}")
    return elapsed


def load_registry(env: dict[str, str], source: str, folder: Path) -> None:
    """`zorko registry load SOURCE DIR`; the loader's library call where the command is not wired yet."""
    probe = subprocess.run([sys.executable, "-m", "zorko", "registry", "load", "--help"], env=env,
                           capture_output=True, text=True)
    if probe.returncode == 0:
        zorko(env, "registry", "load", source, str(folder))
        return
    started = time.perf_counter()
    code = ("import sys; from zorko.registry.loader import load; "
            "r = load(sys.argv[1], [sys.argv[2]]); print(getattr(r, 'message', r))")
    result = subprocess.run([sys.executable, "-c", code, source, str(folder)], env=env, capture_output=True,
                            text=True)
    if result.returncode != 0:
        sys.exit(f"registry load {source} failed:\n{result.stdout}\n{result.stderr}")
    print(f"  registry load {source} (library call): {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=1_000_000)
    parser.add_argument("--servants", type=int, default=500)
    parser.add_argument("--relatives", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None, help="keep the files here (default: a temp dir)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="zorko-bench-screening-"))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    today = date.today()
    extract = today

    started = time.perf_counter()
    world = World(args.seed, args.servants, args.relatives, args.companies, today)
    build_families(world)
    plant(world)
    add_background(world)
    servants_file, relatives_file = write_people(world, work / "people")
    filler = max(0, args.companies - len(world.companies))
    n_egrul = write_egrul(world, work / "egrul", filler, extract)
    n_egrip = write_egrip(world, work / "egrip", max(0, args.companies // 5 - len(world.entrepreneurs)), extract)
    n_contracts = write_contracts(world, work / "contracts")
    relatives = sum(len(s.relatives) for s in world.servants)
    print(f"Generated in {time.perf_counter() - started:.0f} s: {len(world.servants)} servants, {relatives} "
          f"relatives, {n_egrul} companies, {n_egrip} entrepreneurs, {n_contracts} contracts; "
          f"planted {len(world.truth)} cases; decoys {world.decoys}")

    env = dict(os.environ, ZORKO_DATA_DIR=str(work / "data"))
    env.pop("ZORKO_DATABASE_URL", None)
    zorko(env, "init")
    zorko(env, "import", "people", str(servants_file), str(relatives_file))
    for source in ("egrul", "egrip", "contracts"):
        load_registry(env, source, work / source)
    check_seconds = zorko(env, "check", "--all")
    out = work / "findings.json"
    zorko(env, "findings", "export", "--format", "json", "--out", str(out))
    report(world, json.loads(out.read_text(encoding="utf-8")), check_seconds, args.companies)
    print(f"Files and data kept in {work}")


def report(world: World, findings: list[dict], check_seconds: float, companies: int) -> None:
    found: dict[tuple[str, str, str], str] = {}
    for f in findings:
        key = (f["rule"], f["servant"]["personnel_number"], f["subject"]["ogrn"])
        found[key] = f["severity"]
    print(f"\nFindings: {len(findings)}; by rule and severity:")
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for (rule, _pn, _ogrn), severity in found.items():
        by_rule[rule][severity] += 1
    for rule in sorted(by_rule):
        print(f"  {rule:18} " + ", ".join(f"{s}={by_rule[rule][s]}" for s in ("high", "medium", "low")))
    print("\nRecall per rule (planted cases found, any severity):")
    truth_by_rule: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for t in world.truth:
        truth_by_rule[t[0]].add(t)
    ok_all = True
    for rule in sorted(truth_by_rule):
        planted = truth_by_rule[rule]
        hit = [t for t in planted if t in found]
        recall = len(hit) / len(planted)
        high = sum(1 for t in hit if found[t] == "high")
        target = TARGETS.get(rule, 0)
        ok_all &= recall >= target
        print(f"  {rule:18} {recall:5.2f}  ({len(hit)}/{len(planted)}, of them high {high}; target ≥ {target})")
    decoy_hits: dict[str, Counter[str]] = defaultdict(Counter)
    for (_rule, _pn, ogrn), severity in found.items():
        if ogrn in world.decoy_subjects:
            decoy_hits[world.decoy_subjects[ogrn]][severity] += 1
    print("\nDecoys (findings on decoy subjects, by severity; none should be high):")
    for kind, n in sorted(world.decoys.items()):
        hits = decoy_hits.get(kind, Counter())
        print(f"  {kind:24} planted {n:3}: " + ", ".join(f"{s}={hits[s]}" for s in ("high", "medium", "low")))
    highs = [k for k, s in found.items() if s == "high"]
    right = sum(1 for k in highs if k in world.truth)
    precision = right / len(highs) if highs else 1.0
    ok_all &= precision >= 0.95
    print(f"\nPrecision among high: {precision:.3f} ({right}/{len(highs)}; target ≥ 0.95)")
    wrong = [k for k in highs if k not in world.truth][:10]
    if wrong:
        print("  high findings that were not planted (first 10): " + "; ".join(map(str, wrong)))
    ok_all &= check_seconds <= 120 or companies < 1_000_000
    print(f"check --all: {check_seconds:.1f} s for {len(world.servants)} servants and "
          f"{sum(len(s.relatives) for s in world.servants)} relatives against {companies} companies "
          f"(target ≤ 120 s at 1,000,000)")
    print("ALL TARGETS MET" if ok_all else "SOME TARGETS MISSED")


if __name__ == "__main__":
    main()
