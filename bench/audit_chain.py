"""Benchmark: appending to the hash-chained audit log and verifying the whole chain.

    .venv/bin/python bench/audit_chain.py [--events 100000] [--appends 500]

Creates a throw-away SQLite case database (or uses ZORKO_DATABASE_URL), writes
``--events`` chained events in bulk (as a year of a municipality's use would),
then prints how long ``record()`` takes per event and how long the full
verification (``zorko audit verify``, and the home page of administrators) takes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--appends", type=int, default=500)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="zorko-bench-audit-"))
    os.environ.setdefault("ZORKO_DATA_DIR", str(work))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.utils import timezone

    from zorko.audit.chain import GENESIS, content_hash, verify
    from zorko.audit.log import record
    from zorko.audit.models import AuditChainHead, AuditEvent

    prev, batch = GENESIS, []
    started = time.perf_counter()
    for n in range(args.events):
        event = AuditEvent(at=timezone.now(), username=f"inspector{n % 20}", action="person.view",
                           object_type="people.servant", object_id=str(n), object_repr=f"Иванов Иван {n}",
                           details={"page": "findings"}, ip="10.0.0.1")
        event.prev_hash, event.hash = prev, content_hash(prev, event)
        prev = event.hash
        batch.append(event)
        if len(batch) == 5000:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    AuditEvent.objects.bulk_create(batch)
    AuditChainHead.objects.update_or_create(pk=1, defaults={"hash": prev, "count": args.events})
    print(f"events written in bulk: {args.events} in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    for n in range(args.appends):
        record(None, "login.failed", username=f"u{n}", reason="password")
    per_event = (time.perf_counter() - started) / args.appends * 1000
    print(f"record(): {per_event:.2f} ms per event ({args.appends} events)")

    started = time.perf_counter()
    report = verify()
    elapsed = time.perf_counter() - started
    print(f"verify: {report.checked} events in {elapsed:.2f} s "
          f"({report.checked / elapsed:,.0f} events/s), intact={report.intact}")
    from zorko.web.core.dashboard import AUDIT_QUICK_CHECK

    started = time.perf_counter()
    report = verify(newest=AUDIT_QUICK_CHECK)
    print(f"home page quick check of the newest {AUDIT_QUICK_CHECK}: "
          f"{time.perf_counter() - started:.2f} s, intact={report.intact}")


if __name__ == "__main__":
    main()
