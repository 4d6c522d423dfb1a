"""Fuzzing every registry source through the real loader: a clean Russian refusal or a load, nothing between.

Inputs start from the real sample files (tests/fixtures, the customer's
samples) and are damaged by :mod:`tests.fuzz.mutations`; FtM lines are
also generated from scratch. After a refusal the store must be exactly
as before (same rows in every table).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES, SHARED_DATA
from tests.fuzz.mutations import TEXT, mutated, seeds
from zorko.exceptions import ZorkoError
from zorko.registry import loader, store

pytestmark = pytest.mark.fuzz

TABLES = [s.split("EXISTS ", 1)[1].split()[0] for s in store.SCHEMA if "CREATE TABLE" in s]


def fingerprint(path: Path) -> dict[str, tuple[int, int]]:
    """Rows and an order-independent hash of every table: equal means nothing was written."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*), coalesce(bit_xor(hash(x::VARCHAR)), 0) FROM {t} x")
                .fetchone() for t in TABLES}  # type: ignore[misc]
    finally:
        con.close()


def load_or_refuse(source: str, name: str, data: bytes, db: Path) -> None:
    """The property: the load succeeds, or raises a ZorkoError naming the file and changes nothing."""
    before = fingerprint(db)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            loader.load(source, [path], db_path=db, workers=1)
        except ZorkoError as exc:
            assert name in str(exc), f"the message does not name the file: {exc}"
            assert "Traceback" not in str(exc)
            assert fingerprint(db) == before, "a refused load changed the store"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "registry.duckdb"
    store.connect(path).close()
    return path


XML = (".xml",)
EGRUL = seeds(FIXTURES / "egrul", FIXTURES / "egrul-crafted", SHARED_DATA / "egrul", suffixes=XML)
EGRIP = seeds(FIXTURES / "egrip", SHARED_DATA / "egrip", suffixes=XML)
CONTRACTS = seeds(FIXTURES / "eis", SHARED_DATA / "eis-44fz", suffixes=XML)
FTM = seeds(FIXTURES / "ftm", suffixes=(".jsonl",))
DISQUALIFIED = seeds(FIXTURES / "fns", suffixes=(".csv",))


def _sample(paths: list[Path], markup: bool = False, cells: bool = False) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.sampled_from(paths).flatmap(
        lambda p: mutated(p.read_bytes(), markup=markup, cells=cells).map(lambda data: (p.name, data)))


@given(_sample([p for p in EGRUL if "egrip" not in p.name], markup=True))
def test_egrul(db: Path, sample: tuple[str, bytes]) -> None:
    load_or_refuse("egrul", *sample, db)


@given(_sample(EGRIP + [FIXTURES / "egrul-crafted" / "egrip_terminated.xml"], markup=True))
def test_egrip(db: Path, sample: tuple[str, bytes]) -> None:
    load_or_refuse("egrip", *sample, db)


@given(_sample(CONTRACTS, markup=True))
def test_contracts(db: Path, sample: tuple[str, bytes]) -> None:
    load_or_refuse("contracts", *sample, db)


@given(_sample(FTM, cells=True))
def test_ftm_mutated(db: Path, sample: tuple[str, bytes]) -> None:
    load_or_refuse("ftm", *sample, db)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=20)
SCHEMAS = st.sampled_from(["Company", "Person", "Ownership", "Directorship", "Organization",
                           "LegalEntity", "PublicBody", "Address", "Thing", "Nope", ""])
PROPERTIES = st.sampled_from(["name", "ogrnCode", "innCode", "kppCode", "owner", "asset",
                              "director", "organization", "percentage", "startDate", "birthDate",
                              "status", "summary", "jurisdiction", "address", "firstName", "lastName"])
ENTITY = st.fixed_dictionaries(
    {"id": st.one_of(TEXT, st.integers()), "schema": SCHEMAS},
    optional={"properties": st.dictionaries(PROPERTIES, st.one_of(st.lists(TEXT, max_size=3), JSON),
                                            max_size=6),
              "datasets": JSON, "caption": JSON},
)


@given(st.lists(st.one_of(ENTITY, JSON), min_size=1, max_size=12))
def test_ftm_generated(db: Path, lines: list[object]) -> None:
    data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    load_or_refuse("ftm", "generated.jsonl", data, db)


@given(_sample([p for p in DISQUALIFIED if "disqualified" in p.name], cells=True))
def test_disqualified(db: Path, sample: tuple[str, bytes]) -> None:
    load_or_refuse("disqualified", *sample, db)


@given(_sample([p for p in DISQUALIFIED if p.name.startswith("mas")], cells=True))
def test_mass(db: Path, sample: tuple[str, bytes]) -> None:
    load_or_refuse("mass", *sample, db)
