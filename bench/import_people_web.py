"""Benchmark: the web import of 5,000 servants with 25,000 relatives, as a browser goes through it.

    .venv/bin/python bench/import_people_web.py [--servants 5000] [--relatives 25000] [--format xlsx|csv]

Prints the time of the preview (upload, check, compare), of the confirmation
(until the redirect to the job page), of the job itself, and what a page
polling the job's progress every 0.2 s saw meanwhile (slowest answer, the
progress values). Files are made as in ``bench/import_people.py``; the
database is a throw-away SQLite one (or ZORKO_DATABASE_URL if set).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


def poll(client: Any, url: str, stop: threading.Event, seen: list[tuple[float, dict[str, Any]]]) -> None:
    from django.db import connection

    while not stop.is_set():
        t0 = time.perf_counter()
        answer = client.get(url, {"format": "json"}).json()
        seen.append((time.perf_counter() - t0, answer))
        stop.wait(0.2)
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--servants", type=int, default=5000)
    parser.add_argument("--relatives", type=int, default=25000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="zorko-bench-"))
    os.environ.setdefault("ZORKO_DATA_DIR", str(work / "data"))
    subprocess.run([sys.executable, str(BENCH / "import_people.py"), "--generate", str(work), "--servants",
                    str(args.servants), "--relatives", str(args.relatives), "--format", args.format],
                   check=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from zorko.accounts.roles import ensure_groups
    from zorko.cli.core import init_database
    from zorko.tasks import queue

    init_database()
    settings.ALLOWED_HOSTS = ["*"]
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
          f"{args.servants} servants, {args.relatives} relatives, {args.format}")
    user = User.objects.create_user("bench-hr", password="bench-password-1")
    ensure_groups()
    user.groups.add(Group.objects.get(name="hr"))
    client = Client()
    client.force_login(user)
    files = {role: SimpleUploadedFile(f"{role}.{args.format}", (work / f"{role}.{args.format}").read_bytes())
             for role in ("servants", "relatives")}

    t0 = time.perf_counter()
    preview = client.post("/people/import/", files)
    t1 = time.perf_counter()
    assert preview.status_code == 200, preview.content[:500]
    token = re.search(r'name="token" value="([^"]+)"', preview.content.decode())
    assert token is not None
    confirm = client.post("/people/import/confirm/", {"token": token.group(1)})
    t2 = time.perf_counter()
    assert confirm.status_code == 302, confirm.status_code
    print(f"preview (upload, check, compare, page): {t1 - t0:.2f} s")
    print(f"confirm until the redirect to {confirm['Location']}: {(t2 - t1) * 1000:.0f} ms "
          "(before: the whole import ran in this request)")

    watcher = Client()
    watcher.force_login(user)
    stop, seen = threading.Event(), []
    thread = threading.Thread(target=poll, args=(watcher, confirm["Location"], stop, seen))
    thread.start()
    t3 = time.perf_counter()
    queue.run_pending()
    t4 = time.perf_counter()
    stop.set()
    thread.join()
    final = watcher.get(confirm["Location"], {"format": "json"}).json()
    print(f"job: {t4 - t3:.2f} s, {final['status']}: {final['message']}; result: "
          + ", ".join(f"{k} {v}" for k, v in final["result"].items() if k != "message"))
    progress = [f"{a['done']}/{a['total']}" for _, a in seen if a["status"] == "running"]
    print(f"progress page polled {len(seen)} times, slowest answer {max(s for s, _ in seen):.2f} s; "
          f"progress seen while running: {' '.join(dict.fromkeys(progress)) or 'none'}")


if __name__ == "__main__":
    main()
