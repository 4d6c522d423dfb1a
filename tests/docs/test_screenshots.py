"""The screenshot script's pages answer the administrator, and docs/screenshots.md shows every one."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from ..findings.scenario import make_family, make_finding, make_run

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_every_page_of_the_script_answers_the_administrator(client_as, make_servant) -> None:
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    make_run([servant])
    client = client_as("administrator")
    ids = {"servant_id": str(servant.pk), "finding_id": str(finding.pk)}
    pages = _script().PAGES
    assert len(pages) >= 15
    answers = {address: client.get(address.format(**ids).split("#")[0]).status_code for _n, address, _c in pages}
    assert set(answers.values()) == {200}, answers


def test_screenshots_page_lists_every_picture_and_each_is_committed() -> None:
    script = _script()
    index = (ROOT / "docs" / "screenshots.md").read_text(encoding="utf-8")
    listed = re.findall(r"\]\(screenshots/([\w-]+)\.png\)", index)
    assert listed == [name for name, _address, _caption in script.PAGES]
    for name in listed:
        png = ROOT / "docs" / "screenshots" / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    total = sum(p.stat().st_size for p in (ROOT / "docs" / "screenshots").glob("*.png"))
    assert total < 3 * 1024 * 1024  # kept in git: the set stays small
