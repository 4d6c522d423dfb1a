"""``zorko declarations …``: import справки, analyse them, the campaign and its documents."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import click

from zorko.cli import main, setup_django

YEAR_HELP = "Отчётный год (по умолчанию — прошлый год)."


def _year(year: int | None) -> int:
    return year if year is not None else date.today().year - 1


@main.group("declarations")
def declarations_group() -> None:
    """Справки о доходах, расходах, об имуществе: импорт, кампания, анализ."""


@declarations_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--year", type=int, default=None,
              help="Отчётный год: для справок без отчётного периода; справки за другой год отклоняются.")
def import_command(paths: tuple[Path, ...], year: int | None) -> None:
    """Импорт файлов «Справки БК» (.xsb): файлы, папки или ZIP-архивы.

    Сначала читаются и проверяются все файлы; при любой ошибке ничего не
    записывается. Повторный импорт тех же справок ничего не меняет;
    уточнённая справка заменяет прежнюю, прежняя сохраняется в истории.
    """
    setup_django()
    from zorko.cli.core import init_database
    from zorko.declarations.intake import import_paths

    init_database()
    started = time.perf_counter()
    summary = import_paths(list(paths), year)
    click.echo(str(summary))
    click.echo(f"Готово за {time.perf_counter() - started:.1f} с.")


@declarations_group.command("analyse")
@click.option("--year", type=int, default=None, help=YEAR_HELP)
@click.option("--share", type=click.FloatRange(0.01, 100), default=0.5, show_default=True,
              help="Порог изменения год к году (0,5 — больше чем на 50 %).")
def analyse_command(year: int | None, share: float) -> None:
    """Проверить справки: расходы (230-ФЗ), год к году, реестры, анкеты, поставщики."""
    setup_django()
    from decimal import Decimal

    from zorko.cli.core import init_database
    from zorko.declarations.analysis import analyse
    from zorko.declarations.rule_names import Policy

    init_database()
    result = analyse(_year(year), policy=Policy(share=Decimal(str(share))))
    for line in result.lines():
        click.echo(line)


@declarations_group.command("campaign")
@click.option("--year", type=int, default=None, help=YEAR_HELP)
def campaign_command(year: int | None) -> None:
    """Кампания по справкам: кто обязан, кто сдал в срок, с опозданием, кто не сдал."""
    setup_django()
    from zorko.cli.core import init_database
    from zorko.declarations.campaign import build
    from zorko.declarations.texts import campaign_lines

    init_database()
    for line in campaign_lines(build(_year(year), date.today())):
        click.echo(line)


@declarations_group.command("positions")
@click.argument("names", nargs=-1)
@click.option("--off", is_flag=True, help="Исключить должности из перечня.")
def positions_command(names: tuple[str, ...], off: bool) -> None:
    """Включить должности в перечень (обязывающих представлять справки) или показать перечень."""
    setup_django()
    from zorko.cli.core import init_database
    from zorko.declarations.campaign import set_listed_positions

    init_database()
    for line in set_listed_positions(list(names), not off):
        click.echo(line)


@declarations_group.command("export")
@click.option("--year", type=int, default=None, help=YEAR_HELP)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Файл XLSX.")
def export_command(year: int | None, out: Path) -> None:
    """Выгрузить показатели кампании по справкам в XLSX (записывается в журнал аудита)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.cli.core import init_database
    from zorko.declarations.campaign import build
    from zorko.declarations.campaign_export import campaign_xlsx

    init_database()
    campaign = build(_year(year), date.today())
    out.write_bytes(campaign_xlsx(campaign))
    record(None, "export", object_type="declarations.campaign", object_repr=f"кампания по справкам за "
           f"{campaign.year} год", year=campaign.year, rows=len(campaign.rows), file=out.name)
    click.echo(f"Выгружено строк: {len(campaign.rows)} → {out}")


@declarations_group.command("publication")
@click.option("--organisation", "org_inn", required=True, metavar="ИНН", help="ИНН организации.")
@click.option("--year", type=int, default=None, help=YEAR_HELP)
@click.option("--format", "fmt", type=click.Choice(["docx", "xlsx"]), default="docx", show_default=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Файл.")
def publication_command(org_inn: str, year: int | None, fmt: str, out: Path) -> None:
    """Сведения о доходах для сайта по Указу № 613 (без персональных данных членов семьи)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.cli.core import init_database
    from zorko.declarations.publication import publication_docx, publication_xlsx
    from zorko.exceptions import NotFound
    from zorko.people.models import Organisation

    init_database()
    org = Organisation.objects.filter(inn=org_inn).first()
    if org is None:
        raise NotFound(f"Организация с ИНН {org_inn} не найдена")
    y = _year(year)
    out.write_bytes(publication_xlsx(org, y) if fmt == "xlsx" else publication_docx(org, y))
    record(None, "export", org, document="сведения для сайта (Указ № 613)", year=y, format=fmt, file=out.name)
    click.echo(f"Сведения за {y} год: {org} → {out}")


@declarations_group.command("reminders")
@click.option("--year", type=int, default=None, help=YEAR_HELP)
@click.option("--as-of", "as_of", required=True, type=click.DateTime(formats=["%d.%m.%Y", "%Y-%m-%d"]),
              help="Напомнить тем, кто не представил справку на эту дату (ДД.ММ.ГГГГ).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="ZIP-архив писем.")
def reminders_command(year: int | None, as_of: datetime, out: Path) -> None:
    """Письма-напоминания (DOCX) не представившим справку, одним ZIP-архивом."""
    setup_django()
    from zorko.audit.log import record
    from zorko.cli.core import init_database
    from zorko.declarations.campaign import not_filed_by
    from zorko.declarations.reminders import letters_zip

    init_database()
    y, day = _year(year), as_of.date()
    servants = not_filed_by(y, day)
    out.write_bytes(letters_zip(servants, y, day))
    record(None, "export", object_type="declarations.reminders", object_repr=f"напоминания о справках за {y} год",
           year=y, letters=len(servants), file=out.name)
    click.echo(f"Писем: {len(servants)} → {out}")
