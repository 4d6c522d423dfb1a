"""`zorko` commands of the registry area."""

from __future__ import annotations

from zorko.cli import main, setup_django  # noqa: F401
