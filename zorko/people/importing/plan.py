"""Planning an import: read and check both files, then compute what would change.

Nothing is written here; the web preview shows the plan, ``apply_import``
writes it. Servants are keyed by табельный номер, relatives by servant +
kinship + normalised name + birth date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zorko.exceptions import InputFileError
from zorko.matching.normalize import normalize_name
from zorko.people import history
from zorko.people.history import FieldChange
from zorko.people.importing import stored
from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS
from zorko.people.importing.rows import (
    RelativeRow,
    ServantRow,
    relative_key,
    relative_rows,
    servant_rows,
)
from zorko.people.importing.tables import Table, read_table
from zorko.people.models import Department, Organisation, Position, Relative, Servant
from zorko.reports.names import of_servant

LINES_LIMIT = 1000


@dataclass(slots=True)
class ImportPlan:
    """What an import would do; ``lines()`` is the preview a person reads."""

    servants_file: str
    relatives_file: str | None
    new_servants: list[tuple[ServantRow, dict[str, Any]]] = field(default_factory=list)
    changed_servants: list[tuple[Servant, list[FieldChange]]] = field(default_factory=list)
    unchanged_servants: int = 0
    new_relatives: list[tuple[RelativeRow, dict[str, Any]]] = field(default_factory=list)
    changed_relatives: list[tuple[Relative, list[FieldChange]]] = field(default_factory=list)
    unchanged_relatives: int = 0
    new_organisations: list[Organisation] = field(default_factory=list)
    new_departments: list[Department] = field(default_factory=list)
    new_positions: list[Position] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        return {
            "servants": {"added": len(self.new_servants), "changed": len(self.changed_servants),
                         "unchanged": self.unchanged_servants},
            "relatives": {"added": len(self.new_relatives), "changed": len(self.changed_relatives),
                          "unchanged": self.unchanged_relatives},
        }

    @property
    def has_changes(self) -> bool:
        return bool(self.new_servants or self.changed_servants or self.new_relatives
                    or self.changed_relatives)

    def lines(self, limit: int | None = LINES_LIMIT) -> list[str]:
        """Human-readable changes, one per line, in Russian."""
        out: list[str] = []
        out += [f"Новая организация: {o.name}" + (f" (ИНН {o.inn})" if o.inn else "")
                for o in self.new_organisations]
        out += [f"Новое подразделение: {d.name} ({d.organisation.name})" for d in self.new_departments]
        out += [f"Новая должность: {p.name}" for p in self.new_positions]
        for row, values in self.new_servants:
            out.append(f"Добавить служащего: {_name(values)}, таб. № {row.personnel_number}")
        for servant, changes in self.changed_servants:
            out.append(f"Изменить карточку {of_servant(servant.full_name)}, таб. № {servant.personnel_number}: "
                       + _changes(changes))
        for rel_row, values in self.new_relatives:
            label = dict(Relative._meta.get_field("kinship").flatchoices)[values["kinship"]]
            out.append(f"Добавить родственника служащего с таб. № {rel_row.personnel_number}: "
                       f"{label} {_name(values)}")
        for relative, changes in self.changed_relatives:
            out.append(f"Изменить родственника {relative.full_name} "
                       f"({relative.get_kinship_display()}): " + _changes(changes))
        if limit is not None and len(out) > limit:
            out = out[:limit] + [f"… и ещё {len(out) - limit} изменений"]
        return out


def _name(values: dict[str, Any]) -> str:
    return " ".join(values.get(f) or "" for f in ("last_name", "first_name", "middle_name")).strip()


def _changes(changes: list[FieldChange]) -> str:
    return "; ".join(f"{c.label}: «{c.old}» → «{c.new}»" for c in changes)


class _References:
    """Organisations, departments and positions: existing ones, and new ones to create."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.org_by_inn: dict[str, Organisation] = {}
        self.org_by_name: dict[str, Organisation] = {}
        for org in Organisation.objects.all():
            if org.inn:
                self.org_by_inn[org.inn] = org
            self.org_by_name.setdefault(normalize_name(org.name), org)
        self.departments = {(d.organisation_id, normalize_name(d.name)): d
                            for d in Department.objects.all()}
        self.new_departments: dict[tuple[int, str], Department] = {}
        self.positions = {normalize_name(p.name): p for p in Position.objects.all()}

    def organisation(self, name: str, inn: str) -> Organisation:
        key = normalize_name(name)
        org = self.org_by_inn.get(inn) if inn else None
        if org is None:
            by_name = self.org_by_name.get(key)
            if by_name is not None and (not inn or not by_name.inn):
                org = by_name
        if org is None:
            org = Organisation(name=name, inn=inn or None)
            self.plan.new_organisations.append(org)
            if inn:
                self.org_by_inn[inn] = org
            self.org_by_name.setdefault(key, org)
        return org

    def department(self, org: Organisation, name: str) -> Department | None:
        if not name:
            return None
        key = (id(org) if org.pk is None else org.pk, normalize_name(name))
        dept = self.departments.get(key) if org.pk is not None else None
        if dept is None:
            dept = self.new_departments.get(key)
        if dept is None:
            dept = self.new_departments[key] = Department(organisation=org, name=name)
            self.plan.new_departments.append(dept)
        return dept

    def position(self, name: str) -> Position | None:
        if not name:
            return None
        pos = self.positions.get(normalize_name(name))
        if pos is None:
            pos = self.positions[normalize_name(name)] = Position(name=name)
            self.plan.new_positions.append(pos)
        return pos


