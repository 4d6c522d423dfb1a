"""Keyed copy of a registry person table, term frequencies and u-probabilities.

Normalising 10 million names on every run would dominate the cost, so the
comparable columns (``ln``, ``sk``, ``fn``, ``mn``…) are computed once into
``<table>_keys`` beside the source table, with term frequencies in
``<table>_tf``; both are rebuilt when the source table's row count or
content hash changes (recorded in ``zorko_match_cache``). Normalisation runs
in Python over DISTINCT values only (a few hundred thousand surnames), then
DuckDB joins the results back.

Frequencies count distinct persons (by ИНН when the registry has it), not
rows: a founder of five companies must not make his own surname look
common (the duplicate problem Splink's documentation warns about).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from zorko.matching.names import normalize_part, patronymic_gender, surname_key
from zorko.regions import region_code

INDEX_VERSION = 12
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Pairs of random registry persons sampled to estimate the u-probability of
# the fuzzy comparison levels (two samples of this size, cross-joined).
U_SAMPLE = 1000


@dataclass(slots=True)
class RegistryIndex:
    """What the matcher needs to know about one registry person table."""

    table: str
    keys_table: str
    tf_table: str
    columns: list[str]
    persons: int
    has_inn: bool
    has_region: bool
    has_birth_date: bool
    region_share: dict[str, float] = field(default_factory=dict)
    inn_region_share: dict[str, float] = field(default_factory=dict)
    gender_share: dict[str, float] = field(default_factory=dict)
    u_fuzzy: dict[str, float] = field(default_factory=dict)
    sampled_pairs: int = 0
    inn_coverage: float = 0.0
    # Rows without ИНН, each counted as a person (as in ``persons``).
    persons_without_inn: int = 0
    rare_persons: int = 0
    rare_shared: int = 0


def skeleton_sql(column: str) -> str:
    """SQL twin of ``features._skeleton``: drop ь and ъ, й → и, э → е (what ICAO loses)."""
    return f"translate({column}, 'йэьъ', 'ие')"


def block_hashes(alias: str) -> str:
    """The blocking keys of ``blocking._RULES`` as 64-bit hashes, on the skeleton forms.

    ``alias`` is "" for the registry's own columns and "q." for the batch of
    people, so both sides are hashed by the same expressions.
    """
    sk, fn, mn = (skeleton_sql(f"{alias}{c}") for c in ("sk", "fn", "mn"))
    return (f"hash({sk}, {fn}) AS h_sk_fn, hash({sk}, {mn}) AS h_sk_mn, "
            f"hash({sk}, left({alias}fn, 1)) AS h_sk_f1, "
            f"hash({fn}, {mn}, left({sk}, 1)) AS h_fn_mn_sk1, "
            f"hash({fn}, {mn}, right({sk}, 3)) AS h_fn_mn_sk3")


def check_identifier(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"Недопустимое имя таблицы: {name!r}")
    return name


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]


def _fingerprint(con: duckdb.DuckDBPyConnection, table: str, cols: list[str]) -> str:
    hashed = ", ".join(c for c in ("last_name", "first_name", "middle_name", "inn", "region",
                                   "birth_date") if c in cols)
    rows, digest = con.execute(
        f"SELECT count(*), coalesce(sum(hash(rowid, {hashed}))::VARCHAR, '0') FROM {table}"
    ).fetchall()[0]
    return f"v{INDEX_VERSION}:{rows}:{digest}"


def _ensure_cache_table(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    con.execute(
        f"CREATE {_create_kind(schema)} IF NOT EXISTS {_bare(schema + 'zorko_match_cache')} "
        "(source VARCHAR PRIMARY KEY, fingerprint VARCHAR, stats VARCHAR)"
    )


def _create_kind(qualified: str) -> str:
    """A read-only registry keeps its keyed copy in the connection's temp catalog."""
    return "TEMP TABLE" if qualified.startswith("temp.") else "TABLE"


def _bare(qualified: str) -> str:
    return qualified.removeprefix("temp.")


def _writable_schema(con: duckdb.DuckDBPyConnection) -> str:
    """"" for the database itself, "temp." when it is opened read-only."""
    try:
        con.execute("CREATE TABLE IF NOT EXISTS zorko_match_cache "
                    "(source VARCHAR PRIMARY KEY, fingerprint VARCHAR, stats VARCHAR)")
        return ""
    except duckdb.Error:
        _ensure_cache_table(con, "temp.")
        return "temp."


