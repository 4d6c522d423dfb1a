"""`zorko registry …`: load registry files, show what the store holds, export it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from zorko.cli import main, setup_django

if TYPE_CHECKING:
    from zorko.registry.loader import LoadResult

@main.group("registry")
def registry() -> None:
    """Реестры: ЕГРЮЛ, ЕГРИП, контракты ЕИС, FollowTheMoney, списки ФНС."""


@registry.command("load")
@click.argument("source")
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=int, default=0, help="Процессов разбора (0 — по числу ядер).")
def load_command(source: str, paths: tuple[str, ...], workers: int) -> None:
    """Загрузить файлы, папки или .zip-архивы ИСТОЧНИКА
    (egrul, egrip, contracts, ftm, disqualified, mass)."""
    from zorko.registry import loader

    result: LoadResult
    if sys.stdout.isatty():
        result = _load_with_bar(source, paths, workers)
    else:
        last = [0.0]

        def plain(p: loader.LoadProgress) -> None:
            now = time.monotonic()
            if p.files_done == p.files_total or now - last[0] >= 5:
                last[0] = now
                click.echo(f"файлов {p.files_done}/{p.files_total}, записей {p.records}")

        result = loader.load(source, paths, progress=plain, workers=workers or None)
    _audit("registry.load", source=source, files=len(result.files), added=result.totals.added,
           changed=result.totals.changed, unchanged=result.totals.unchanged,
           flagged=result.totals.flagged)
    for f in result.files:
        c = f.counts
        state = "без изменений (уже загружен)" if f.skipped else (
            f"добавлено {c.added}, изменено {c.changed}, без изменений {c.unchanged}")
        click.echo(f"{f.file}: записей {c.records} — {state}")
        if c.flagged:
            click.echo(f"  с ошибками в реквизитах (сохранены, помечены): {c.flagged}, первые:")
            for example in f.examples[:5]:
                click.echo(f"    {example}")
    click.echo(f"{result.message}. Время: {result.seconds:.1f} с")
    _recheck(result)


def _recheck(result: object) -> None:
    """Re-check the people linked to what this load changed (the screening's hook)."""
    from zorko.findings.service import changed_load_ids, on_registry_loaded

    run = on_registry_loaded(changed_load_ids(result))
    if run is not None:
        click.echo(f"Повторная проверка затронутых людей: {run.people_checked} чел., срабатываний "
                   f"{run.findings_total} (новых: {run.findings_new})")


def _load_with_bar(source: str, paths: tuple[str, ...], workers: int) -> LoadResult:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from zorko.registry import loader

    started = time.monotonic()
    columns = (TextColumn("[bold]{task.description}"), BarColumn(),
               TextColumn("файлов {task.fields[files]}"), TextColumn("записей {task.fields[records]}"),
               TextColumn("{task.fields[rate]} зап./с"), TimeElapsedColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("Загрузка", total=None, files="0/?", records=0, rate=0)

        def update(p: loader.LoadProgress) -> None:
            rate = int(p.records / max(time.monotonic() - started, 1e-6))
            bar.update(task, total=p.bytes_total or None, completed=p.bytes_done,
                       files=f"{p.files_done}/{p.files_total}", records=p.records, rate=rate)

        return loader.load(source, paths, progress=update, workers=workers or None)


@registry.command("status")
@click.option("--json", "as_json", is_flag=True, help="Вывести JSON.")
def status_command(as_json: bool) -> None:
    """Что загружено: по источникам — последняя загрузка, число файлов и записей."""
    from zorko.registry.status import registry_status

    items = registry_status()
    if as_json:
        click.echo(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=2))
        return
    for item in items:
        if not item.files:
            click.echo(f"{item.title}: не загружался")
            continue
        counts = ", ".join(f"{title} {n}" for title, n in item.counts_titled)
        click.echo(f"{item.title}: последняя загрузка {item.last_loaded_at}, файлов {item.files}, "
                   f"записей в файлах {item.records_loaded}" + (f"; в хранилище: {counts}" if counts else ""))


@registry.group("export")
def export_group() -> None:
    """Выгрузить хранилище реестров."""


@export_group.command("ftm")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Файл FollowTheMoney JSON lines.")
def export_ftm(out: Path) -> None:
    """Выгрузить компании, ИП, лиц и их роли в формате FollowTheMoney (для Aleph и др.)."""
    from zorko.registry.export_ftm import export_file

    counts = export_file(out)
    # Personal data leaves the system: every export is audit-logged.
    _audit("export", object_type="registry", object_repr="Реестры в формате FollowTheMoney",
           format="ftm", file=str(out), entities=counts.entities)
    parts = ", ".join(f"{name} {n}" for name, n in sorted(counts.by_schema.items()))
    click.echo(f"Выгружено сущностей FtM: {counts.entities} ({parts}) в {out}")


def _audit(action: str, **details: object) -> None:
    """Loads and exports from the command line are audit-logged like those from the web."""
    setup_django()
    from zorko.audit.log import record

    record(None, action, **details)  # type: ignore[arg-type]
