"""A registry store file in the test data directory, written then closed before screening."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import duckdb
import pytest

from tests.registry_tables import Registry


class Store:
    """Open the registry file for writing with ``with store.write() as reg:``; screening needs it closed."""

    def __init__(self, path: str) -> None:
        self.path = path

    def write(self) -> Any:
        store = self

        class _Ctx:
            def __enter__(self) -> Registry:
                self.reg = Registry(duckdb.connect(store.path))
                return self.reg

            def __exit__(self, *exc: object) -> None:
                self.reg.con.close()

        return _Ctx()


@pytest.fixture
def store(settings: Any, tmp_path: Any) -> Iterator[Store]:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    s = Store(str(tmp_path / "registry.duckdb"))
    with s.write() as reg:
        for source in ("egrul", "egrip", "contracts"):
            reg.load(source, date.today() - timedelta(days=3))
    yield s
