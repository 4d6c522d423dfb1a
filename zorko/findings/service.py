"""Screening service: the one set of functions the web, the API, the CLI and the jobs call.

- ``run_screening(scope, value="", user=None, progress=None, load_ids=None) -> ScreeningRun``:
  scope ``all`` (servants, candidates, former servants), ``organisation`` (value = ИНН),
  ``person`` (value = табельный номер), ``changed`` (load_ids: only people linked to what
  those registry loads changed). Writes findings, ScreenedPerson rows and an audit event.
- ``on_registry_loaded(load_ids, user=None)``: the hook called after every successful registry
  load (``zorko registry load`` and the ``registry.load`` job, with ``changed_load_ids(result)``);
  re-checks the changed scope.
- ``findings_for(servant)``: the servant's findings (active first, by severity and score).
- ``servant_graph(servant)``: the link graph (``zorko.affiliation.graph``) for the card.
- ``export_findings(fmt, out_path, queryset=None, user=None)``: json | csv | xlsx, audited
  (see ``zorko.findings.export``).
- ``registry_as_of()``: {source: newest extract date} from the store's ``loads``.
The job ``screening.run`` (``zorko.findings.jobs``) wraps ``run_screening``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from zorko.affiliation.engine import screen
from zorko.affiliation.triage import ScreeningResult
from zorko.audit.log import record
from zorko.exceptions import ValidationError
from zorko.findings import registry
from zorko.findings.judgements import snapshot_judgements
from zorko.findings.models import Finding, ScreenedPerson, ScreeningRun
from zorko.findings.persist import save_result
from zorko.findings.registry import registry_as_of
from zorko.findings.snapshot import build_snapshot, pk_of, touched_by
from zorko.people.models import Servant

__all__ = ["changed_load_ids", "export_findings", "findings_for", "on_registry_loaded", "registry_as_of", "run_screening",
           "servant_graph"]

Progress = Callable[..., None]
SCOPES = ("all", "organisation", "person", "changed")


def _servants(scope: str, value: str) -> QuerySet[Servant]:
    qs = Servant.objects.all()
    if scope == "organisation":
        if not value:
            raise ValidationError("Укажите ИНН организации")
        qs = qs.filter(organisation__inn=value)
        if not qs.exists():
            raise ValidationError(f"Нет служащих организации с ИНН {value}")
    elif scope == "person":
        qs = qs.filter(personnel_number=value)
        if not qs.exists():
            raise ValidationError(f"Служащий с табельным номером «{value}» не найден")
    elif scope not in ("all", "changed"):
        raise ValidationError(f"Неизвестный охват проверки: {scope} (допустимо: {', '.join(SCOPES)})")
    return qs.order_by("pk")


def run_screening(scope: str, value: str = "", user: Any = None, progress: Progress | None = None,
                  load_ids: Iterable[int] | None = None) -> ScreeningRun:
    """Screen the people in scope against the loaded registries and store the findings."""
    tick = progress or (lambda *a, **k: None)
    servants = _servants(scope, value)
    registry.prepare_matching()
    con = registry.connect(wait=registry.SCREENING_WAIT_SECONDS,
                           on_wait=lambda: tick(0, None, "Идёт загрузка реестра: проверка начнётся, когда она закончится"))
    try:
        as_of = registry_as_of(con)
        run = ScreeningRun.objects.create(scope=scope, scope_value=value[:100], registry_as_of=as_of,
                                          user=user if getattr(user, "pk", None) else None)
        tick(0, None, "Подготовка данных о служащих и родственниках")
        snapshot = build_snapshot(servants, timezone.localdate())
        if scope == "changed":
            keys = set(touched_by(snapshot.servants, *registry.changed_people_keys(con, load_ids or [])))
            snapshot.servants = [s for s in snapshot.servants if s.key in keys]
        total = len(snapshot.servants)
        tick(0, total, f"Сверка {total} чел. с реестрами")
        snapshot.judgements = snapshot_judgements(pk_of(s.key) or 0 for s in snapshot.servants)
        result = screen(con, snapshot) if snapshot.servants else ScreeningResult()
    finally:
        con.close()
    tick(total, total, "Сохранение результатов")
    ids = [pk_of(s.key) or 0 for s in snapshot.servants]
    saved = save_result(run, result, ids)
    oldest = registry.oldest_required(as_of)
    ScreenedPerson.objects.bulk_create(
        ScreenedPerson(run=run, servant_id=pk_of(s.key), relatives_checked=len(s.relatives), registry_oldest=oldest)
        for s in snapshot.servants
    )
    run.people_checked = total
    run.findings_total = saved.total
    run.findings_new = saved.new
    run.finished_at = timezone.now()
    run.save()
    record(user, "screening.run", run, scope=scope, value=value, people=total, findings=saved.total,
           new=saved.new, changed=saved.changed, reopened=saved.reopened, resolved=saved.resolved,
           requests=saved.requests, requests_new=saved.requests_new, registry_as_of=as_of)
    tick(total, total, f"Проверено: {total} чел., срабатываний: {saved.total} (новых: {saved.new}), "
                       f"запросов уточнения: {saved.requests} (новых: {saved.requests_new})")
    return run


def on_registry_loaded(load_ids: Iterable[int], user: Any = None) -> ScreeningRun | None:
    """Re-check the people linked to what the loads changed; nothing to do if nobody is in the case store."""
    ids = [int(i) for i in load_ids]
    if not ids or not Servant.objects.exists():
        return None
    return run_screening("changed", ",".join(map(str, ids))[:100], user=user, load_ids=ids)


def changed_load_ids(result: Any) -> list[int]:
    """Load ids of the files a registry load actually changed (a ``zorko.registry.loader.LoadResult``)."""
    return [f.load_id for f in getattr(result, "files", [])
            if f.load_id is not None and not f.skipped and (f.counts.added or f.counts.changed)]


def findings_for(servant: Servant) -> QuerySet[Finding]:
    order = Case(When(severity="high", then=Value(0)), When(severity="medium", then=Value(1)),
                 default=Value(2), output_field=IntegerField())
    return (Finding.objects.filter(servant=servant).select_related("relative")
            .annotate(severity_order=order).order_by("-active", "severity_order", "-score", "pk"))


def servant_graph(servant: Servant) -> dict[str, Any]:
    from zorko.findings.graph_data import servant_graph_json

    return servant_graph_json(servant)


def export_findings(fmt: str, out_path: str | Path, queryset: QuerySet[Finding] | None = None,
                    user: Any = None) -> int:
    from zorko.findings.export import write_findings

    qs = queryset if queryset is not None else Finding.objects.filter(active=True)
    count = write_findings(fmt, Path(out_path), qs)
    record(user, "export", object_type="findings", object_repr=f"срабатывания ({fmt})", format=fmt,
           count=count, file=str(out_path))
    return count
