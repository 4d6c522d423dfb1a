"""Screenshots of Zorko's main pages for docs/screenshots/, so the look can be reviewed.

Usage (a running Zorko with the demo data, e.g. after `make demo`):
    .venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8000 --user demo --password …

The browser is the system Chromium (/usr/bin/chromium) driven by playwright; the window is
1280 px wide, and the findings and people lists are also taken at 1024 px.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
# (file name, address; a "first:" address opens the first link the list page shows under that selector)
PAGES = [
    ("home", "/"),
    ("people", "/people/"),
    ("servant-card", "first:/people/ table.people tbody a"),
    ("findings", "/findings/"),
    ("finding", "first:/findings/?status=new table.findings tbody td a[href^='/findings/']"),
    ("registry", "/registry/"),
    ("kpi", "/kpi/"),
    ("journals", "/journals/"),
    ("commission", "/commission/"),
    ("declarations", "/declarations/"),
    ("program", "/program/"),
    ("audit", "/audit/"),
]
NARROW = {"people", "findings"}


def _open(page: Any, base: str, address: str) -> None:
    if address.startswith("first:"):
        listing, selector = address[len("first:"):].split(" ", 1)
        page.goto(base + listing)
        address = page.locator(selector).first.get_attribute("href") or listing
    page.goto(base + address)
    page.wait_for_load_state("networkidle")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--user", default="demo")
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    base = args.url.rstrip("/")
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ru-RU")
        page.goto(base + "/login/")
        page.fill("input[name=username]", args.user)
        page.fill("input[name=password]", args.password)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        if re.search(r"/login/", page.url):
            print("screenshots: вход не удался — проверьте логин и пароль", file=sys.stderr)
            return 1
        for name, address in PAGES:
            _open(page, base, address)
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
            if name in NARROW:
                page.set_viewport_size({"width": 1024, "height": 768})
                page.screenshot(path=str(args.out / f"{name}-1024.png"), full_page=False)
                page.set_viewport_size({"width": 1280, "height": 900})
            print(f"screenshots: {name}.png ← {page.url}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
