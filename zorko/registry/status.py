"""What the store holds, per source: last load, files loaded, record counts (CLI and web)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zorko.registry import sources, store, writing


@dataclass(slots=True)
class SourceStatus:
    source: str
    title: str
    last_loaded_at: str | None = None
    last_extract_date: str | None = None
    files: int = 0
    records_loaded: int = 0
    tables: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def counts_titled(self) -> list[tuple[str, int]]:
        """Row counts with Russian table names, for people."""
        return [(TABLE_TITLES.get(t, t), n) for t, n in self.tables.items()]


TABLE_TITLES = {
    "companies": "юрлиц", "person_roles": "лиц в ролях", "company_owners": "учредителей-юрлиц",
    "company_managers": "управляющих организаций", "entrepreneurs": "ИП", "contracts": "контрактов",
    "contract_suppliers": "поставщиков", "disqualified": "дисквалифицированных",
    "mass_persons": "массовых руководителей/учредителей", "mass_addresses": "адресов массовой регистрации",
    "loss_of_trust": "уволенных в связи с утратой доверия", "npd_status": "статусов НПД",
}


# Tables each source fills; person_roles is shared by ЕГРЮЛ and ЕГРИП, counted by subject kind,
# contracts by 44-ФЗ and 223-ФЗ, counted by law.
TABLES: dict[str, tuple[str, ...]] = {
    "egrul": ("companies", "person_roles:company", "company_owners", "company_managers"),
    "egrip": ("entrepreneurs",),
    "contracts": ("contracts:law:44-ФЗ",),
    "contracts223": ("contracts:law:223-ФЗ",),
    "ftm": (),
    "disqualified": ("disqualified",),
    "mass": ("mass_persons", "mass_addresses"),
    "loss_of_trust": ("loss_of_trust",),
    "npd": ("npd_status",),
}


def local_time(utc_text: str | None) -> str | None:
    """A load's time, stored in UTC, as «ГГГГ-ММ-ДД ЧЧ:ММ:СС» in the process's local time zone
    (the municipality's once Django is set up: it sets TZ from TIME_ZONE)."""
    if not utc_text:
        return None
    moment = datetime.fromisoformat(utc_text[:19]).replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def registry_status(db_path: Path | str | None = None) -> list[SourceStatus]:
    result = [SourceStatus(name, title) for name, (title, _target) in sources.SOURCES.items()]
    with store.reading(db_path) as con:
        if con is None:
            return result
        loads = {
            row[0]: row[1:]
            for row in con.execute("""
                SELECT source, max(loaded_at)::VARCHAR, max(extract_date)::VARCHAR, count(*), sum(records)
                FROM loads WHERE status = 'loaded' GROUP BY source
            """).fetchall()
        }
        for item in result:
            if item.source in loads:
                loaded_at, extract, files, records = loads[item.source]
                item.last_loaded_at = local_time(loaded_at)
                item.last_extract_date = extract
                item.files = int(files)
                item.records_loaded = int(records or 0)
            for spec in TABLES.get(item.source, ()):
                table, *rest = spec.split(":")
                # «table:kind» counts person_roles by subject kind, «table:column:value» any column.
                column, value = rest if len(rest) == 2 else ("subject_kind", rest[0]) if rest else ("", "")
                where = f" WHERE {column} = ?" if column else ""
                item.tables[table] = con.execute(
                    f"SELECT count(*) FROM {table}{where}", [value] if column else []).fetchall()[0][0]
    return result


def _stamp(db_path: Path) -> list[list[int]]:
    """The store's files as they are now: any committed write changes one of them."""
    out = []
    for path in (db_path, writing.wal_path(db_path)):
        try:
            st = path.stat()
        except FileNotFoundError:
            out.append([0, 0])
        else:
            out.append([st.st_mtime_ns, st.st_size])
    return out


def remembered_status(db_path: Path, snapshot: Path) -> tuple[list[SourceStatus], bool]:
    """The store's status and whether a load holds it, for the busiest pages.

    The status is read once per change of the store's files and kept in ``snapshot``: opening
    the store and counting its tables on every request cost more than the rest of the home
    page. While a load in another process holds the store, the last status is shown.
    """
    stamp = _stamp(db_path)
    try:
        kept = json.loads(snapshot.read_text(encoding="utf-8"))
        remembered = [SourceStatus(**row) for row in kept["status"]]
    except (OSError, ValueError, KeyError, TypeError):
        kept, remembered = {}, []
    if writing.load_running(db_path):
        return remembered, True
    if remembered and kept.get("stamp") == stamp:
        return remembered, False
    try:
        status = registry_status(db_path)
    except store.RegistryBusy:
        return remembered, True
    text = json.dumps({"stamp": stamp, "status": [s.as_dict() for s in status]}, ensure_ascii=False)
    partial = snapshot.with_name(f".{snapshot.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(snapshot)
    return status, False
