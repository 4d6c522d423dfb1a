"""Benchmark: loading ЕИС contracts and FollowTheMoney files. Prints figures; asserts nothing.

    .venv/bin/python bench/registry_sources.py                       # 100 000 of each
    .venv/bin/python bench/registry_sources.py --contracts 20000 --companies 20000

Generates its own synthetic input in the real formats — contracts as
``export/contract`` XML files, one per contract, in zip archives of 1000
as the ЕИС publishes them; FtM as ``ru_egrul``-shaped JSON lines, each
company with a director and two founders (6 lines per company) in files of
10 000 companies — then, each in a fresh subprocess, a first load into an
empty store and a re-load of the same files. Peak RSS is the subprocess's
own (``ru_maxrss``) and that of its parser processes.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONTRACT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns2:export xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/export/1">
  <ns2:contract schemeVersion="7.0">
    <id>{i}</id><publishDate>2024-02-01T10:00:00+03:00</publishDate>
    <customer><regNum>0339300000{i:06d}</regNum><fullName>АДМИНИСТРАЦИЯ ОКРУГА № {i}</fullName>
      <inn>{customer}</inn><kpp>420501001</kpp></customer>
    <signDate>2024-01-{day:02d}</signDate><regNum>{reg}</regNum>
    <priceInfo><price>{price}.50</price><currency><code>RUB</code></currency></priceInfo>
    <products><product><name>Поставка товара {i}</name><price>10.00</price></product></products>
    <suppliers><supplier><legalEntityRF><fullName>ООО "ПОСТАВЩИК {i}"</fullName>
      <INN>{supplier}</INN><KPP>420501001</KPP></legalEntityRF></supplier></suppliers>
  </ns2:contract>
</ns2:export>
"""


def write_contracts(folder: Path, count: int) -> None:
    from zorko.identifiers import make_inn

    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, 1000):
        with zipfile.ZipFile(folder / f"contracts_{start:07d}.zip", "w",
                             zipfile.ZIP_DEFLATED) as archive:
            for i in range(start, min(start + 1000, count)):
                reg = f"3420500003024{i:06d}"
                archive.writestr(f"contract_{reg}.xml", CONTRACT.format(
                    i=i, reg=reg, day=i % 28 + 1, price=1000 + i,
                    customer=make_inn(f"42{i % 1000:07d}", person=False),
                    supplier=make_inn(f"77{i:07d}", person=False)))


def write_ftm(folder: Path, count: int) -> None:
    from zorko.identifiers import make_inn, make_ogrn

    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, 10_000):
        with open(folder / f"ru_egrul_{start:07d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(start, min(start + 10_000, count)):
                ogrn = make_ogrn(f"10242{i:07d}")
                company = f"ru-ogrn-{ogrn}"
                lines = [{"id": company, "schema": "Company", "properties": {
                    "name": [f'ООО "ТЕСТ {i}"'], "ogrnCode": [ogrn],
                    "innCode": [make_inn(f"42{i:07d}", person=False)], "kppCode": ["420501001"],
                    "incorporationDate": ["2010-01-01"], "jurisdiction": ["ru"],
                    "address": [f"650000, Кемеровская обл., г. Кемерово, ул. Тестовая, д. {i}"]}}]
                for k, share in ((1, "60"), (2, "40")):
                    person = f"ru-inn-{make_inn(f'42{i:07d}{k}', person=True)}"
                    lines.append({"id": person, "schema": "Person", "properties": {
                        "name": [f"Тестов{k} Тест Тестович {i}"], "lastName": [f"Тестов{k}"],
                        "firstName": ["Тест"], "fatherName": ["Тестович"],
                        "innCode": [person.removeprefix("ru-inn-")]}})
                    lines.append({"id": f"{company}-own-{k}", "schema": "Ownership", "properties": {
                        "owner": [person], "asset": [company], "percentage": [share]}})
                    if k == 1:
                        lines.append({"id": f"{company}-dir", "schema": "Directorship",
                                      "properties": {"director": [person],
                                                     "organization": [company],
                                                     "role": ["ДИРЕКТОР"]}})
                out.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


def child(source: str, folder: str, db: str) -> None:
    from zorko.registry import loader

    started = time.monotonic()
    result = loader.load(source, [folder], db_path=db)
    print(json.dumps({
        "seconds": time.monotonic() - started, "records": result.totals.records,
        "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "workers_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }))


def measure(source: str, folder: Path, db: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", source, str(folder), str(db)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the input")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="zorko-sources-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cases = (("contracts", args.contracts, write_contracts, "контрактов"),
             ("ftm", args.companies, write_ftm, "компаний FtM"))
    print(f"{'источник':>14} | {'записей':>8} | {'МБ':>6} | {'загрузка, с':>11} | {'зап./с':>7} | "
          f"{'повтор, с':>9} | {'RSS, МБ':>7} | {'RSS разбора, МБ':>15}")
    for source, count, write, label in cases:
        if not count:
            continue
        folder = work / source
        shutil.rmtree(folder, ignore_errors=True)
        write(folder, count)
        mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        db = work / f"{source}.duckdb"
        for suffix in ("", ".wal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        first = measure(source, folder, db)
        again = measure(source, folder, db)
        rss = max(first["rss_kb"], again["rss_kb"]) / 1024
        print(f"{label:>14} | {count:>8,} | {mb:>6.0f} | {first['seconds']:>11.1f} | "
              f"{count / first['seconds']:>7,.0f} | {again['seconds']:>9.2f} | {rss:>7.0f} | "
              f"{first['workers_rss_kb'] / 1024:>15.0f}", flush=True)
    print(f"\nфайлы: {work}")


if __name__ == "__main__":
    main()
