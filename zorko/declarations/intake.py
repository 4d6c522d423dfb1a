"""Import справки: read every file first, find each declarant among the servants, then write at once.

A file holds the справки of one declarant (his own, the spouse's, the
children's). The declarant is found by СНИЛС, else by ФИО and birth date,
else by ФИО alone when only one servant bears it. Any problem in any file
stops the whole import before anything is written (one transaction).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorko.audit.log import record
from zorko.declarations import xsb
from zorko.declarations.files import SourceFile, source_files
from zorko.declarations.models import Declaration, DeclarationItem
from zorko.declarations.records import Member, ParsedDeclaration
from zorko.exceptions import InputFileError, InputProblem
from zorko.matching.normalize import normalize_name
from zorko.people.models import Servant

ProgressFn = Callable[[int, int], None]


@dataclass(slots=True)
class ImportSummary:
    files: int = 0
    declarations: int = 0
    added: int = 0
    corrections: int = 0
    unchanged: int = 0
    servants: set[int] = field(default_factory=set)

    def as_dict(self) -> dict[str, int]:
        return {"files": self.files, "declarations": self.declarations, "added": self.added,
                "corrections": self.corrections, "unchanged": self.unchanged, "servants": len(self.servants)}

    def __str__(self) -> str:
        return (f"Файлов: {self.files}, справок: {self.declarations} (новых {self.added}, "
                f"уточнённых {self.corrections}, без изменений {self.unchanged}); служащих: {len(self.servants)}")


@dataclass(slots=True)
class Planned:
    servant: Servant
    file: str
    decl: ParsedDeclaration
    year: int


class ServantIndex:
    """The servants by СНИЛС, by normalised ФИО with birth date, and by ФИО alone."""

    def __init__(self) -> None:
        self.by_snils: dict[str, Servant] = {}
        self.by_name_birth: dict[tuple[str, date | None], list[Servant]] = {}
        self.by_name: dict[str, list[Servant]] = {}
        for s in Servant.objects.select_related("organisation", "position"):
            if s.snils:
                self.by_snils[s.snils] = s
            name = normalize_name(s.full_name)
            self.by_name_birth.setdefault((name, s.birth_date), []).append(s)
            self.by_name.setdefault(name, []).append(s)

    def find(self, decl: ParsedDeclaration) -> Servant | None:
        p = decl.person
        if p.snils and p.snils in self.by_snils:
            return self.by_snils[p.snils]
        name = normalize_name(p.full_name)
        if p.birth_date:
            found = self.by_name_birth.get((name, p.birth_date), [])
            return found[0] if len(found) == 1 else None
        found = self.by_name.get(name, [])
        return found[0] if len(found) == 1 else None


def _plan_file(source: SourceFile, parsed: list[ParsedDeclaration], index: ServantIndex,
               year: int | None) -> tuple[list[Planned], list[InputProblem]]:
    problems: list[InputProblem] = []
    declarants = [d for d in parsed if d.member == Member.DECLARANT]
    if not declarants:
        return [], [InputProblem(source.name, None, "ЗаполняетсяНа", None,
                                 "в файле нет справки самого служащего: не к кому отнести справки членов семьи")]
    servant = index.find(declarants[0])
    if servant is None:
        p = declarants[0].person
        born = f", дата рождения {p.birth_date:%d.%m.%Y}" if p.birth_date else ""
        return [], [InputProblem(source.name, None, "ДокументУдостоверяющийЛичность", None,
                                 f"служащий «{p.full_name}»{born} не найден среди служащих (ни по СНИЛС, ни по ФИО "
                                 "и дате рождения); сначала импортируйте кадровые данные")]
    planned = []
    for number, decl in enumerate(parsed, 1):
        if decl.year is None and year is None:
            problems.append(InputProblem(f"{source.name}, справка № {number}", None, "ОтчетныйПериодКонец", None,
                                         "не указан отчётный период; укажите год импорта (--year)"))
            continue
        if decl.year is not None and year is not None and decl.year != year:
            problems.append(InputProblem(f"{source.name}, справка № {number}", None, "ОтчетныйПериодКонец",
                                         str(decl.year), f"справка за {decl.year} год, а импортируются справки "
                                                         f"за {year} год"))
            continue
        planned.append(Planned(servant, source.name, decl, decl.year or year or 0))
    return planned, problems


def plan_import(paths: list[Path], year: int | None = None, names: list[str] | None = None) -> list[Planned]:
    """Read and check everything; ``InputFileError`` lists every problem of every file."""
    sources = source_files(paths, names)
    index = ServantIndex()
    planned: list[Planned] = []
    problems: list[InputProblem] = []
    for source in sources:
        try:
            parsed = xsb.read(source.data, source.name)
        except InputFileError as exc:
            problems.extend(exc.problems)
            continue
        more, wrong = _plan_file(source, parsed, index, year)
        planned.extend(more)
        problems.extend(wrong)
    if problems:
        raise InputFileError(problems)
    return planned


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def content_hash(servant_id: int, year: int, decl: ParsedDeclaration) -> str:
    payload = {"servant": servant_id, "year": year, "decl": _jsonable(asdict(decl))}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def slot_of(servant_id: int, year: int, member: str, last: str, first: str, middle: str,
            birth: date | None) -> tuple[Any, ...]:
    return (servant_id, year, member, normalize_name(f"{last} {first} {middle}"), birth)


def _slot(d: Declaration) -> tuple[Any, ...]:
    return slot_of(d.servant_id, d.year, d.member, d.last_name, d.first_name, d.middle_name, d.birth_date)


def save_declaration(servant: Servant, year: int, decl: ParsedDeclaration, *, source: str, source_file: str,
                     user: Any = None, current: dict[tuple[Any, ...], Declaration] | None = None,
                     summary: ImportSummary | None = None) -> Declaration | None:
    """Store one справка unless the same is stored; a new one for a filled slot supersedes it."""
    digest = content_hash(servant.pk, year, decl)
    summary = summary if summary is not None else ImportSummary()
    summary.declarations += 1
    summary.servants.add(servant.pk)
    if Declaration.objects.filter(content_hash=digest).exists():
        summary.unchanged += 1
        return None
    p = decl.person
    row: Declaration = Declaration.objects.create(
        servant=servant, year=year, member=decl.member.value, last_name=p.last_name[:100],
        first_name=p.first_name[:100], middle_name=p.middle_name[:100], birth_date=p.birth_date,
        position=(p.position or (servant.position.name if servant.position else ""))[:300],
        filed_on=decl.signed_on or timezone.localdate(), correction=decl.correction, source=source,
        source_file=source_file[:300], content_hash=digest, created_by=user if getattr(user, "pk", None) else None)
    DeclarationItem.objects.bulk_create([DeclarationItem(
        declaration=row, section=i.section.value, kind=i.kind[:300], name=i.name[:500], amount=i.amount,
        area=i.area, country=i.country[:100], ownership=i.ownership[:200], share=i.share[:50],
        basis=i.basis[:500], inn=i.inn[:12], ogrn=i.ogrn[:15], co_owners=i.co_owners, extra=_jsonable(i.extra),
    ) for i in decl.items])
    slot = _slot(row)
    if current is None:
        previous = [d for d in Declaration.objects.filter(servant=servant, year=year, member=row.member,
                                                          superseded_by__isnull=True).exclude(pk=row.pk)
                    if _slot(d) == slot]
    else:
        previous = [current[slot]] if slot in current else []
        current[slot] = row
    Declaration.objects.filter(pk__in=[d.pk for d in previous]).update(superseded_by=row)
    if previous or decl.correction:
        summary.corrections += 1
    else:
        summary.added += 1
    return row


def apply_import(planned: list[Planned], *, user: Any = None, ip: str | None = None,
                 progress: ProgressFn | None = None) -> ImportSummary:
    summary = ImportSummary(files=len({p.file for p in planned}))
    with transaction.atomic():
        servants = {p.servant.pk for p in planned}
        current = {_slot(d): d for d in Declaration.objects.filter(servant_id__in=servants,
                                                                   superseded_by__isnull=True)}
        # Originals before corrections, earlier before later, so a уточнённая always supersedes.
        ordered = sorted(planned, key=lambda p: (p.decl.correction, p.decl.signed_on or date.min))
        for done, p in enumerate(ordered, 1):
            save_declaration(p.servant, p.year, p.decl, source="xsb", source_file=p.file,
                             user=user, current=current, summary=summary)
            if progress:
                progress(done, len(planned))
        record(user, "declarations.import", object_type="declarations", ip=ip,
               object_repr=f"справки: {summary.files} файлов", file_names=sorted({p.file for p in planned})[:50],
               summary=summary.as_dict())
    return summary


def import_paths(paths: list[Path], year: int | None = None, *, user: Any = None, ip: str | None = None,
                 names: list[str] | None = None, progress: ProgressFn | None = None) -> ImportSummary:
    """The one service behind the CLI, the web job and the demo; a refused import is audited too."""
    try:
        planned = plan_import(paths, year, names)
    except InputFileError as exc:
        files = names or [str(p) for p in paths]
        record(user, "declarations.import.refused", object_type="declarations", ip=ip,
               object_repr=", ".join(files)[:300], file_names=files[:50], errors=len(exc.problems),
               first_errors=[str(p) for p in exc.problems[:3]])
        raise
    return apply_import(planned, user=user, ip=ip, progress=progress)
