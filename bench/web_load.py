"""Load test: 20 inspectors browse and review in `zorko serve` on PostgreSQL while a full
screening and a registry load run. Prints p50 / p95 per page and the error count.

    .venv/bin/pip install -c constraints.txt -e ".[bench]"      # locust
    .venv/bin/python bench/web_load.py [--users 20] [--duration 120] [--servants 420]
                                       [--companies 30000] [--database-url URL]

Without ``--database-url`` it starts a throw-away PostgreSQL cluster with
``scripts/pgtest`` (port ``ZORKO_PGTEST_PORT``) and stops it at the end (unless it was running).
Steps: ``zorko demo`` on a fresh database and data directory, one account
per inspector, ``zorko serve`` on a free loopback port, then locust (as a
library, headless) with the inspectors: home, findings list, finding page,
servant card, KPI, registry search, and reviewing findings (take into review,
dismiss with a reason). A few seconds in, ``zorko check --all`` and
``zorko registry load egrul`` of generated extracts (``--companies``) start as
subprocesses; their times and exit codes are printed. Target: p95 ≤ 500 ms
per page and no errors. All traffic goes to 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import urlparse, urlunparse  # noqa: E402

import gevent  # noqa: E402
from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Нагрузка-пароль-1"
SEARCHES = ["ООО", "Строй", "Иванов", "Сервис", "Торг", "Кузбасс"]
FINDING = re.compile(r'href="/findings/(\d+)/"')
CARD = re.compile(r'href="/people/(\d+)/"')
TARGET_P95_MS = 500


# One process for all accounts: a `zorko user add` per inspector starts Django twenty times.
ACCOUNTS = """
import sys, django
django.setup()
from django.contrib.auth.models import Group, User
from zorko.accounts.roles import ensure_groups
ensure_groups()
for name in sys.argv[2:]:
    User.objects.create_user(name, password=sys.argv[1]).groups.add(Group.objects.get(name="inspector"))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def zorko(env: dict[str, str], *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zorko", *args], env=env, cwd=ROOT, text=True,
                          capture_output=True, check=True, **kwargs)


class Inspector(HttpUser):
    """One inspector: logs in, then browses and reviews with a think time of 1–3 s."""

    wait_time = between(1, 3)
    accounts: list[str] = []
    logged_in = 0

    def on_start(self) -> None:
        username = self.accounts.pop()
        self.client.get("/login/", name="login")
        answer = self.client.post("/login/", name="login", data={
            "username": username, "password": PASSWORD,
            "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")})
        if "/login/" in answer.url:
            raise RuntimeError(f"login of {username} failed")
        self.findings: list[str] = []
        self.cards: list[str] = []
        self.findings_list()
        Inspector.logged_in += 1

    def _ids(self, page: str, pattern: re.Pattern[str]) -> list[str]:
        return sorted(set(pattern.findall(page)))

    @task(2)
    def home(self) -> None:
        self.client.get("/", name="главная")

    @task(3)
    def findings_list(self) -> None:
        page = self.client.get("/findings/", name="срабатывания").text
        self.findings = self._ids(page, FINDING) or self.findings
        self.cards = self._ids(page, CARD) or self.cards

    @task(4)
    def finding_page(self) -> None:
        if self.findings:
            self.client.get(f"/findings/{random.choice(self.findings)}/", name="срабатывание")

    @task(3)
    def card(self) -> None:
        if self.cards:
            self.client.get(f"/people/{random.choice(self.cards)}/", name="карточка служащего")

    @task(1)
    def kpi(self) -> None:
        self.client.get("/kpi/", name="KPI")

    @task(2)
    def registry_search(self) -> None:
        # POST, as the page sends it (an ИНН never goes into a URL); a GET only shows the empty form.
        self.client.post("/registry/search/", name="поиск в реестрах", data={
            "q": random.choice(SEARCHES), "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")})

    @task(1)
    def review(self) -> None:
        if not self.findings:
            return
        finding = random.choice(self.findings)
        token = self.client.cookies.get("csrftoken", "")
        # A refused transition (another inspector was first) still answers with the finding page.
        self.client.post(f"/findings/{finding}/review/", name="рассмотрение (POST)",
                         data={"to_status": "in_review", "csrfmiddlewaretoken": token})
        self.client.post(f"/findings/{finding}/review/", name="рассмотрение (POST)",
                         data={"to_status": "dismissed", "reason": "Проверено при нагрузочном тесте",
                               "csrfmiddlewaretoken": token})


def start_postgres(args: argparse.Namespace) -> tuple[str, bool]:
    if args.database_url:
        return args.database_url, False
    port = int(os.environ.get("ZORKO_PGTEST_PORT", "55432"))
    with socket.socket() as s:
        running = s.connect_ex(("127.0.0.1", port)) == 0  # left running for others: leave it so
    out = subprocess.run([str(ROOT / "scripts" / "pgtest"), "start"], check=True, text=True,
                         capture_output=True).stdout.strip()
    return out, not running


