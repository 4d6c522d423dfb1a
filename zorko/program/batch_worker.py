"""What a spawned batch worker runs; imports no Django model at module level, since the worker
unpickles these functions before Django is set up."""

from __future__ import annotations

import os
from typing import Any


def init_worker(database_name: str) -> None:
    """Django set up on the same database as the parent (a test database too)."""
    import django
    from django.conf import settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    django.setup()
    settings.DATABASES["default"]["NAME"] = database_name


def render_task(task: tuple[int, str, int | None]) -> tuple[bytes, list[Any]]:
    from zorko.program.batch import render_one

    return render_one(*task)