def _map_table(values: list[str | None], how: str) -> pa.Table:
    raws, normals, keys = [], [], []
    for raw in values:
        if raw is None:
            continue
        norm = normalize_part(raw)
        raws.append(raw)
        normals.append(norm)
        keys.append(surname_key(norm) if how == "last" else "")
    return pa.table({"raw": pa.array(raws, pa.string()), "norm": pa.array(normals, pa.string()),
                     "skey": pa.array(keys, pa.string())})


def prepare_registry(con: duckdb.DuckDBPyConnection, table: str = "person_roles") -> RegistryIndex:
    """Build (or reuse) the keyed copy and statistics of ``table``."""
    check_identifier(table)
    cols = _columns(con, table)
    missing = {"last_name", "first_name"} - set(cols)
    if missing:
        raise ValueError(f"В таблице {table} нет столбцов: {', '.join(sorted(missing))}")
    schema = _writable_schema(con)
    fingerprint = _fingerprint(con, table, cols)
    cached = con.execute(f"SELECT fingerprint, stats FROM {schema}zorko_match_cache "
                         "WHERE source = ?", [table]).fetchall()
    row = cached[0] if cached else None
    index = RegistryIndex(table, f"{schema}{table}_keys", f"{schema}{table}_tf", cols, 0,
                          "inn" in cols, "region" in cols, "birth_date" in cols)
    if row and row[0] == fingerprint:
        _load_stats(index, json.loads(row[1]))
        return index
    if schema and (stored := _stored_index(con, table, fingerprint, cols)) is not None:
        return stored
    _build_keys(con, index)
    stats = _compute_stats(con, index)
    _load_stats(index, stats)
    con.execute(f"DELETE FROM {schema}zorko_match_cache WHERE source = ?", [table])
    con.execute(f"INSERT INTO {schema}zorko_match_cache VALUES (?, ?, ?)",
                [table, fingerprint, json.dumps(stats)])
    return index


def is_current(con: duckdb.DuckDBPyConnection, table: str = "person_roles") -> bool:
    """Whether the database already holds the keyed copy of ``table`` as it is now (read-only is enough)."""
    check_identifier(table)
    cols = _columns(con, table)
    if not {"last_name", "first_name"} <= set(cols):
        return False
    main = f'"{con.execute("SELECT current_database()").fetchall()[0][0]}".main.'
    try:
        rows = con.execute(f"SELECT fingerprint FROM {main}zorko_match_cache WHERE source = ?", [table]).fetchall()
    except duckdb.Error:
        return False
    return bool(rows) and rows[0][0] == _fingerprint(con, table, cols)


def _stored_index(con: duckdb.DuckDBPyConnection, table: str, fingerprint: str,
                  cols: list[str]) -> RegistryIndex | None:
    """A read-only connection reuses the keyed copy a writer left in the database, if still current."""
    # Qualified: an unqualified name would find the connection's temp catalog first.
    main = f'"{con.execute("SELECT current_database()").fetchall()[0][0]}".main.'
    try:
        rows = con.execute(f"SELECT fingerprint, stats FROM {main}zorko_match_cache WHERE source = ?",
                           [table]).fetchall()
    except duckdb.Error:
        return None
    if not rows or rows[0][0] != fingerprint:
        return None
    index = RegistryIndex(table, f"{main}{table}_keys", f"{main}{table}_tf", cols, 0, "inn" in cols,
                          "region" in cols, "birth_date" in cols)
    _load_stats(index, json.loads(rows[0][1]))
    return index


def _region_table(con: duckdb.DuckDBPyConnection, index: RegistryIndex) -> pa.Table:
    """Distinct region values of the table → their two-digit code (names are recognised)."""
    raws: list[str] = []
    codes: list[str | None] = []
    if index.has_region:
        for (raw,) in con.execute(f"SELECT DISTINCT region::VARCHAR FROM {index.table} "
                                  "WHERE region IS NOT NULL").fetchall():
            raws.append(raw)
            codes.append(region_code(raw) or (raw.strip() or None))
    return pa.table({"raw": pa.array(raws, pa.string()), "code": pa.array(codes, pa.string())})


