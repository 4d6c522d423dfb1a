"""Benchmark: `zorko demo` phase by phase, and the home page render time on the result.

    .venv/bin/python bench/demo.py [--servants 420] [--seed 1] [--renders 10]

Runs in a throw-away data directory (SQLite and DuckDB files). Prints the
seconds of each phase — people import, registry generation and files,
registry loads, screening — a second run (which must change nothing), and
the median and worst time of rendering the home page as the demo
administrator (all blocks shown).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--servants", type=int, default=420)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--renders", type=int, default=10)
    args = parser.parse_args()
    os.environ["ZORKO_DATA_DIR"] = tempfile.mkdtemp(prefix="zorko-bench-demo-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    os.environ.setdefault("ZORKO_ALLOWED_HOSTS", "testserver,127.0.0.1")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from zorko.cli.core import init_database
    from zorko.demo import registry_demo
    from zorko.demo.people import generate
    from zorko.demo.people_build import build_demo, ensure_demo_account
    from zorko.demo.registry_world import build

    def timed(label: str, fn, *a, **k):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        result = fn(*a, **k)
        print(f"{label:<42} {time.perf_counter() - started:7.2f} s")
        return result

    init_database()
    timed("people (import of the demo municipality)", build_demo, args.seed, args.servants)
    world = timed("registry world (companies, cases)", build, generate(args.seed, args.servants), args.seed)
    print(f"  companies {len(world.companies)}, entrepreneurs {len(world.entrepreneurs)}, "
          f"contracts {len(world.contracts)}, planted {len(world.planted)}")
    timed("registry files written", registry_demo.write_files, world,
          Path(settings.CONFIG.data_dir) / "bench-files", __import__("datetime").date.today())
    summary = timed("registry load + screening (whole step)", registry_demo.load_demo_registry,
                    args.seed, args.servants)
    print("  " + "\n  ".join(summary.lines()))
    again = timed("second run (nothing changes)", registry_demo.load_demo_registry, args.seed, args.servants)
    print(f"  screened again: {again.screened}")

    login, _ = ensure_demo_account(args.seed)
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username=login))
    client.get("/")
    times = []
    for _ in range(args.renders):
        started = time.perf_counter()
        assert client.get("/").status_code == 200
        times.append(time.perf_counter() - started)
    print(f"home page render: median {statistics.median(times) * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms over {args.renders}")


if __name__ == "__main__":
    main()
