"""Benchmark: loading many one-record files (ЕИС contracts). Prints figures; asserts nothing.

    .venv/bin/python bench/registry_small_files.py                  # 2,000 contract files
    .venv/bin/python bench/registry_small_files.py --files 20000 --zip --workers 1

The ЕИС publishes 44-ФЗ contracts one per XML file; a regional archive has
tens of thousands of them. Parsing one takes about a millisecond, so what
such a load costs is the loader's work per file. The script writes N
synthetic contracts (``zorko.demo.registry_records``, the real
``export/contract`` format; half of the suppliers companies, half
entrepreneurs) as plain files in one folder — or, with ``--zip``, as
members of archives of 1000, as the ЕИС FTP serves them — then, each in a
fresh subprocess, a first load into an empty store and a re-load of the
same files (all skipped as unchanged), and prints files per second.
Target on 2 cores: ≥ 500 files/s for a first load.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def contracts(count: int) -> list[Any]:
    from zorko.demo.registry_records import Address, Company, Contract, Entrepreneur
    from zorko.identifiers import make_inn, make_ogrn, make_ogrnip

    address = Address("42", "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС", "Г", "КЕМЕРОВО", "ЛЕНИНА", "1")
    out = []
    for i in range(count):
        supplier: Company | Entrepreneur
        if i % 2:
            supplier = Company(make_ogrn(f"10242{i:07d}"), make_inn(f"42{i:07d}", person=False),
                               f"ПОСТАВЩИК {i}", address, date(2015, 1, 1))
        else:
            supplier = Entrepreneur(make_ogrnip(f"30442{i:09d}"), make_inn(f"42{i:08d}", person=True),
                                    "ИВАНОВ", "ИВАН", "ИВАНОВИЧ", False, date(2016, 1, 1))
        out.append(Contract(f"3420500003024{i:06d}", f"АДМИНИСТРАЦИЯ ОКРУГА № {i % 50}",
                            make_inn(f"42{i % 50:07d}", person=False), "420501001",
                            date(2024, 1, 1) + timedelta(days=i % 300), Decimal(1000 + i) + Decimal("0.5"),
                            f"Поставка товара № {i}", supplier))
    return out


def generate(folder: Path, count: int, as_zip: bool) -> None:
    from zorko.demo.registry_records import contract_xml, write_contracts

    marker = folder / f".complete-{count}-{int(as_zip)}"
    if marker.exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    items = contracts(count)
    if as_zip:
        for start in range(0, count, 1000):
            with zipfile.ZipFile(folder / f"contracts_{start:07d}.zip", "w", zipfile.ZIP_DEFLATED) as z:
                for c in items[start:start + 1000]:
                    z.writestr(f"contract_{c.reg_num}_{c.reg_num[-8:]}.xml", contract_xml(c))
    else:
        write_contracts(folder, items)
    marker.touch()


def child(folder: str, db: str, workers: int) -> None:
    """Runs in a subprocess: one load, printed as JSON on the last line."""
    from zorko.registry import loader

    started, cpu = time.monotonic(), time.process_time()
    result = loader.load("contracts", [folder], db_path=db, workers=workers or None)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": time.monotonic() - started,
        "cpu": time.process_time() - cpu + children.ru_utime + children.ru_stime,
        "files": len(result.files), "skipped": sum(f.skipped for f in result.files),
        "added": result.totals.added, "phases": {k: round(v, 2) for k, v in result.phases.items()},
    }))


def measure(folder: Path, db: Path, workers: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--workers", str(workers), "--child", str(folder), str(db)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000, help="contract files (default 2000)")
    parser.add_argument("--zip", action="store_true", help="as members of zip archives of 1000")
    parser.add_argument("--workers", type=int, default=0, help="parser processes (0: the loader's default)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to keep generated files")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, workers=args.workers)
        return

    workdir = args.workdir or Path(tempfile.gettempdir()) / "zorko-bench-small-files"
    folder = workdir / f"contracts-{args.files}{'-zip' if args.zip else ''}"
    generate(folder, args.files, args.zip)
    db = workdir / "registry.duckdb"
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    first = measure(folder, db, args.workers)
    again = measure(folder, db, args.workers)
    db.unlink(missing_ok=True)
    kind = "архивы по 1000" if args.zip else "отдельные файлы"
    print(f"Контракты ЕИС, {args.files:,} файлов ({kind}), процессов разбора: "
          f"{args.workers or 'по умолчанию'}")
    print(f"  первая загрузка: {first['seconds']:.2f} с, {first['files'] / first['seconds']:,.0f} файлов/с "
          f"(ЦП {first['cpu']:.1f} с, добавлено {first['added']:,}, этапы {first['phases']})")
    print(f"  повторная:       {again['seconds']:.2f} с, {again['files'] / again['seconds']:,.0f} файлов/с "
          f"(пропущено без изменений {again['skipped']:,})")
    print("Цель (2 ядра): первая загрузка ≥ 500 файлов/с.")


if __name__ == "__main__":
    main()