def fresh_database(server_url: str) -> str:
    import psycopg

    admin = urlunparse(urlparse(server_url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute('DROP DATABASE IF EXISTS "zorko_load" WITH (FORCE)')
        con.execute('CREATE DATABASE "zorko_load"')
    return urlunparse(urlparse(server_url)._replace(path="/zorko_load"))


def wait_for(port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError("zorko serve did not start")


class Background:
    """A CLI command started during the test; remembers its duration and exit code."""

    def __init__(self, label: str, env: dict[str, str], *args: str) -> None:
        self.label = label
        self.started = time.monotonic()
        self.proc = subprocess.Popen([sys.executable, "-m", "zorko", *args], env=env, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.seconds: float | None = None

    def poll(self) -> None:
        if self.seconds is None and self.proc.poll() is not None:
            self.seconds = time.monotonic() - self.started

    def report(self) -> str:
        out = self.proc.communicate(timeout=1800)[0].strip().splitlines()
        self.poll()
        last = out[-1] if out else ""
        return f"{self.label}: {self.seconds:.0f} s, exit code {self.proc.returncode}; {last}"


def run_load(base: str, users: int, duration: float, longest: float, start_jobs: Any) -> Environment:
    """Log everybody in, then measure from the start of the background jobs until they end
    (at least ``duration``, at most ``longest`` seconds)."""
    env = Environment(user_classes=[Inspector], host=base)
    runner = env.create_local_runner()
    # Logins hash passwords (hundreds of ms of CPU each): spread them, and keep them out of the figures.
    runner.start(users, spawn_rate=max(1, users // 10))
    clock = time.monotonic()
    while Inspector.logged_in < users and time.monotonic() - clock < 300:
        gevent.sleep(0.5)
    login = env.stats.entries.get(("login", "POST"))
    if login is not None:
        print(f"{Inspector.logged_in} inspectors logged in in {time.monotonic() - clock:.0f} s "
              f"(login p50 {login.get_response_time_percentile(0.5):.0f} ms)")
    env.stats.reset_all()
    jobs = start_jobs()
    started = time.monotonic()
    while True:
        for job in jobs:
            job.poll()
        elapsed = time.monotonic() - started
        if elapsed > longest or (elapsed > duration and all(j.seconds is not None for j in jobs)):
            break
        gevent.sleep(0.5)
    print(f"measured for {elapsed:.0f} s while the background jobs ran")
    runner.quit()
    env.jobs = jobs  # type: ignore[attr-defined]
    return env


def print_stats(env: Environment) -> int:
    print(f"\n{'страница':<24} {'запросов':>8} {'ошибок':>7} {'p50, мс':>8} {'p95, мс':>8}")
    errors = 0
    slow = []
    for entry in sorted(env.stats.entries.values(), key=lambda e: e.name):
        if not entry.num_requests:
            continue  # the logins, measured before the reset
        p50 = entry.get_response_time_percentile(0.5)
        p95 = entry.get_response_time_percentile(0.95)
        errors += entry.num_failures
        print(f"{entry.name:<24} {entry.num_requests:>8} {entry.num_failures:>7} {p50:>8.0f} {p95:>8.0f}")
        if entry.name != "login" and p95 > TARGET_P95_MS:
            slow.append(entry.name)
    for error in env.stats.errors.values():
        print(f"  ошибка: {error.method} {error.name}: {error.error} × {error.occurrences}")
    print(f"ошибок всего: {errors}; страницы с p95 > {TARGET_P95_MS} мс: {', '.join(slow) or 'нет'}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60,
                        help="seconds of measured load at least (it lasts until the background jobs end)")
    parser.add_argument("--max-duration", type=float, default=600)
    parser.add_argument("--servants", type=int, default=420)
    parser.add_argument("--companies", type=int, default=30000, help="companies in the registry load")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-jobs", action="store_true",
                        help="browse without the screening and the load: the baseline to compare with")
    args = parser.parse_args()

    server_url, own_cluster = start_postgres(args)
    work = Path(tempfile.mkdtemp(prefix="zorko-load-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZORKO_")}
    env |= {"ZORKO_DATA_DIR": str(work / "data"), "ZORKO_DATABASE_URL": fresh_database(server_url),
            "ZORKO_PORT": str(port), "ZORKO_HOST": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "zorko.django_settings"}
    server = None
    try:
        clock = time.monotonic()
        zorko(env, "demo", "--servants", str(args.servants))
        print(f"zorko demo --servants {args.servants}: {time.monotonic() - clock:.0f} s", flush=True)
        Inspector.accounts = [f"inspector{i:02d}" for i in range(args.users)]
        subprocess.run([sys.executable, "-c", ACCOUNTS, PASSWORD, *Inspector.accounts], env=env, cwd=ROOT,
                       check=True)
        from zorko.demo.registry_random import write_egrul

        extracts = write_egrul(work / "egrul", args.companies)
        print(f"prepared in {time.monotonic() - clock:.0f} s: demo with {args.servants} servants, "
              f"{args.users} inspectors, {len(extracts)} ЕГРЮЛ files of {args.companies} companies")
        server = subprocess.Popen([sys.executable, "-m", "zorko", "serve"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wait_for(port)

        def start_jobs() -> list[Background]:
            if args.no_jobs:
                return []
            return [Background("zorko check --all", env, "check", "--all"),
                    Background("zorko registry load egrul", env, "registry", "load", "egrul",
                               str(work / "egrul"))]

        result = run_load(f"http://127.0.0.1:{port}", args.users, args.duration, args.max_duration, start_jobs)
        errors = print_stats(result)
        for job in result.jobs:  # type: ignore[attr-defined]
            running = " (still running when the measurement ended)" if job.seconds is None else ""
            print(job.report() + running)
        print(json.dumps({"errors": errors, "users": args.users, "duration": args.duration}))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if own_cluster:
            subprocess.run([str(ROOT / "scripts" / "pgtest"), "stop"], check=False)


if __name__ == "__main__":
    main()
