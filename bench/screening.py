"""Benchmark of the affiliation screening: review load and recall, planted cases in real-format files, CLI.

    .venv/bin/python bench/screening.py --companies 20000                  # a quick run
    .venv/bin/python bench/screening.py --sizes 20k,100k,1M                # the figures of issue 9

Generates a municipality (servants XLSX, relatives CSV) and registries (ЕГРЮЛ and ЕГРИП XML in
windows-1251, ЕИС 44-ФЗ contract XML). Servants, relatives and registry persons are drawn from the
same Russian name frequencies (bench/screening_names.py), so common ФИО have dozens to hundreds of
namesakes among directors and founders, as in a real registry. Planted cases of every rule —
relatives without ИНН with common ФИО and with ФИО unique in the region, hidden relatives, shared
addresses, own business, ИНН conflicts — and decoys (namesakes in other regions, terminated
businesses, relatives whose known ИНН differs, married women registered under the maiden name, ё/е
and Latin look-alike spellings). Runs `zorko init`, `zorko import people`, `zorko registry load …`,
`zorko check --all` twice (the second with nothing changed), `zorko findings export` and, where it
exists, `zorko clarifications export`, then prints the review queue, recall in the queue and in the
queue plus clarification requests, requests per 100 relatives, precision among `high`, the times,
and the targets of issue 9 point 6 (bench/screening_report.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from screening_cases import add_background, build_families, plant  # noqa: E402
from screening_files import write_contracts, write_egrip, write_egrul, write_people  # noqa: E402
from screening_report import print_summary, report  # noqa: E402
from screening_world import World  # noqa: E402

# Tables a re-check with nothing changed must leave alone (and any table of clarification requests,
# judgements or possible namesakes).
WATCHED_TABLES = ("findings_finding", "findings_findingdecision")
WATCHED_WORDS = ("clarif", "judg", "namesake")


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


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def table_rows(db: Path) -> dict[str, set[str]]:
    """Every row of every table of the case database, as a digest (to see what a run wrote)."""
    con = sqlite3.connect(db)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: {hashlib.sha1(repr(row).encode()).hexdigest() for row in con.execute(f'SELECT * FROM "{t}"')}
                for t in tables}
    finally:
        con.close()


def written_rows(before: dict[str, set[str]], after: dict[str, set[str]]) -> dict[str, int]:
    """Rows added, changed or deleted per watched table; other changed tables are printed."""
    changed = {t: len(after.get(t, set()) ^ before.get(t, set())) for t in set(before) | set(after)}
    others = {t: n for t, n in changed.items() if n and not _watched(t)}
    if others:
        print("  re-check also touched (not counted): " + ", ".join(f"{t} {n}" for t, n in sorted(others.items())))
    return {t: n for t, n in changed.items() if n and _watched(t)}


def _watched(table: str) -> bool:
    return table in WATCHED_TABLES or any(w in table for w in WATCHED_WORDS)


def export_requests(env: dict[str, str], out: Path) -> list[dict] | None:
    """The clarification requests, or None where `zorko clarifications` does not exist yet."""
    probe = subprocess.run([sys.executable, "-m", "zorko", "clarifications", "export", "--help"], env=env,
                           capture_output=True, text=True)
    if probe.returncode != 0:
        print("  zorko clarifications export: no such command yet — no requests")
        return None
    zorko(env, "clarifications", "export", "--format", "json", "--out", str(out))
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=1_000_000)
    parser.add_argument("--sizes", default=None, help="several registry sizes, e.g. 20k,100k,1M (overrides --companies)")
    parser.add_argument("--servants", type=int, default=500)
    parser.add_argument("--relatives", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--region-share", type=float, default=0.03,
                        help="share of the background registry in the municipality's region (1.0: a regional extract)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the files here (default: a temp dir)")
    args = parser.parse_args()
    sizes = [parse_size(x) for x in args.sizes.split(",")] if args.sizes else [args.companies]
    rows = []
    for companies in sizes:
        work = (args.workdir / str(companies) if args.workdir and len(sizes) > 1 else args.workdir) or Path(
            tempfile.mkdtemp(prefix="zorko-bench-screening-"))
        print(f"\n===== {companies:,} companies =====")
        rows.append(run(args, companies, work))
    print_summary(rows)


def run(args: argparse.Namespace, companies: int, work: Path) -> dict:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    today = date.today()
    extract = today

    started = time.perf_counter()
    world = World(args.seed, args.servants, args.relatives, companies, today, args.region_share)
    build_families(world)
    plant(world)
    add_background(world)
    world.watch_namesakes()
    servants_file, relatives_file = write_people(world, work / "people")
    filler = max(0, companies - len(world.companies))
    n_egrul = write_egrul(world, work / "egrul", filler, extract)
    n_egrip = write_egrip(world, work / "egrip", max(0, companies // 5 - len(world.entrepreneurs)), extract)
    n_contracts = write_contracts(world, work / "contracts")
    world.count_namesakes()
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
    first = zorko(env, "check", "--all")
    before = table_rows(work / "data" / "zorko.sqlite3")
    second = zorko(env, "check", "--all")
    writes = written_rows(before, table_rows(work / "data" / "zorko.sqlite3"))
    out = work / "findings.json"
    zorko(env, "findings", "export", "--format", "json", "--out", str(out))
    requests = export_requests(env, work / "clarifications.json")
    summary = report(world, json.loads(out.read_text(encoding="utf-8")), requests, (first, second), writes,
                     companies)
    print(f"Files and data kept in {work}")
    return summary


if __name__ == "__main__":
    main()
