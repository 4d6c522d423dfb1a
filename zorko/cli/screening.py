"""`zorko` commands of the screening area."""

from __future__ import annotations

from zorko.cli import main, setup_django  # noqa: F401
