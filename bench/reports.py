"""Benchmark: the KPI dashboard, the link graph and «Отчет о проверке ФЛ» on a municipality.

    .venv/bin/python bench/reports.py [--servants 500] [--relatives 3] [--findings 300] [--reports 20]
                                      [--batch-format pdf|docx] [--no-batch]

Creates a throw-away SQLite case database (or uses ZORKO_DATABASE_URL) with
servants in 10 organisations, their relatives, a screening of everyone and
findings with evidence (a third of them reviewed), then prints how long the
KPI computation for a year, the per-organisation table, a servant's graph and
the PDF and DOCX reports take, and the reports' sizes. Then the batch
«Отчет о проверке ФЛ» for every servant as one ZIP (the background job's
writer): total time, reports per second, the ZIP size, and the process's
resident memory after 10 %, 50 % and 100 % of the reports with the peak —
flat memory means the figures stay level while the ZIP grows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def setup(work: Path) -> None:
    os.environ.setdefault("ZORKO_DATA_DIR", str(work))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def populate(servants: int, relatives: int, findings: int) -> list[Any]:
    import hashlib
    import random
    from datetime import date

    from zorko.findings.models import Finding, FindingDecision, ScreenedPerson, ScreeningRun
    from zorko.people.models import Organisation, Relative, Servant

    rnd = random.Random(7)
    orgs = [Organisation.objects.create(name=f"Управление № {i}", inn=f"42050{i:05d}") for i in range(10)]
    lasts = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Шевченко", "Ким", "Белых"]
    firsts = ["Иван", "Пётр", "Сергей", "Олег", "Андрей"]
    people = [Servant(last_name=rnd.choice(lasts), first_name=rnd.choice(firsts), middle_name="Иванович",
                      personnel_number=f"B{i:06d}", organisation=orgs[i % 10]) for i in range(servants)]
    for p in people:
        p.name_norm = p.full_name.lower()
    Servant.objects.bulk_create(people)
    people = list(Servant.objects.order_by("pk"))
    rels = [Relative(servant=s, kinship="wife" if k == 0 else "son", last_name=s.last_name + "а",
                     first_name="Мария", middle_name="Петровна", name_norm="") for s in people
            for k in range(relatives)]
    Relative.objects.bulk_create(rels)
    run = ScreeningRun.objects.create(scope="all", registry_as_of={"egrul": str(date.today()),
                                                                    "contracts": str(date.today())})
    ScreenedPerson.objects.bulk_create(ScreenedPerson(run=run, servant=s, relatives_checked=relatives,
                                                      registry_oldest=date.today()) for s in people)
    rows = []
    for i in range(findings):
        s = people[rnd.randrange(len(people))]
        ogrn = f"10242000{i:05d}"
        rows.append(Finding(
            key=hashlib.sha256(f"{i}".encode()).hexdigest(), rule="relative_supplier", severity="high",
            score=0.9, servant=s, subject_kind="company", subject_ogrn=ogrn, subject_name=f"ООО «ПОСТАВЩИК {i}»",
            explanation="Супруга служащего — учредитель поставщика", evidence_hash=str(i), last_run=run,
            evidence={"subject": {"kind": "company", "ogrn": ogrn, "name": f"ООО «ПОСТАВЩИК {i}»"},
                      "registry": [{"role": "founder", "last_name": s.last_name.upper(), "first_name": "МАРИЯ"}],
                      "match": {"score": 0.9, "confidence": "strong", "explanation": ["ФИО совпадает"]},
                      "contracts": [{"reg_num": f"34205000007260{i:05d}", "sign_date": "2026-03-10",
                                     "price": "150000.00", "subject": "Поставка"}],
                      "organisation": {"inn": s.organisation.inn, "name": s.organisation.name},
                      "graph_path": [f"servant:s:{s.pk}", f"company:{ogrn}", f"contract:34205000007260{i:05d}",
                                     f"organisation:{s.organisation.inn}"]}))
    Finding.objects.bulk_create(rows)
    reviewed = list(Finding.objects.all()[: findings // 3])
    FindingDecision.objects.bulk_create(FindingDecision(finding=f, from_status="new", to_status="dismissed",
                                                        reason="bench") for f in reviewed)
    Finding.objects.filter(pk__in=[f.pk for f in reviewed]).update(status="dismissed")
    return people


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _rss_mib() -> float:
    """Resident memory of this process now (Linux), in MiB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def batch(fmt: str) -> None:
    import resource

    from zorko.people.models import Servant
    from zorko.program.batch import default_workers, exports_dir, select, write_batch

    servants = select("selection", numbers=list(Servant.objects.values_list("personnel_number", flat=True)))
    total = servants.count()
    marks = {max(1, total // 10): "10 %", max(1, total // 2): "50 %", total: "100 %"}
    memory: list[str] = []

    def progress(done: int, _total: int | None = None, _message: str = "") -> None:
        if done in marks:
            memory.append(f"{marks[done]} {_rss_mib():.0f} MiB")

    def cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    out = exports_dir() / f"bench-batch.{fmt}.zip"
    workers = default_workers()
    started, cpu_before = time.perf_counter(), cpu()
    count = write_batch(servants, fmt, out, progress=progress, workers=workers)
    seconds, cpu_seconds = time.perf_counter() - started, cpu() - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(f"batch {fmt.upper()} ZIP: {count} reports in {seconds:.1f} s wall ({count / seconds:.1f}/s), "
          f"{cpu_seconds:.1f} s CPU in {workers} worker(s) on {os.cpu_count()} cores (load average {load:.1f}: "
          f"on an idle machine the wall time is about CPU / cores); ZIP {out.stat().st_size / 2**20:.1f} MiB")
    print(f"  memory of the ZIP writer after {', '.join(memory)}; peak {peak:.0f} MiB; "
          f"peak of a worker {workers_peak:.0f} MiB (target: 500 servants ≤ 120 s, memory flat)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--servants", type=int, default=500)
    parser.add_argument("--relatives", type=int, default=3)
    parser.add_argument("--findings", type=int, default=300)
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--batch-format", choices=["pdf", "docx"], default="pdf")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch ZIP of every servant")
    args = parser.parse_args()
    setup(Path(tempfile.mkdtemp(prefix="zorko-bench-reports-")))

    from django.utils import timezone

    from zorko.findings import kpi
    from zorko.findings.graph_data import servant_graph_json
    from zorko.findings.models import Finding
    from zorko.reports.person_report import build_report
    from zorko.reports.writer import writer_for

    started = time.perf_counter()
    populate(args.servants, args.relatives, args.findings)
    print(f"data: {args.servants} servants, {args.servants * args.relatives} relatives, "
          f"{args.findings} findings — created in {time.perf_counter() - started:.1f} s")
    year = timezone.localdate().year
    t, months = timed(lambda: kpi.monthly(year), 3)
    current = [m for m in months if m.checked is not None][-1]
    print(f"KPI, 12 months of {year}: {t * 1000:.0f} ms "
          f"(checked by the end of month {current.month}: {current.checked} of {current.total})")
    t, _ = timed(lambda: kpi.by_organisation(year, timezone.localdate().month), 3)
    print(f"KPI by organisation, one month: {t * 1000:.0f} ms")
    busiest = Finding.objects.values_list("servant", flat=True).order_by("servant").first()
    from zorko.people.models import Servant

    servant = Servant.objects.get(pk=busiest)
    t, graph = timed(lambda: servant_graph_json(servant), 5)
    print(f"graph of one servant: {t * 1000:.1f} ms ({len(graph['nodes'])} nodes)")
    for fmt in ("pdf", "docx"):
        writer = writer_for(fmt)
        sizes, times = [], []
        for s in Servant.objects.filter(findings__isnull=False).distinct()[: args.reports]:
            t0 = time.perf_counter()
            sizes.append(len(writer.write(build_report(s))))
            times.append(time.perf_counter() - t0)
        print(f"report {fmt.upper()}: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms over {len(times)} persons; median size {statistics.median(sizes) / 1024:.0f} KiB")

    if not args.no_batch:
        batch(args.batch_format)


if __name__ == "__main__":
    main()
