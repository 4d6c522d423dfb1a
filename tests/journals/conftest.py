"""A one-line factory for journal entries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest


@pytest.fixture
def make_entry(make_servant: Callable[..., Any]) -> Callable[..., Any]:
    from zorko.journals.services import register_entry

    def make(kind: str, received_on: date, servant: Any = None, content: str = "Уведомление",
             **fields: Any) -> Any:
        fields.setdefault("registered_on", received_on)
        return register_entry(kind, servant or make_servant(), received_on, content, None, **fields)

    return make
