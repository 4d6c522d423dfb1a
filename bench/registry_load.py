"""Benchmark: loading ЕГРЮЛ extracts into the registry store. Prints figures; asserts nothing.

    .venv/bin/python bench/registry_load.py                 # 100 000 and 1 000 000 companies
    .venv/bin/python bench/registry_load.py --sizes 100000  # just one size
    .venv/bin/python bench/registry_load.py --workers 1     # parse in the loading process only
    .venv/bin/python bench/registry_load.py --sizes --contracts223 100000  # only ЕИС 223-ФЗ contracts

ЕИС 223-ФЗ contract information (``--contracts223``, default 100 000; 0
skips it) is measured the same way: files of 1000 ``contractData`` in the
real layout (``zorko/demo/registry_contracts223.py``), loaded as the
``contracts223`` source into the same contract tables as 44-ФЗ.

For each size it generates its own files in the real format (windows-1251,
1000 ``СвЮЛ`` per file, addresses in both forms, a director, 1–3
founders), then runs each measurement in a fresh subprocess:

* **floor** — a bare ``lxml.iterparse`` pass over the same files (records
  cleared as they complete, nothing extracted): the parse floor;
* **first** — a first load into an empty store;
* **reload** — loading the same, unchanged files again (checksum skip).

Wall times depend on what else the machine runs; the CPU time of all the
load's processes against the CPU time of the floor is printed too.

Peak RSS is the subprocess's own (``ru_maxrss``) and, separately, the
largest parser worker process. Targets on 2 cores: first load within
2.5× of the floor; reload ≥ 3× faster than the first load; RSS < 1 GB
and flat as the input grows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _egrul(folder: Path, size: int) -> list[Path]:
    from zorko.demo.registry_random import write_egrul

    return write_egrul(folder, size)


def _contracts223(folder: Path, size: int) -> list[Path]:
    from zorko.demo.registry_contracts223 import generate_contracts223, write_contracts223

    return write_contracts223(folder, generate_contracts223(size))


# source → (writer of its files, what a record is called in the output)
WRITERS = {"egrul": (_egrul, "компаний"), "contracts223": (_contracts223, "договоров 223-ФЗ")}


def generate(folder: Path, size: int, source: str = "egrul") -> list[Path]:
    """The benchmark's input, written once and kept (a marker says it is complete)."""
    marker = folder / f".complete-{size}"
    if marker.exists():
        return sorted(folder.glob("*.xml"))
    shutil.rmtree(folder, ignore_errors=True)
    started = time.monotonic()
    write, noun = WRITERS[source]
    paths = write(folder, size)
    marker.touch()
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"  сгенерировано {size:,} {noun}, {len(paths)} файлов, {mb:,.0f} МБ "
          f"за {time.monotonic() - started:.0f} с", flush=True)
    return paths


# The element the bare parse counts, and the loader's source name, per benchmark input.
TAGS = {"egrul": "СвЮЛ", "contracts223": "{http://zakupki.gov.ru/223fz/contract/1}contractData"}


def child(mode: str, folder: str, db: str, workers: int, source: str = "egrul") -> None:
    """Runs in a subprocess: one measurement, printed as JSON on the last line."""
    from lxml import etree

    from zorko.registry import loader

    started = time.monotonic()  # after the imports: the clock measures the work only
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    records = 0
    phases: dict[str, float] = {}
    if mode == "floor":
        for path in sorted(Path(folder).glob("*.xml")):
            for _event, element in etree.iterparse(str(path), tag=TAGS[source]):
                records += 1
                parent = element.getparent()
                element.clear()
                parent.clear()
                while parent.getprevious() is not None:
                    del parent.getparent()[0]
    else:
        result = loader.load(source, [folder], db_path=db, workers=workers)
        records = result.totals.records
        phases = {k: round(v, 1) for k, v in result.phases.items()}
    seconds = time.monotonic() - started
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + workers_usage.ru_utime + workers_usage.ru_stime - cpu_before
    print(json.dumps({"seconds": seconds, "records": records, "rss_kb": me.ru_maxrss,
                      "workers_rss_kb": workers_usage.ru_maxrss, "cpu": cpu, "phases": phases}))


