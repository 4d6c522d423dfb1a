"""Writing an import plan in one transaction, with history and an audit event."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from zorko.audit.log import record
from zorko.people import history
from zorko.people.importing.plan import ImportPlan
from zorko.people.models import ChangeRecord, Relative, Servant

BATCH = 500

# ``progress(rows written, rows to write)``: the background job shows it on its page.
RowProgress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """How many records of each kind were added, changed and left as they were."""

    servants_added: int
    servants_changed: int
    servants_unchanged: int
    relatives_added: int
    relatives_changed: int
    relatives_unchanged: int
    organisations_added: int = 0
    departments_added: int = 0
    positions_added: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __str__(self) -> str:
        text = (f"Служащие: добавлено {self.servants_added}, изменено {self.servants_changed}, "
                f"без изменений {self.servants_unchanged}.\n"
                f"Родственники: добавлено {self.relatives_added}, изменено {self.relatives_changed}, "
                f"без изменений {self.relatives_unchanged}.")
        extra = [f"{label} {n}" for label, n in (
            ("организаций", self.organisations_added), ("подразделений", self.departments_added),
            ("должностей", self.positions_added)) if n]
        if extra:
            text += "\nСоздано справочных записей: " + ", ".join(extra) + "."
        return text


def _source(file: str | None) -> str:
    return f"импорт: {file}"


class _Rows:
    """Counts the servants and relatives written so far for ``progress``."""

    def __init__(self, plan: ImportPlan, progress: RowProgress | None) -> None:
        self.total = (len(plan.new_servants) + len(plan.changed_servants) + len(plan.new_relatives)
                      + len(plan.changed_relatives))
        self.done = 0
        self.progress = progress

    def written(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)

    def create(self, model: type[Servant] | type[Relative], objects: Sequence[Any]) -> None:
        for start in range(0, len(objects), BATCH):
            chunk = objects[start:start + BATCH]
            model.objects.bulk_create(chunk)
            self.written(len(chunk))


def apply_import(plan: ImportPlan, user: Any = None, ip: str | None = None,
                 progress: RowProgress | None = None) -> ImportSummary:
    """Write ``plan`` in one transaction: records, their history, one audit event."""
    now = timezone.now()
    records: list[ChangeRecord] = []
    rows = _Rows(plan, progress)
    with transaction.atomic():
        # Organisations first: departments planned for a new one take its pk on save.
        refs: list[models.Model] = [*plan.new_organisations, *plan.new_departments,
                                    *plan.new_positions]
        for ref in refs:
            ref.save()
        source = _source(plan.servants_file)
        servants = [Servant(**values) for _, values in plan.new_servants]
        for servant in servants:
            servant.refresh_name_norm()
        rows.create(Servant, servants)
        for servant in servants:
            records += history.change_records(servant, [], user=user, source=source, created=True)
        _update(Servant, plan.changed_servants, now, records, user, source)
        rows.written(len(plan.changed_servants))

        if plan.relatives_file:
            source = _source(plan.relatives_file)
            by_number = {s.personnel_number: s for s in servants}
            missing = {row.personnel_number for row, _ in plan.new_relatives} - set(by_number)
            by_number.update((s.personnel_number, s) for s in
                             Servant.objects.filter(personnel_number__in=missing))
            relatives = [Relative(servant=by_number[row.personnel_number], **values)
                         for row, values in plan.new_relatives]
            for relative in relatives:
                relative.refresh_name_norm()
            rows.create(Relative, relatives)
            for relative in relatives:
                records += history.change_records(relative.servant, [], relative=relative,
                                                  user=user, source=source, created=True)
            _update(Relative, plan.changed_relatives, now, records, user, source)
            rows.written(len(plan.changed_relatives))
        ChangeRecord.objects.bulk_create(records, batch_size=BATCH)
        summary = _summary(plan)
        files = [f for f in (plan.servants_file, plan.relatives_file) if f]
        details: dict[str, Any] = {"files": files, **summary.as_dict()}
        record(user, "people.import", object_type="people.import", ip=ip,
               object_repr=", ".join(files), **details)
    return summary


def _update(model: type[Servant] | type[Relative], changed: list[tuple[Any, list[history.FieldChange]]],
            now: Any, records: list[ChangeRecord], user: Any, source: str) -> None:
    fields = {"name_norm", "updated_at"}
    objects = []
    for obj, changes in changed:
        history.apply(obj, changes)
        obj.updated_at = now
        fields.update(c.field for c in changes)
        objects.append(obj)
        servant = obj if isinstance(obj, Servant) else obj.servant
        relative = obj if isinstance(obj, Relative) else None
        records += history.change_records(servant, changes, relative=relative, user=user,
                                          source=source)
    if objects:
        model.objects.bulk_update(objects, sorted(fields), batch_size=BATCH)


def _summary(plan: ImportPlan) -> ImportSummary:
    counts = plan.counts
    return ImportSummary(
        servants_added=counts["servants"]["added"], servants_changed=counts["servants"]["changed"],
        servants_unchanged=counts["servants"]["unchanged"],
        relatives_added=counts["relatives"]["added"],
        relatives_changed=counts["relatives"]["changed"],
        relatives_unchanged=counts["relatives"]["unchanged"],
        organisations_added=len(plan.new_organisations),
        departments_added=len(plan.new_departments), positions_added=len(plan.new_positions),
    )
