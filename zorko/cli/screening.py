"""`zorko check` and `zorko findings export`: thin wrappers over zorko.findings.service."""

from __future__ import annotations

import click

from zorko.cli import main, setup_django
from zorko.exceptions import ValidationError


@main.command()
@click.option("--all", "everyone", is_flag=True, help="Проверить всех служащих, кандидатов и бывших служащих.")
@click.option("--person", default=None, metavar="ТАБЕЛЬНЫЙ_НОМЕР", help="Проверить одного человека.")
@click.option("--organisation", default=None, metavar="ИНН", help="Проверить служащих одной организации.")
def check(everyone: bool, person: str | None, organisation: str | None) -> None:
    """Проверить служащих и их родственников по загруженным реестрам."""
    chosen = [x for x in (everyone, person, organisation) if x]
    if len(chosen) != 1:
        raise ValidationError("Укажите ровно одно из: --all, --person ТАБЕЛЬНЫЙ_НОМЕР, --organisation ИНН")
    setup_django()
    from zorko.findings.models import ClarificationRequest, Finding
    from zorko.findings.service import run_screening

    if everyone:
        run = run_screening("all")
    elif person:
        run = run_screening("person", person)
    else:
        run = run_screening("organisation", organisation or "")
    click.echo(f"Проверено: {run.people_checked} чел.; срабатываний: {run.findings_total} "
               f"(новых: {run.findings_new})")
    from zorko.reports.person_report import registry_name
    from zorko.ru.formats import date_ru

    as_of = "; ".join(f"{registry_name(k)} на {date_ru(v)}" for k, v in sorted(run.registry_as_of.items())) \
        or "нет сведений"
    click.echo(f"Реестры: {as_of}")
    # Findings a re-check left unchanged keep their earlier run: count the active ones of the people checked.
    active = Finding.objects.filter(active=True, servant__screenings__run=run)
    counts = {s: active.filter(severity=s).count() for s in ("high", "medium", "low")}
    click.echo(f"Высокая значимость: {counts['high']}, средняя: {counts['medium']}, низкая: {counts['low']}")
    asked = ClarificationRequest.objects.filter(active=True, servant__screenings__run=run).count()
    click.echo(f"Запросов уточнения: {asked}")


@main.group()
def findings() -> None:
    """Срабатывания проверок."""


@findings.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), required=True, help="Формат файла.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="Куда сохранить.")
def export(fmt: str, out: str) -> None:
    """Выгрузить срабатывания в файл (JSON, CSV или XLSX)."""
    setup_django()
    from zorko.findings.service import export_findings

    count = export_findings(fmt, out)
    click.echo(f"Выгружено срабатываний: {count} → {out}")