def measure(mode: str, folder: Path, db: Path, workers: int, source: str = "egrul") -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder), str(db), "--workers", str(workers),
         "--source", source],
        capture_output=True, text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"измерение {mode} не удалось:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--contracts223", type=int, default=100_000, help="223-ФЗ contracts (0: none)")
    parser.add_argument("--source", default="egrul", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=0, help="parser processes (0: the loader's default)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to keep generated files")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, workers=args.workers or 0, source=args.source)
        return

    from zorko.registry.loader import default_workers

    workers = args.workers or default_workers()
    workdir = args.workdir or Path(tempfile.gettempdir()) / "zorko-bench-registry"
    print(f"Загрузка ЕГРЮЛ: процессор {os.cpu_count()} ядер, процессов разбора {workers}", flush=True)
    rows = []
    for size in args.sizes:
        folder = workdir / f"egrul-{size}"
        generate(folder, size)
        db = workdir / f"registry-{size}.duckdb"
        for suffix in ("", ".wal"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        floor = measure("floor", folder, db, workers)
        first = measure("first", folder, db, workers)
        again = measure("reload", folder, db, workers)
        rows.append((size, floor, first, again))
        print(f"  {size:,}: разбор {floor['seconds']:.1f} с (ЦП {floor['cpu']:.1f} с), первая загрузка "
              f"{first['seconds']:.1f} с (ЦП {first['cpu']:.1f} с, этапы {first['phases']}), "
              f"повторная {again['seconds']:.1f} с (ЦП {again['cpu']:.1f} с)", flush=True)
        db.unlink(missing_ok=True)

    if args.contracts223:
        rows223 = bench223(workdir, args.contracts223, workers)
    print()
    print(f"{'компаний':>10} | {'разбор, с':>9} | {'загрузка, с':>11} | {'комп./с':>8} | "
          f"{'к разбору':>9} | {'повтор, с':>9} | {'комп./с':>9} | {'ускорение':>9} | "
          f"{'RSS, МБ':>7} | {'RSS разбора, МБ':>15}")
    for size, floor, first, again in rows:
        ratio = first["seconds"] / floor["seconds"]
        speedup = first["seconds"] / again["seconds"]
        rss = max(first["rss_kb"], again["rss_kb"]) / 1024
        workers_rss = first["workers_rss_kb"] / 1024
        print(f"{size:>10,} | {floor['seconds']:>9.1f} | {first['seconds']:>11.1f} | "
              f"{size / first['seconds']:>8,.0f} | {ratio:>8.2f}× | {again['seconds']:>9.2f} | "
              f"{size / again['seconds']:>9,.0f} | {speedup:>8.1f}× | {rss:>7.0f} | {workers_rss:>15.0f}")
    print("\nЦели (2 ядра): загрузка ≤ 2,5× разбора; повтор ≥ 3× быстрее; RSS < 1024 МБ и не растёт.")
    print("Время ЦП (все процессы загрузки) к времени ЦП разбора — мера работы, не зависящая от "
          "занятости машины другими процессами:")
    for size, floor, first, _again in rows:
        print(f"  {size:,}: {first['cpu'] / floor['cpu']:.2f}×")
    if args.contracts223:
        size, floor, first, again = rows223
        print(f"\nДоговоры 223-ФЗ, {size:,}: разбор {floor['seconds']:.1f} с (ЦП {floor['cpu']:.1f} с), "
              f"загрузка {first['seconds']:.1f} с (ЦП {first['cpu']:.1f} с), {size / first['seconds']:,.0f} дог./с, "
              f"к разбору {first['seconds'] / floor['seconds']:.2f}× (по ЦП {first['cpu'] / floor['cpu']:.2f}×), "
              f"повтор {again['seconds']:.2f} с, пик RSS {max(first['rss_kb'], again['rss_kb']) / 1024:.0f} МБ "
              f"(разбор {first['workers_rss_kb'] / 1024:.0f} МБ)")


def bench223(workdir: Path, size: int, workers: int) -> tuple[int, dict[str, Any], dict[str, Any], dict[str, Any]]:
    folder = workdir / f"contracts223-{size}"
    generate(folder, size, "contracts223")
    db = workdir / f"registry-223-{size}.duckdb"
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    floor = measure("floor", folder, db, workers, "contracts223")
    first = measure("first", folder, db, workers, "contracts223")
    again = measure("reload", folder, db, workers, "contracts223")
    db.unlink(missing_ok=True)
    return size, floor, first, again


if __name__ == "__main__":
    main()
