"""The guard of issue 14 §1: every page, export and document of the demo reads as Russian.

The demo municipality is built (small), every page reachable from the home page and
from the URL configuration (filled with the demo's ids) is read as each role, and
every download met on the way (CSV, XLSX, PDF, DOCX, JSON) is opened and its text
read. The test fails on an internal code, an ISO date, a dot decimal or an English
word a user would see, and names the URL where it was seen.
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from tests.attack import routes
from tests.russian_text import download_text, problems
from zorko.accounts.roles import ROLE_CAPABILITIES

pytestmark = pytest.mark.django_db

DOWNLOADS = ("text/csv", "application/vnd.openxmlformats", "application/pdf", "application/json",
             "application/zip", "application/octet-stream")
SKIP = re.compile(r"/logout|/static/|/admin/|^/tasks/\d+/cancel")
PER_SHAPE = 2  # pages of one shape (ids apart) read per role: the same template otherwise


class _Text(HTMLParser):
    """Visible text of a page (no scripts or styles) and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in ("script", "style", "textarea", "pre", "code"):  # code, or a JSON setting an admin edits
            self._hidden += 1
        if tag == "a" and attr.get("href"):
            self.links.append(str(attr["href"]))
        for name in ("title", "placeholder", "aria-label", "alt"):
            if attr.get(name):
                self.parts.append(str(attr[name]))
        if tag == "input" and attr.get("type") in ("submit", "button") and attr.get("value"):
            self.parts.append(str(attr["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "textarea", "pre", "code"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def _demo_ids() -> dict[str, str]:
    from zorko.findings.models import Finding
    from zorko.people.models import Relative, Servant

    ids: dict[str, str] = {}
    finding = Finding.objects.filter(relative__isnull=False).order_by("pk").first()
    if finding:
        ids.update(finding_id=str(finding.pk), servant_id=str(finding.servant_id),
                   relative_id=str(finding.relative_id))
        if finding.subject_ogrn:
            ids["ogrn" if len(finding.subject_ogrn) == 13 else "ogrnip"] = finding.subject_ogrn
    ids.setdefault("servant_id", str(Servant.objects.order_by("pk").values_list("pk", flat=True).first()))
    ids.setdefault("relative_id", str(Relative.objects.order_by("pk").values_list("pk", flat=True).first()))
    return ids


def _start_urls(ids: dict[str, str]) -> list[str]:
    urls = ["/"]
    for route, _view in routes():
        route = route.lstrip("^").rstrip("$").replace("\\.", ".")
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if all(n in ids for n in names) and "(?P" not in route:
            urls.append("/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ids[m.group(1)], route))
    return urls


def _shape(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k and not k.startswith("page="))
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def _crawl(client: Any, starts: list[str], found: dict[str, list[str]], read: set[str]) -> int:
    queue, seen, shapes, pages = list(starts), set(starts), {}, 0
    while queue:
        url = queue.pop(0)
        shape = _shape(url)
        if shapes.get(shape, 0) >= PER_SHAPE or SKIP.search(url):
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        if shape in read:  # a download read once is enough: the roles see the same file
            continue
        response = client.get(url)
        pages += 1
        ctype = response.get("Content-Type", "")
        if response.status_code != 200:
            continue
        if ctype.startswith("text/html"):
            parser = _Text()
            parser.feed(response.content.decode())
            text = "\n".join(parser.parts)
            for link in parser.links:
                target = urljoin(url, link)
                if target.startswith("/") and target not in seen:
                    seen.add(target.split("#")[0])
                    queue.append(target.split("#")[0])
        elif ctype.startswith(DOWNLOADS) or "attachment" in response.get("Content-Disposition", ""):
            read.add(shape)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = download_text(body, ctype, response.get("Content-Disposition", ""))
        else:
            continue
        for what, context in problems(text):
            found.setdefault(f"{re.sub(r'[?].*', '', shape)}: {what}", [f"{url} «…{context}…»"])
    return pages


@pytest.fixture
def demo_municipality(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Its own data folder: the demo registry must not stay behind for the tests that run after.
    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    from zorko.demo.candidates import load_demo_sources
    from zorko.demo.declarations import build_demo_declarations
    from zorko.demo.journals import build_journals_demo
    from zorko.demo.people_build import build_demo
    from zorko.demo.program import build_program_demo
    from zorko.demo.registry_demo import load_demo_registry

    build_demo(1, 40)
    load_demo_registry(1, 40)
    load_demo_sources(1)
    build_demo_declarations(1)
    build_journals_demo(1)
    build_program_demo(1)


def test_every_page_export_and_document_of_the_demo_reads_as_russian(demo_municipality: None, client: Any,
                                                                     make_user: Any) -> None:
    ids = _demo_ids()
    starts = _start_urls(ids)
    found: dict[str, list[str]] = {}
    read: set[str] = set()
    pages = 0
    for role in sorted(ROLE_CAPABILITIES):
        client.force_login(make_user(role))
        pages += _crawl(client, starts, found, read)
    # The crawl reached the pages, the exports and the documents.
    assert pages > 100 and {"/people/N/report.pdf?", "/people/N/report.docx?", "/findings/export.csv?",
                            "/audit/export.csv?", "/findings/export.xlsx?"} <= read, (pages, sorted(read))
    report = "\n".join(f"{p}  ← {where[0]}" for p, where in sorted(found.items()))
    assert not found, f"{len(found)} мест не по-русски:\n{report}"


@pytest.mark.parametrize("text, bad", [
    ("Правило relative_supplier", True), ("Значимость: high", True), ("с 2026-12-05", True),
    ("1695612.71 руб.", True), ("оценка 0.90", True), ("строка 2.10, ОКВЭД 46.90", False), ("Usage: zorko", True), ("Мать служащей, 05.12.2026, 1 695 612,71 руб.", False),
    ("файл zorko_findings.csv, /findings/export/", False), ("версия 1.2.3", False),
])
def test_the_guard_tells_russian_from_codes(text: str, bad: bool) -> None:
    assert bool(list(problems(text))) is bad