def _build_keys(con: duckdb.DuckDBPyConnection, index: RegistryIndex) -> None:
    t = index.table
    maps = {}
    for col, how in (("last_name", "last"), ("first_name", "first"), ("middle_name", "middle")):
        if col in index.columns:
            values = [r[0] for r in con.execute(f"SELECT DISTINCT {col} FROM {t}").fetchall()]
        else:
            values = []
        maps[col] = _map_table(values, how)
    con.register("_zorko_map_last", maps["last_name"])
    con.register("_zorko_map_first", maps["first_name"])
    con.register("_zorko_map_middle", maps["middle_name"])
    con.register("_zorko_map_region", _region_table(con, index))
    middle_join = ("LEFT JOIN _zorko_map_middle m ON m.raw = t.middle_name"
                   if "middle_name" in index.columns else "LEFT JOIN _zorko_map_middle m ON false")
    inn = ("nullif(regexp_replace(t.inn, '[^0-9]', '', 'g'), '')" if index.has_inn
           else "NULL::VARCHAR")
    region = "g.code" if index.has_region else "NULL::VARCHAR"
    region_join = ("LEFT JOIN _zorko_map_region g ON g.raw = t.region::VARCHAR"
                   if index.has_region else "")
    birth = "t.birth_date::DATE" if index.has_birth_date else "NULL::DATE"
    try:
        # The blocking joins run on one 64-bit hash per rule rather than on strings:
        # scanning integers is several times cheaper than decompressing names.
        con.execute(f"""
            CREATE OR REPLACE {_create_kind(index.keys_table)} {_bare(index.keys_table)} AS
            SELECT *, length(ln) AS ln_len,
                   {block_hashes("")}
            FROM (
            SELECT t.rowid AS rid,
                   coalesce(l.norm, '') AS ln, coalesce(l.skey, '') AS sk,
                   coalesce(f.norm, '') AS fn, coalesce(m.norm, '') AS mn,
                   left(coalesce(f.norm, ''), 1) AS f1,
                   left(coalesce(l.skey, ''), 1) AS sk1, right(coalesce(l.skey, ''), 3) AS sk3,
                   {inn} AS inn, {region} AS region, {birth} AS birth_date
            FROM {t} t
            LEFT JOIN _zorko_map_last l ON l.raw = t.last_name
            LEFT JOIN _zorko_map_first f ON f.raw = t.first_name
            {middle_join}
            {region_join}
            )
        """)
    finally:
        for name in ("_zorko_map_last", "_zorko_map_first", "_zorko_map_middle",
                     "_zorko_map_region"):
            con.unregister(name)
    # A person is identified by ИНН where the registry has it, else by the row.
    person = "coalesce(inn, 'r' || rid::VARCHAR)"
    con.execute(f"""
        CREATE OR REPLACE {_create_kind(index.tf_table)} {_bare(index.tf_table)} AS
        SELECT 'ln' AS kind, ln AS value, count(DISTINCT {person}) AS n FROM {index.keys_table} GROUP BY ln
        UNION ALL SELECT 'sk', sk, count(DISTINCT {person}) FROM {index.keys_table} GROUP BY sk
        UNION ALL SELECT 'fn', fn, count(DISTINCT {person}) FROM {index.keys_table} GROUP BY fn
        UNION ALL SELECT 'mn', mn, count(DISTINCT {person}) FROM {index.keys_table} GROUP BY mn
        UNION ALL SELECT 'f1', f1, count(DISTINCT {person}) FROM {index.keys_table} GROUP BY f1
        UNION ALL SELECT 'm1', left(mn, 1), count(DISTINCT {person})
                  FROM {index.keys_table} GROUP BY left(mn, 1)
    """)


def _compute_stats(con: duckdb.DuckDBPyConnection, index: RegistryIndex) -> dict[str, object]:
    keys = index.keys_table
    persons = con.execute(
        f"SELECT count(DISTINCT coalesce(inn, 'r' || rid::VARCHAR)) FROM {keys}").fetchall()[0][0]
    regions: dict[str, float] = {}
    if index.has_region:
        rows = con.execute(f"SELECT region, count(*) FROM {keys} WHERE region IS NOT NULL "
                           "GROUP BY region").fetchall()
        total = sum(n for _, n in rows) or 1
        regions = {str(r): n / total for r, n in rows}
    inn_regions: dict[str, float] = {}
    coverage, without_inn = 0.0, persons
    if index.has_inn:
        coverage, without_inn = con.execute(
            f"SELECT avg((inn IS NOT NULL)::INTEGER), count(*) FILTER (WHERE inn IS NULL) "
            f"FROM {keys}").fetchall()[0]
        rows = con.execute(f"SELECT left(inn, 2), count(DISTINCT inn) FROM {keys} "
                           "WHERE inn IS NOT NULL GROUP BY 1").fetchall()
        total = sum(n for _, n in rows) or 1
        inn_regions = {str(r): n / total for r, n in rows}
    genders = {"m": 0, "f": 0}
    for value, n in con.execute(f"SELECT value, n FROM {index.tf_table} WHERE kind = 'mn'").fetchall():
        gender = patronymic_gender(value)
        if gender:
            genders[gender] += n
    total_g = sum(genders.values())
    gender_share = {g: n / total_g for g, n in genders.items()} if total_g else {}
    u_fuzzy, pairs = _estimate_u(con, keys)
    rare_persons, rare_shared = _namesakes(con, keys) if index.has_inn else (0, 0)
    return {"rare_persons": rare_persons, "rare_shared": rare_shared, "persons": persons,
            "persons_without_inn": without_inn, "regions": regions, "inn_regions": inn_regions,
            "genders": gender_share, "inn_coverage": coverage or 0.0,
            "u_fuzzy": u_fuzzy, "pairs": pairs}


