"""FollowTheMoney JSON lines (OpenSanctions ``ru_egrul`` shape) → flat records.

Each line is one entity. Companies, organisations and persons become
:class:`FtmEntity`; ``Ownership`` and ``Directorship`` become
:class:`FtmLink`, which refer to entities by id only. Resolving those ids
needs every entity, so the parser stays a streaming generator of flat
records and the resolution happens later, in SQL over staged tables (see
``zorko.registry.adapters.ftm``) — memory does not grow with the file.

Properties are read through the ``followthemoney`` schema of the entity
(unknown properties ignored, a date that is not a date dropped); a line
that is not an FtM entity stops the import with its line number.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from followthemoney import model
from followthemoney.schema import Schema

from zorko.exceptions import ImportFailed
from zorko.registry.files import expand

SUFFIXES = (".json", ".jsonl", ".ftm", ".ndjson", ".json.gz", ".jsonl.gz")
PARTY_SCHEMATA = ("LegalEntity",)  # Company, Organization, PublicBody, Person all are LegalEntity
LINK_SCHEMATA = {"Ownership": ("owner", "asset"), "Directorship": ("director", "organization")}
UNRELIABLE_MARK = "недостовер"
MAX_LINE = 16 * 1024 * 1024  # the largest real entity line is a few kilobytes


@dataclass(slots=True)
class FtmEntity:
    id: str
    schema: str
    name: str | None
    alias: str | None
    ogrn: str | None
    inn: str | None
    kpp: str | None
    last_name: str | None
    first_name: str | None
    middle_name: str | None
    legal_form: str | None
    status: str | None
    incorporated: str | None
    dissolved: str | None
    address: str | None
    okved: str | None
    country: str | None
    seen: str | None
    line: int

    @property
    def is_person(self) -> bool:
        return self.schema == "Person"


@dataclass(slots=True)
class FtmLink:
    id: str
    schema: str  # Ownership | Directorship
    source_id: str  # owner / director
    target_id: str  # asset / organization
    percentage: float | None
    shares_value: float | None
    role: str | None
    summary: str | None
    start_date: str | None
    unreliable: bool
    line: int


FtmRecord = FtmEntity | FtmLink


def parse(paths: Iterable[str | Path]) -> Iterator[FtmRecord]:
    for item in expand([Path(p) for p in paths], SUFFIXES):
        with item.open() as handle:
            yield from parse_stream(handle, item.name)


def parse_stream(handle: IO[bytes], name: str) -> Iterator[FtmRecord]:
    """Records of one JSON-lines stream (gzip is recognised by its magic bytes)."""
    stream: IO[bytes] = handle
    if name.lower().endswith(".gz"):
        stream = gzip.GzipFile(fileobj=handle)  # type: ignore[assignment]
    try:
        number = 0
        while raw := stream.readline(MAX_LINE + 1):
            number += 1
            if len(raw) > MAX_LINE:
                raise ImportFailed(name, f"строка длиннее {MAX_LINE // (1024 * 1024)} МБ: это не "
                                         "сущность FtM", line=number)
            if not raw.strip():
                continue
            record = parse_line(raw, name, number)
            if record is not None:
                yield record
    except (OSError, EOFError) as exc:
        raise ImportFailed(name, f"сжатый файл повреждён или обрезан: {exc}") from exc


def parse_line(raw: bytes, name: str, number: int) -> FtmRecord | None:
    try:
        return _parse_line(raw, name, number)
    except RecursionError:
        # json and str() recurse per level: a line of 100,000 «[» would otherwise end in a traceback.
        raise ImportFailed(name, "слишком глубокая вложенность JSON: это не сущность FtM",
                           line=number) from None


def _parse_line(raw: bytes, name: str, number: int) -> FtmRecord | None:
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise ImportFailed(name, "неверная кодировка: FtM JSON должен быть в UTF-8",
                           line=number) from None
    except json.JSONDecodeError as exc:
        raise ImportFailed(name, f"строка не является JSON: {exc.msg} (позиция {exc.pos})",
                           line=number) from None
    if not isinstance(data, dict):
        raise ImportFailed(name, "строка должна быть объектом JSON (сущность FtM)", line=number)
    for key in ("id", "schema"):
        if not data.get(key):
            raise ImportFailed(name, "у сущности FtM нет обязательного поля", line=number,
                               field=key)
    if not isinstance(data.get("properties", {}), dict):
        raise ImportFailed(name, "поле properties должно быть объектом", line=number,
                           field="properties")
    schema = model.get(data["schema"])
    if schema is None:
        raise ImportFailed(name, f"неизвестная схема FtM «{data['schema']}»", line=number,
                           field="schema")
    proxy = _Props(schema, data.get("properties") or {})
    if schema.name in LINK_SCHEMATA:
        return _link(proxy, str(data["id"]), name, number)
    if schema.is_a("LegalEntity"):
        return _entity(proxy, data, number)
    return None  # Address, Sanction, Succession…: not part of the registry store


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class _Props:
    """The properties of one entity, read through its FtM schema.

    A full ``EntityProxy`` cleans every value of every property; reading
    just the dozen properties the store needs, typed by the schema, is
    several times faster on a dump of millions of lines. Properties the
    schema does not define are ignored; a date that is not one is dropped;
    text is kept as written (only trimmed), so values survive a round trip.
    """

    __slots__ = ("schema", "properties")

    def __init__(self, schema: Schema, properties: dict[str, Any]) -> None:
        self.schema = schema
        self.properties = properties

    def get(self, prop: str) -> list[str]:
        spec = self.schema.properties.get(prop)
        raw = self.properties.get(prop)
        if spec is None or raw is None:
            return []
        values = raw if isinstance(raw, list) else [raw]
        out: list[str] = []
        for value in values:
            text = str(value).strip() if value is not None else ""
            if spec.type.name == "date" and not _DATE.match(text):
                continue
            if text and text not in out:
                out.append(text)
        return out

    def first(self, prop: str) -> str | None:
        values = self.get(prop)
        return values[0] if values else None


def _full_date(value: str | None) -> str | None:
    # FtM dates may be partial («2015», «2015-06»); the store keeps whole dates only.
    return value[:10] if value and len(value) >= 10 else None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value.replace(",", ".").rstrip("%").strip())
    except ValueError:
        return None


def _entity(proxy: _Props, data: dict[str, Any], number: int) -> FtmEntity:
    names = sorted(proxy.get("name"), key=len, reverse=True)
    last, first, middle = (proxy.first("lastName"), proxy.first("firstName"),
                           proxy.first("fatherName") or proxy.first("middleName"))
    if proxy.schema.name == "Person" and not last and names:
        parts = names[0].split(maxsplit=2)
        last = parts[0]
        first = parts[1] if len(parts) > 1 else None
        middle = parts[2] if len(parts) > 2 else None
    seen = data.get("last_seen") or proxy.first("modifiedAt") or proxy.first("retrievedAt")
    return FtmEntity(
        id=str(data["id"]), schema=proxy.schema.name,
        name=names[0] if names else None, alias=names[1] if len(names) > 1 else None,
        ogrn=proxy.first("ogrnCode"), inn=proxy.first("innCode"),
        kpp=proxy.first("kppCode") if proxy.schema.get("kppCode") else None,
        last_name=last, first_name=first, middle_name=middle,
        legal_form=proxy.first("legalForm"), status=proxy.first("status"),
        incorporated=_full_date(proxy.first("incorporationDate")),
        dissolved=_full_date(proxy.first("dissolutionDate")),
        address=proxy.first("address"), okved=proxy.first("okvedCode"),
        country=proxy.first("jurisdiction") or proxy.first("country"),
        seen=_full_date(str(seen)) if seen else None, line=number,
    )


def _link(proxy: _Props, entity_id: str, name: str, number: int) -> FtmLink:
    source_prop, target_prop = LINK_SCHEMATA[proxy.schema.name]
    source, target = proxy.first(source_prop), proxy.first(target_prop)
    for prop, value in ((source_prop, source), (target_prop, target)):
        if value is None:
            raise ImportFailed(name, f"у связи {proxy.schema.name} не указана сторона",
                               line=number, field=prop)
    notes = " ".join(proxy.get("status") + proxy.get("summary") + proxy.get("description"))
    return FtmLink(
        id=entity_id, schema=proxy.schema.name, source_id=str(source), target_id=str(target),
        percentage=_number(proxy.first("percentage")) if proxy.schema.get("percentage") else None,
        shares_value=(_number(proxy.first("sharesValue") or proxy.first("sharesCount"))
                      if proxy.schema.get("sharesValue") else None),
        role=proxy.first("role"), summary=proxy.first("summary"),
        start_date=_full_date(proxy.first("startDate")),
        unreliable=UNRELIABLE_MARK in notes.casefold(), line=number,
    )
