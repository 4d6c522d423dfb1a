"""`zorko journal …` and `zorko commission …`: journal export and overdue list, employer checks,
the federal register rows of dismissals for loss of trust."""

from __future__ import annotations

from pathlib import Path

import click

from zorko.cli import main, setup_django

KINDS = ["paid_work", "interest", "inducement", "gift", "employer_message", "application"]


@main.group("journal")
def journal_group() -> None:
    """Журналы регистрации уведомлений."""


@journal_group.command("export")
@click.argument("kind", type=click.Choice(KINDS), metavar="ЖУРНАЛ")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Файл XLSX.")
@click.option("--year", type=int, help="Только записи этого года.")
def export(kind: str, out: Path, year: int | None) -> None:
    """Выгрузить журнал в XLSX по форме бумажного журнала.

    ЖУРНАЛ: paid_work — иная оплачиваемая работа; interest — личная
    заинтересованность; inducement — склонение к коррупции; gift — подарки;
    employer_message — сообщения работодателей; application — обращения в комиссию.
    """
    setup_django()
    from zorko.audit.log import record
    from zorko.cli.core import init_database
    from zorko.journals.export import export_journal
    from zorko.journals.models import JournalEntry, Kind

    init_database()
    entries = JournalEntry.objects.filter(kind=kind)
    if year:
        entries = entries.filter(year=year)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(export_journal(kind, entries))
    record(None, "journal.export", object_type="journals.journalentry", object_repr=Kind(kind).label, kind=kind,
           file=out.name)
    click.echo(f"{Kind(kind).label}: записей {entries.count()}, файл {out}")


@journal_group.command("overdue")
def overdue() -> None:
    """Просроченные записи всех журналов (срок истёк, решение не принято)."""
    setup_django()
    from datetime import date

    from zorko.cli.core import init_database
    from zorko.journals.models import OPEN_STATUSES, JournalEntry

    init_database()
    today = date.today()
    rows = [e for e in JournalEntry.objects.filter(status__in=OPEN_STATUSES).select_related("servant")
            if e.due and e.due < today]
    for e in sorted(rows, key=lambda e: (e.due, e.kind, e.number)):
        click.echo(f"{e.get_kind_display()}: № {e.reg_number}, {e.servant.full_name}, срок {e.due:%d.%m.%Y}")
    click.echo(f"Просрочено: {len(rows)}")


@journal_group.command("check-employers")
def check_employers() -> None:
    """Проверить работодателей из открытых уведомлений по реестрам; поставщики дают срабатывания."""
    setup_django()
    from zorko.cli.core import init_database
    from zorko.journals.models import OPEN_STATUSES, JournalEntry, Kind
    from zorko.journals.services import check_entry_employer

    init_database()
    entries = JournalEntry.objects.filter(kind__in=[Kind.PAID_WORK, Kind.EMPLOYER_MESSAGE],
                                          status__in=OPEN_STATUSES).exclude(employer_name="", employer_inn="")
    for e in entries.select_related("servant", "organisation"):
        click.echo(f"№ {e.reg_number} ({e.get_kind_display().lower()}): {check_entry_employer(e, None)}")
    click.echo(f"Проверено открытых уведомлений с работодателем: {entries.count()}.")


@main.group("commission")
def commission_group() -> None:
    """Комиссия по соблюдению требований к служебному поведению."""


@commission_group.command("federal-register")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Файл XLSX.")
def federal_register(out: Path) -> None:
    """Строки для реестра лиц, уволенных в связи с утратой доверия (XLSX)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.cli.core import init_database
    from zorko.commission.measures import dismissals, federal_register_xlsx

    init_database()
    rows = dismissals()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(federal_register_xlsx(rows))
    record(None, "commission.export", object_type="commission.measure", object_repr="реестр утраты доверия",
           rows=len(rows), file=out.name)
    click.echo(f"Увольнений в связи с утратой доверия: {len(rows)}, файл {out}")


@commission_group.command("summary")
@click.option("--year", type=int, help="Год (по умолчанию текущий).")
def summary(year: int | None) -> None:
    """Итоги года для мониторинга: заседания, дела, решения, меры, уведомления."""
    setup_django()
    from datetime import date

    from zorko.cli.core import init_database
    from zorko.commission.summary import year_summary

    init_database()
    for line in year_summary(year or date.today().year).lines():
        click.echo(line)