# A surname borne by at most this many registry persons counts as rare.
RARE_SURNAME = 5


def _namesakes(con: duckdb.DuckDBPyConnection, keys: str) -> tuple[int, int]:
    """Persons (ИНН) with a rare surname, and how many of them share their full ФИО.

    This is what the names of a rare ФИО cannot rule out (see
    ``features.namesake_bound``); persons are told apart by ИНН.
    """
    persons, shared = con.execute(f"""
        WITH p AS (SELECT DISTINCT inn, ln, fn, mn FROM {keys}
                   WHERE inn IS NOT NULL AND length(fn) > 1 AND length(mn) > 1),
             surnames AS (SELECT ln, count(*) AS n FROM p GROUP BY ln),
             fio AS (SELECT ln, fn, mn, count(*) AS n FROM p GROUP BY ln, fn, mn)
        SELECT coalesce(sum(fio.n), 0), coalesce(sum(CASE WHEN fio.n > 1 THEN fio.n END), 0)
        FROM fio JOIN surnames USING (ln) WHERE surnames.n <= {RARE_SURNAME}
    """).fetchall()[0]
    return int(persons), int(shared)


def _estimate_u(con: duckdb.DuckDBPyConnection, keys: str) -> tuple[dict[str, int], int]:
    """Counts of the fuzzy comparison levels among random pairs of registry rows.

    Two random samples are cross-joined and compared with the very level
    functions the features use, over distinct values weighted by their
    multiplicity, so the estimate costs well under a second.
    """
    from zorko.matching.features import first_name_level, middle_name_level, name_level
    from zorko.matching.name_lists import first_name_gender

    genders = first_name_gender()
    samples = [con.execute(f"SELECT ln, fn, mn FROM {keys} USING SAMPLE {U_SAMPLE} ROWS "
                           f"(reservoir, {seed})").fetchall() for seed in (42, 7)]
    counts: dict[str, int] = {}
    for pos, kind in enumerate(("ln", "fn", "mn")):
        left = Counter(row[pos] for row in samples[0])
        right = Counter(row[pos] for row in samples[1])
        choices = list(right)
        for a, na in left.items():
            # C-speed pre-selection of the values within two edits, then the real levels.
            near = process.extract(a, choices, scorer=DamerauLevenshtein.distance,
                                   score_cutoff=2, limit=None)
            for b, _, _ in near:
                nb = right[b]
                if a == b:
                    continue
                if kind == "ln":
                    level = name_level(a, b)
                elif kind == "fn":
                    level = first_name_level(a, b, genders)
                else:
                    level = middle_name_level(a, b)
                if level in ("typo1", "typo2"):
                    counts[f"{kind}_{level}"] = counts.get(f"{kind}_{level}", 0) + na * nb
    return counts, len(samples[0]) * len(samples[1])


def _load_stats(index: RegistryIndex, stats: dict[str, Any]) -> None:
    index.persons = int(stats["persons"])
    index.region_share = stats["regions"]
    index.inn_region_share = stats["inn_regions"]
    index.inn_coverage = float(stats["inn_coverage"])
    index.persons_without_inn = int(stats.get("persons_without_inn", index.persons))
    index.rare_persons = int(stats.get("rare_persons", 0))
    index.rare_shared = int(stats.get("rare_shared", 0))
    index.gender_share = stats["genders"]
    index.sampled_pairs = int(stats["pairs"])
    index.u_fuzzy = {k: float(v) for k, v in stats["u_fuzzy"].items()}


def term_counts(con: duckdb.DuckDBPyConnection, index: RegistryIndex,
                wanted: dict[str, set[str]]) -> dict[tuple[str, str], int]:
    """Registry counts of the given (kind → values): only what a batch needs."""
    kinds, values = [], []
    for kind, vals in wanted.items():
        for v in vals:
            kinds.append(kind)
            values.append(v)
    if not kinds:
        return {}
    con.register("_zorko_wanted", pa.table({"kind": kinds, "value": values}))
    try:
        rows = con.execute(f"SELECT t.kind, t.value, t.n FROM {index.tf_table} t "
                           "JOIN _zorko_wanted w USING (kind, value)").fetchall()
    finally:
        con.unregister("_zorko_wanted")
    return {(k, v): int(n) for k, v, n in rows}
