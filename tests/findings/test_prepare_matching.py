"""The keyed copy of the person roles is built once per registry change, without closing the store to pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from zorko.findings import registry
from zorko.matching.registry_index import is_current
from zorko.registry import loader, store, writing

CRAFTED = Path(__file__).resolve().parents[1] / "fixtures" / "egrul-crafted" / "egrul_all_founders_utf8.xml"


def _current(db: Path) -> bool:
    with store.reading(db) as con:
        assert con is not None
        return is_current(con)


def test_the_store_is_keyed_once_per_change_through_a_copy(settings: Any, tmp_path: Path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    db = settings.CONFIG.registry_path
    loader.load("egrul", [CRAFTED], db_path=db)
    assert not _current(db)
    registry.prepare_matching()
    assert _current(db) and not writing.next_path(db).exists()
    inode = db.stat().st_ino
    registry.prepare_matching()  # nothing changed: the store is neither copied nor rewritten
    assert db.stat().st_ino == inode


def test_a_store_held_by_another_writer_is_left_alone(settings: Any, tmp_path: Path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    db = settings.CONFIG.registry_path
    loader.load("egrul", [CRAFTED], db_path=db)
    with writing.writer_lock(db):
        registry.prepare_matching()
    assert not _current(db)
