"""Benchmark: 1,000 справки with families — import time, analysis time, recall and precision of planted cases.

    .venv/bin/python bench/declarations.py [--declarations 1000] [--per-rule 5] [--seed 3]

Builds a synthetic municipality (the demo generator) in a throw-away data
directory, writes the families' справки for the reporting year and the three
years before as .xsb files with ``per-rule`` planted cases of every check,
loads the planted cases' registry records and 2,000 background companies,
then imports the history, imports the year's справки (timed) and analyses
the year (timed). Target: import + analysis of 1,000 справки ≤ 60 s on 2
cores, recall 1.0, precision among «high» ≥ 0.95.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--declarations", type=int, default=1000)
    parser.add_argument("--per-rule", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="zorko-bench-decl-"))
    os.environ["ZORKO_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    import django

    django.setup()
    from django.conf import settings

    from zorko.cli.core import init_database
    from zorko.declarations.analysis import analyse
    from zorko.declarations.intake import import_paths
    from zorko.demo import declarations_synthetic as synthetic
    from zorko.demo.declarations import families, write_files
    from zorko.demo.people_build import build_demo
    from zorko.demo.registry_random import write_egrul
    from zorko.findings.models import Finding
    from zorko.registry import loader

    today = date(2026, 12, 5)
    year = today.year - 1
    init_database()
    started = time.perf_counter()
    # About 0.4 справки of the year per servant in the demo mix (those in the перечень, with their families).
    build_demo(args.seed, servants=max(50, int(args.declarations * 1.1)))
    found = families(year)
    keep, count = [], 0
    for f in found:
        if count >= args.declarations * 1.06:  # a few of them will not file
            break
        keep.append(f)
        count += 1 + (f.spouse is not None) + sum(c.birth_date is None or c.birth_date.year > year - 18
                                                   for c in f.children)
    campaign = synthetic.generate(keep, args.seed, year, today, per_rule=args.per_rule)
    paths = write_files(campaign, work / "xsb")
    campaign.registry.load(work / "registry", today, settings.CONFIG.registry_path)
    loader.load("egrul", write_egrul(work / "background", 2000, seed=args.seed), db_path=settings.CONFIG.registry_path)
    setup = time.perf_counter() - started

    history = [p for p in paths if p.parent.name != str(year)]
    current = [p for p in paths if p.parent.name == str(year)]
    t0 = time.perf_counter()
    before = import_paths(history)
    t1 = time.perf_counter()
    imported = import_paths(current)
    t2 = time.perf_counter()
    result = analyse(year, registry_path=settings.CONFIG.registry_path)
    t3 = time.perf_counter()

    planted = set(campaign.planted)
    found_keys = [(f.rule, f.servant.personnel_number, f.severity) for f in
                  Finding.objects.filter(active=True, rule__startswith="decl_").select_related("servant")]
    hits = {(rule, no) for rule, no, _ in found_keys}
    recall = len(planted & hits) / len(planted) if planted else 1.0
    # Precision per finding: a second finding of a planted servant's rule about something else counts as false.
    high = [(rule, no) for rule, no, sev in found_keys if sev == "high"]
    per_pair = Counter(high)
    high_true = sum(1 for k in per_pair if k in planted)
    precision_high = high_true / len(high) if high else 1.0
    precision_all = len(planted & hits) / len(found_keys) if found_keys else 1.0
    decoys = {no for _, no in campaign.decoys}
    loud = Counter(rule for rule, no, _ in found_keys if no in decoys and (rule, no) not in planted)
    missed = sorted(planted - hits)
    extra = Counter(rule for rule, no in hits - planted)
    print(f"setup (people, files, registry): {setup:.1f} s")
    print(f"history import: {before.declarations} справок in {t1 - t0:.1f} s")
    print(f"import: {imported.declarations} справок of {year} ({len(current)} files) in {t2 - t1:.1f} s")
    print(f"analysis: {result.servants} servants in {t3 - t2:.1f} s")
    print(f"import + analysis: {t3 - t1:.1f} s (target ≤ 60 s)")
    print(f"planted cases: {len(planted)}; recall {recall:.3f}; precision among high {precision_high:.3f} "
          f"({len(high)} high findings); precision overall {precision_all:.3f}")
    print(f"decoys (must stay silent): {len(campaign.decoys)}; findings on them: {sum(loud.values())} {dict(loud)}")
    print(f"findings per rule: {dict(sorted(result.findings.items()))}")
    if missed:
        print(f"missed: {missed}")
    if extra:
        print(f"not planted: {dict(extra)}")


if __name__ == "__main__":
    main()
