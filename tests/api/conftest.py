"""Tokens of each scope and the registry store fixture of the findings tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.findings.conftest import store  # noqa: F401  (the registry file fixture)
from zorko.accounts.tokens import create_token


@pytest.fixture
def tokens(transactional_db: Any) -> dict[str, str]:
    """{scope: secret} for one system per scope."""
    return {scope: create_token(name, scope).secret for name, scope in (
        ("1С ЗУП", "people.write"), ("1С ЗУП чтение", "screening.read"), ("1С ЗУП проверки", "screening.run"))}
