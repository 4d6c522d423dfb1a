"""Screenshots of Zorko's main pages on the demo municipality, for review of the interface.

``make screenshots`` (or ``python scripts/screenshots.py [--out DIR]``) builds the demo into a
temporary data directory, starts ``zorko serve`` on a free port, logs in as the demo
administrator in Debian's headless Chromium and saves one PNG per page of ``PAGES`` at
1280×800 into ``docs/screenshots/``; ``docs/screenshots.md`` lists them. The PNGs are
palette-reduced so the set stays small enough to keep in git.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
WIDTH, HEIGHT = 1280, 800
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# (file name without .png, address with {servant_id} / {finding_id} from the demo, what it shows)
PAGES: list[tuple[str, str, str]] = [
    ("01-home", "/", "Главная страница: утренняя сводка инспектора"),
    ("02-people", "/people/", "Список служащих с поиском и фильтрами"),
    ("03-person", "/people/{servant_id}/", "Карточка служащего: анкета, родственники, срабатывания"),
    ("04-findings", "/findings/", "Срабатывания к рассмотрению, самые серьёзные первыми"),
    ("05-finding", "/findings/{finding_id}/", "Срабатывание: объяснение, запись реестра, решения"),
    ("06-graph", "/people/{servant_id}/findings/#graph", "Граф связей служащего с путём срабатывания"),
    ("07-kpi", "/kpi/", "Показатель: доля проверенных служащих против плана"),
    ("08-clarifications", "/clarifications/", "Запросы уточнения служащим"),
    ("09-registry", "/registry/", "Реестры: загрузки и свежесть сведений"),
    ("10-declarations", "/declarations/", "Кампания по справкам о доходах"),
    ("11-journals", "/journals/", "Журналы регистрации уведомлений"),
    ("12-commission", "/commission/", "Комиссия: дела, заседания, меры"),
    ("13-program", "/program/", "Программа: обучение и контрольные точки"),
    ("14-monitoring", "/program/monitoring/", "«Мониторинг-К» по кварталам"),
    ("15-audit", "/audit/", "Журнал аудита"),
    ("16-findings-1024", "/findings/", "Срабатывания в окне шириной 1024 пикселя: таблица помещается"),
    ("17-people-1024", "/people/", "Список служащих в окне шириной 1024 пикселя"),
]
NARROW = 1024  # the smallest window the interface is laid out for; pages named «-1024» are taken at it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_demo(env: dict[str, str]) -> str:
    """Run ``zorko demo``; the demo administrator's password it prints."""
    done = subprocess.run([sys.executable, "-m", "zorko", "demo"], env=env, capture_output=True, text=True,
                          check=True, timeout=600)
    found = re.search(r"логин: (\S+)\s+пароль: (\S+)", done.stdout)
    if not found:
        raise SystemExit(f"zorko demo не напечатал пароль:\n{done.stdout}\n{done.stderr}")
    return found.group(2)


def demo_ids(env: dict[str, str]) -> dict[str, str]:
    """A servant with a finding about a relative (the richest card and graph), read in a child process."""
    code = ("import django, json; django.setup()\n"
            "from django.db.models import Count\n"
            "from zorko.findings.models import Finding\n"
            "f = (Finding.objects.filter(active=True, relative__isnull=False)"
            ".annotate(n=Count('servant__findings')).order_by('-n', 'pk').first())\n"
            "print(json.dumps({'servant_id': f.servant_id, 'finding_id': f.pk}))")
    out = subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "zorko.django_settings"},
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return {k: str(v) for k, v in json.loads(out.strip().splitlines()[-1]).items()}


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("zorko serve завершился при запуске")
        try:
            urllib.request.urlopen(url + "/login/", timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"zorko serve не ответил за {seconds:.0f} с")


def shrink(path: Path) -> None:
    """Palette PNG: a screenshot of flat interface colours loses nothing visible and weighs a third."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def shoot(base: str, password: str, ids: dict[str, str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context(base_url=base, viewport={"width": WIDTH, "height": HEIGHT}, locale="ru-RU").new_page()
        page.set_default_timeout(30_000)
        page.goto("/login/")
        page.fill("input[name=username]", "demo")
        page.fill("input[name=password]", password)
        with page.expect_navigation():  # the login form's own button, whatever the page's styling
            page.locator("form:has(input[name=password]) [type=submit]").first.click()
        for name, address, _caption in PAGES:
            page.set_viewport_size({"width": NARROW if name.endswith(f"-{NARROW}") else WIDTH, "height": HEIGHT})
            response = page.goto(address.format(**ids), wait_until="networkidle")
            if response is None or response.status != 200:
                raise SystemExit(f"{address}: ответ {response.status if response else 'нет'}")
            if "#" in address:  # show the part of a long page the anchor names
                page.locator("#" + address.split("#", 1)[1]).evaluate("e => e.scrollIntoView()")
            page.wait_for_timeout(400)  # charts and the graph finish their animation
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            shrink(path)
            saved.append(path)
        browser.close()
    return saved


def _shown(address: str) -> str:
    """The address as a reader types it: «/people/<id>/», without the anchor."""
    return re.sub(r"\{\w+\}", "<id>", address.split("#")[0])


def write_index(out: Path) -> Path:
    """``screenshots.md`` beside the folder: one line per picture, in the order of ``PAGES``."""
    lines = ["# Снимки экранов", "",
             "Главные страницы Зорко на демо-данных (`make demo`), 1280×800. Обновляются командой",
             "`make screenshots` (скрипт `scripts/screenshots.py`): он создаёт демо во временной папке,",
             "запускает `zorko serve`, входит как администратор `demo` и снимает страницы в Chromium.", ""]
    lines += [f"- [{caption}]({out.name}/{name}.png) — `{_shown(address)}`" for name, address, caption in PAGES]
    index = out.parent / "screenshots.md"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description="Снимки экранов главных страниц Зорко на демо-данных.")
    parser.add_argument("--out", type=Path, default=OUT, help="папка для PNG (по умолчанию docs/screenshots)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zorko-shots-") as data_dir:
        port = free_port()
        env = {**os.environ, "ZORKO_DATA_DIR": data_dir, "ZORKO_PORT": str(port), "ZORKO_HOST": "127.0.0.1"}
        env.pop("ZORKO_DATABASE_URL", None)
        password = build_demo(env)
        ids = demo_ids(env)
        server = subprocess.Popen([sys.executable, "-m", "zorko", "serve"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, server)
            saved = shoot(base, password, ids, args.out)
        finally:
            server.terminate()
            server.wait(timeout=30)
    write_index(args.out)
    total = sum(p.stat().st_size for p in saved)
    print(f"Снимков: {len(saved)}, {total / 1024 / 1024:.1f} МБ в {args.out}")


if __name__ == "__main__":
    main()
