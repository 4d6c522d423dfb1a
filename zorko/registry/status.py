"""What the store holds, per source: last load, files loaded, record counts (CLI and web)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zorko.registry import sources, store


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
}


# Tables each source fills; person_roles is shared by ЕГРЮЛ and ЕГРИП, counted by subject kind.
TABLES: dict[str, tuple[str, ...]] = {
    "egrul": ("companies", "person_roles:company", "company_owners", "company_managers"),
    "egrip": ("entrepreneurs",),
    "contracts": ("contracts", "contract_suppliers"),
    "ftm": (),
    "disqualified": ("disqualified",),
    "mass": ("mass_persons", "mass_addresses"),
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
                table, _, kind = spec.partition(":")
                where = f" WHERE subject_kind = '{kind}'" if kind else ""
                item.tables[spec.split(":")[0]] = con.execute(
                    f"SELECT count(*) FROM {table}{where}").fetchall()[0][0]
    return result
