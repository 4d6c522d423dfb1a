"""Every ZORKO_* setting is documented in the README."""

from pathlib import Path

from zorko.config import SETTING_NAMES


def test_every_setting_is_in_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [name for name in SETTING_NAMES if f"`{name}`" not in readme]
    assert missing == []
