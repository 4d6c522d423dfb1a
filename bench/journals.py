"""Benchmark: registering journal entries, the journal list page and the XLSX export at a large size.

    .venv/bin/python bench/journals.py [--entries 5000] [--renders 5]

Runs in a throw-away data directory (SQLite). Builds the demo people (420
servants), registers ``--entries`` gift notices through the service (numbers,
deadlines on the working-day calendar, audit), then prints the seconds per
registration, the median time of the list page (overdue first, 50 a page) as
an inspector, and the time of the whole journal's XLSX export.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--renders", type=int, default=5)
    args = parser.parse_args()
    os.environ["ZORKO_DATA_DIR"] = tempfile.mkdtemp(prefix="zorko-bench-journals-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    os.environ.setdefault("ZORKO_ALLOWED_HOSTS", "testserver,127.0.0.1")
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from zorko.accounts.roles import INSPECTOR, ensure_groups
    from zorko.cli.core import init_database
    from zorko.demo.people_build import build_demo
    from zorko.journals.export import export_journal
    from zorko.journals.models import JournalEntry, Kind
    from zorko.journals.services import register_entry
    from zorko.people.models import Servant

    init_database()
    build_demo(1, 420)
    servants = list(Servant.objects.all()[:400])
    today = date.today()
    started = time.perf_counter()
    for n in range(args.entries):
        received = today - timedelta(days=n % 365)
        register_entry(Kind.GIFT, servants[n % len(servants)], received, f"Подарок № {n}", None,
                       registered_on=received, event_on=received - timedelta(days=1))
    took = time.perf_counter() - started
    print(f"{'registration, per entry':<36} {took / args.entries * 1000:8.2f} ms ({args.entries} entries)")

    ensure_groups()
    user = User.objects.create_user("bench-inspector", password="x")
    user.groups.add(Group.objects.get(name=INSPECTOR))
    client = Client()
    client.force_login(user)
    times = []
    for _ in range(args.renders):
        started = time.perf_counter()
        assert client.get("/journals/?kind=gift").status_code == 200
        times.append(time.perf_counter() - started)
    print(f"{'list page, median / worst':<36} {statistics.median(times) * 1000:8.1f} / {max(times) * 1000:.1f} ms")
    started = time.perf_counter()
    data = export_journal(Kind.GIFT, JournalEntry.objects.all())
    print(f"{'XLSX export of the journal':<36} {time.perf_counter() - started:8.2f} s ({len(data) // 1024} KB)")


if __name__ == "__main__":
    main()
