from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backup.installation import Installation, clone, drop_database, server_database

ENGINES = ["sqlite", "postgresql"]


def _server() -> str:
    base = os.environ.get("ZORKO_DATABASE_URL", "")
    if not base:
        pytest.skip("PostgreSQL: run the suite with ZORKO_DATABASE_URL (make test-postgres)")
    return base


@pytest.fixture(scope="session", params=ENGINES)
def populated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    """One populated installation per engine; tests work on copies of it (populating takes seconds)."""
    if request.param == "sqlite":
        site = Installation(tmp_path_factory.mktemp("populated"), "")
        site.populate()
        yield site
        return
    url, admin = server_database(_server())
    try:
        site = Installation(tmp_path_factory.mktemp("populated"), url)
        site.populate()
        yield site
    finally:
        drop_database(url, admin)


@pytest.fixture
def site(populated: Installation, tmp_path: Path) -> Iterator[Installation]:
    """A fresh copy of the populated installation, on SQLite and on PostgreSQL when the suite runs on it."""
    if not populated.database_url:
        yield clone(populated, tmp_path, "")
        return
    url, admin = server_database(populated.database_url, template=populated.database_url)
    try:
        yield clone(populated, tmp_path, url)
    finally:
        drop_database(url, admin)
