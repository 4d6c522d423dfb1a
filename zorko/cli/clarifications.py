"""`zorko clarifications export`: a thin wrapper over zorko.clarifications.export."""

from __future__ import annotations

import click

from zorko.cli import main, setup_django


@main.group()
def clarifications() -> None:
    """Запросы уточнения служащим о лицах в реестре."""


@clarifications.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "xlsx"]), required=True, help="Формат файла.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="Куда сохранить.")
@click.option("--all", "everything", is_flag=True,
              help="Вместе с запросами, которые повторная проверка больше не находит.")
def export(fmt: str, out: str, everything: bool) -> None:
    """Выгрузить запросы уточнения в файл (JSON или XLSX)."""
    setup_django()
    from zorko.clarifications.export import export_requests
    from zorko.findings.models import ClarificationRequest

    qs = ClarificationRequest.objects.select_related("servant", "servant__organisation", "relative")
    count = export_requests(fmt, out, qs if everything else qs.filter(active=True))
    click.echo(f"Выгружено запросов уточнения: {count} → {out}")
