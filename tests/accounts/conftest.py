from dataclasses import replace
from typing import Any

import pytest


@pytest.fixture
def login_limits(settings: Any) -> Any:
    """Three failures lock for ten minutes (the defaults are 5 and 15)."""
    settings.CONFIG = replace(settings.CONFIG, login_attempts=3, login_lockout_minutes=10)
    return settings.CONFIG
