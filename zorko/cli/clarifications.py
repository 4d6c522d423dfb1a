"""`zorko clarifications export`: the clarification requests to a file (audited)."""

from __future__ import annotations

import click

from zorko.cli import main, setup_django


@main.group()
def clarifications() -> None:
    """Запросы уточнения служащим."""


@clarifications.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "xlsx"]), required=True, help="Формат файла.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="Куда сохранить.")
@click.option("--all", "everything", is_flag=True, help="Вместе с закрытыми и не требующимися запросами.")
def export(fmt: str, out: str, everything: bool) -> None:
    """Выгрузить запросы уточнения в файл (JSON или XLSX)."""
    setup_django()
    from pathlib import Path

    from zorko.audit.log import record
    from zorko.findings.clarification_export import write_requests
    from zorko.findings.models import ClarificationRequest

    qs = ClarificationRequest.objects.all() if everything else ClarificationRequest.objects.filter(active=True)
    count = write_requests(fmt, Path(out), qs)
    record(None, "export", object_type="clarifications", object_repr=f"запросы уточнения ({fmt})", format=fmt,
           count=count, file=out)
    click.echo(f"Выгружено запросов уточнения: {count} → {out}")
