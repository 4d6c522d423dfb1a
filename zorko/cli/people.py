"""`zorko` commands of the people area: import, templates, demo municipality."""

from __future__ import annotations

import time
from pathlib import Path

import click

from zorko.cli import main, setup_django


@main.group("import")
def import_group() -> None:
    """Импорт данных."""


@import_group.command("people")
@click.argument("servants_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("relatives_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Только проверить и показать, что изменится.")
def import_people_command(servants_file: Path, relatives_file: Path | None, dry_run: bool) -> None:
    """Импорт служащих (и родственников) из XLSX или CSV.

    Сначала проверяются оба файла целиком; при любой ошибке ничего не
    записывается и выводятся все найденные ошибки.
    """
    setup_django()
    from zorko.cli.core import init_database
    from zorko.exceptions import InputFileError
    from zorko.people.importing import apply_import, plan_import
    from zorko.people.importing.refusals import record_refusal

    init_database()
    started = time.perf_counter()
    try:
        plan = plan_import(servants_file, relatives_file)
    except InputFileError as exc:
        names = [p.name for p in (servants_file, relatives_file) if p is not None]
        record_refusal(None, names, exc, stage="dry_run" if dry_run else "cli")
        raise
    if dry_run:
        for line in plan.lines():
            click.echo(line)
        click.echo("Проверка без записи: ошибок нет.")
        return
    summary = apply_import(plan)
    click.echo(str(summary))
    click.echo(f"Готово за {time.perf_counter() - started:.1f} с.")


@main.group("template")
def template_group() -> None:
    """Шаблоны файлов для импорта."""


@template_group.command("people")
@click.option("--out", "out_dir", default=".", type=click.Path(file_okay=False, path_type=Path),
              help="Папка для шаблонов (по умолчанию текущая).")
def template_people(out_dir: Path) -> None:
    """Записать шаблоны XLSX для импорта служащих и родственников."""
    setup_django()  # the column lists read the reference models
    from zorko.people.importing import write_templates

    for path in write_templates(out_dir):
        click.echo(f"Шаблон: {path}")


@main.command()
@click.option("--seed", default=1, show_default=True, type=int, help="Зерно генератора.")
@click.option("--servants", default=420, show_default=True, type=click.IntRange(1, 100_000),
              help="Сколько служащих создать (и ещё 6 % кандидатов, 3 % уволенных).")
@click.option("--no-registry", is_flag=True,
              help="Не создавать демо-реестры (ЕГРЮЛ, ЕГРИП, контракты) и не запускать проверку.")
def demo(seed: int, servants: int, no_registry: bool) -> None:
    """Создать демонстрационный муниципалитет, демо-реестры и учётную запись demo."""
    setup_django()
    from zorko import config
    from zorko.cli.core import init_database
    from zorko.demo.people_build import build_demo, ensure_demo_account

    started = time.perf_counter()
    init_database()
    summary = build_demo(seed, servants)
    login, password = ensure_demo_account(seed)
    click.echo(str(summary))
    if not no_registry:
        from zorko.demo.registry_demo import load_demo_registry

        for line in load_demo_registry(seed, servants).lines():
            click.echo(line)
        from zorko.demo.candidates import load_demo_sources

        for line in load_demo_sources(seed):
            click.echo(line)
    from zorko.demo.declarations import build_demo_declarations
    from zorko.demo.journals import build_journals_demo
    from zorko.demo.program import build_program_demo

    for line in build_demo_declarations(seed, registry=not no_registry).lines():
        click.echo(line)
    for line in build_journals_demo(seed).lines():
        click.echo(line)
    for line in build_program_demo(seed):
        click.echo(line)
    from zorko.demo.api_tokens import build_api_demo
    from zorko.demo.kpi_history import build_screening_history

    for line in build_screening_history(seed):
        click.echo(line)
    for line in build_api_demo(seed):
        click.echo(line)
    click.echo(f"Демо-данные готовы за {time.perf_counter() - started:.1f} с.")
    cfg = config.load()
    click.echo(f"Вход: http://{cfg.host}:{cfg.port}/login/  логин: {login}  пароль: {password}")
