"""`zorko` commands of the reports area."""

from __future__ import annotations

from pathlib import Path

import click

from zorko.cli import main, setup_django


@main.command("report")
@click.option("--person", "personnel_number", required=True, help="Табельный номер служащего или кандидата.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf", show_default=True)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Файл, в который записать отчет.")
def report(personnel_number: str, fmt: str, out: Path) -> None:
    """«Отчет о проверке ФЛ» по одному человеку (PDF или DOCX)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.exceptions import NotFound
    from zorko.people.models import Servant
    from zorko.reports.person_report import build_report
    from zorko.reports.writer import writer_for

    servant = Servant.objects.filter(personnel_number=personnel_number).first()
    if servant is None:
        raise NotFound(f"Служащий с табельным номером {personnel_number} не найден")
    out.write_bytes(writer_for(fmt).write(build_report(servant)))
    record(None, "report.download", servant, format=fmt, file=str(out), report="Отчет о проверке ФЛ")
    click.echo(f"Отчет записан: {out}")