def _servant_values(row: ServantRow, refs: _References) -> dict[str, Any]:
    values = dict(row.fields)
    org = refs.organisation(values.pop("organisation"), values.pop("organisation_inn", ""))
    values["organisation"] = org
    if "department" in values:
        values["department"] = refs.department(org, values["department"])
    if "position" in values:
        values["position"] = refs.position(values["position"])
    return values


def plan_tables(servants: Table, relatives: Table | None) -> ImportPlan:
    """Check both tables and compute the plan; raises InputFileError with every problem."""
    s_rows = servant_rows(servants) if servants.readable else []
    existing = stored.stored_servants()
    r_rows: list[RelativeRow] = []
    if relatives is not None and relatives.readable:
        # Rows of the servants file that failed their checks still count as known servants.
        known = (set(existing) | {str(raw.get("табельный_номер", "")).strip()
                                  for _, raw in servants.rows}) if servants.readable else None
        r_rows = relative_rows(relatives, known)
    problems = servants.problems + (relatives.problems if relatives is not None else [])
    if problems:
        raise InputFileError(problems)

    plan = ImportPlan(servants.file, relatives.file if relatives is not None else None)
    refs = _References(plan)
    maybe_changed: list[tuple[int, dict[str, Any]]] = []
    for row in s_rows:
        values = _servant_values(row, refs)
        current = existing.get(row.personnel_number)
        if current is None:
            plan.new_servants.append((row, values))
        elif stored.same_values(current, values):
            plan.unchanged_servants += 1
        else:
            maybe_changed.append((current["id"], values))
    loaded = stored.load_servants([pk for pk, _ in maybe_changed])
    for pk, values in maybe_changed:
        changes = history.diff(loaded[pk], values)
        if changes:
            plan.changed_servants.append((loaded[pk], changes))
        else:  # equal after all (e.g. a value the quick comparison could not judge)
            plan.unchanged_servants += 1
    if r_rows:
        _plan_relatives(plan, r_rows, {row["id"]: n for n, row in existing.items()})
    return plan


def _plan_relatives(plan: ImportPlan, rows: list[RelativeRow], numbers: dict[int, str]) -> None:
    wanted = {row.personnel_number for row in rows}
    existing = {relative_key(numbers[rel["servant_id"]], rel): rel
                for rel in stored.stored_relatives(pk for pk, n in numbers.items() if n in wanted)}
    maybe_changed: list[tuple[int, dict[str, Any]]] = []
    for row in rows:
        current = existing.get(row.key)
        if current is None:
            plan.new_relatives.append((row, row.fields))
        elif stored.same_values(current, row.fields):
            plan.unchanged_relatives += 1
        else:
            maybe_changed.append((current["id"], row.fields))
    loaded = stored.load_relatives([pk for pk, _ in maybe_changed])
    for pk, values in maybe_changed:
        changes = history.diff(loaded[pk], values)
        if changes:
            plan.changed_relatives.append((loaded[pk], changes))
        else:
            plan.unchanged_relatives += 1


def plan_import(servants_path: str | Path, relatives_path: str | Path | None = None, *,
                servants_name: str | None = None, relatives_name: str | None = None) -> ImportPlan:
    """Read, check and compare the files with the database; nothing is written.

    ``*_name`` is the name shown in messages (the original name of an uploaded file).
    """
    servants = read_table(Path(servants_path), SERVANT_COLUMNS, servants_name)
    relatives = (read_table(Path(relatives_path), RELATIVE_COLUMNS, relatives_name)
                 if relatives_path else None)
    return plan_tables(servants, relatives)
