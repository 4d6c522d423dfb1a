"""The registry store fixture of the findings tests, and a family screened for real."""

from __future__ import annotations

from typing import Any

import pytest

from tests.clarifications.scenario import Family, screened_family
from tests.findings.conftest import store  # noqa: F401  (the fixture, shared)


@pytest.fixture
def family(store: Any, make_servant: Any) -> Family:  # noqa: F811
    return screened_family(store, make_servant)
