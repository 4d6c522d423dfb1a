"""The code keeps its form: one package per web area, shared infrastructure apart, generators in zorko/demo.

A new area is ``zorko/<area>/`` (domain) plus ``zorko/web/<area>/`` (urls,
views, forms) with one include line in ``zorko/web/urls.py``; these tests
fail when a page module lands at the top of ``zorko/web/`` again, when an
area package is not wired in, when two areas import each other, or when a
demo or synthetic-data generator is written outside ``zorko/demo/``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.urls import URLResolver

import zorko
from zorko.web import urls as root_urls

ZORKO = Path(zorko.__file__).parent
WEB = ZORKO / "web"
# Shared web infrastructure, used by every area; nothing here is a page of its own.
INFRASTRUCTURE = {"__init__", "access", "admin", "apps", "context", "downloads", "form_actions", "form_renderer",
                  "middleware", "params", "uploads", "urls"}
NOT_AREAS = {"migrations", "static", "templates", "templatetags", "__pycache__"}
AREA_MODULE = re.compile(r"(^views_|_views$|^urls_|_jobs$|^jobs_)")
GENERATOR = re.compile(r"^(demo|synthetic)")


def _areas() -> list[Path]:
    return sorted(p for p in WEB.iterdir() if p.is_dir() and p.name not in NOT_AREAS)


def test_no_page_module_at_the_top_of_the_web_package() -> None:
    modules = {p.stem for p in WEB.glob("*.py")}
    assert not [m for m in modules if AREA_MODULE.search(m)], "views, urls and jobs go into zorko/web/<area>/"
    assert modules <= INFRASTRUCTURE, (
        f"{sorted(modules - INFRASTRUCTURE)}: a page module goes into its area's package zorko/web/<area>/; "
        "shared infrastructure is listed in INFRASTRUCTURE")


def test_every_area_has_urls_and_views_and_one_include_line() -> None:
    included = [p.urlconf_module.__name__ for p in root_urls.urlpatterns
                if isinstance(p, URLResolver) and isinstance(p.urlconf_module, type(root_urls))]
    areas = _areas()
    assert {"core", "accounts", "audit", "people", "findings", "registry", "reports"} <= {a.name for a in areas}
    for area in areas:
        assert (area / "__init__.py").exists(), area
        assert (area / "urls.py").exists() and (area / "views.py").exists(), f"{area.name}: urls.py and views.py"
        assert included.count(f"zorko.web.{area.name}.urls") == 1, f"{area.name}: one include in zorko/web/urls.py"
    assert [name for name in included if name.startswith("zorko.web.")] == [
        name for name in included if re.fullmatch(r"zorko\.web\.\w+\.urls", name)]


def _web_areas_imported(area: Path) -> set[str]:
    found: set[str] = set()
    for source in area.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[:2] == ["zorko", "web"] and len(parts) > 2 and (WEB / parts[2]).is_dir():
                    found.add(parts[2])
    return found - {area.name} - NOT_AREAS


def test_web_areas_do_not_import_each_other_in_a_circle() -> None:
    graph = {area.name: _web_areas_imported(area) for area in _areas()}
    assert "findings" in graph["people"]  # the card shows the servant's findings: the check sees real imports

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
                   for nxt in graph.get(start, ()))

    circles = sorted(a for a in graph if reaches(a, a, {a}))
    assert not circles, f"web areas importing each other in a circle: {circles} ({graph})"


def test_demo_and_synthetic_generators_live_in_zorko_demo() -> None:
    outside = sorted(str(p.relative_to(ZORKO)) for p in ZORKO.rglob("*.py")
                     if GENERATOR.match(p.stem) and (ZORKO / "demo") not in p.parents)
    assert not outside, f"{outside}: demo and synthetic-data generators go into zorko/demo/"
    assert (ZORKO / "demo" / "people.py").exists() and (ZORKO / "demo" / "registry_records.py").exists()
