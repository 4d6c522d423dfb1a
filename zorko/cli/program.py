"""`zorko program …`: control points, the progress report, «Мониторинг-К», the batch of person reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from zorko.cli import main, setup_django
from zorko.exceptions import ValidationError

OUT = click.Path(dir_okay=False, path_type=Path)


@main.group()
def program() -> None:
    """Программа противодействия коррупции: контрольные точки, отчёты, «Мониторинг-К»."""


@program.command("points")
@click.option("--year", type=int, default=None, help="Год (по умолчанию текущий).")
def points(year: int | None) -> None:
    """Контрольные точки года и их статусы."""
    setup_django()
    from zorko.program.status import statuses

    today = date.today()
    for r in statuses(year or today.year, today):
        mark = " !" if r.alarm else ""
        click.echo(f"{r.point.code:8} {r.occurrence.label:22} до {r.occurrence.due:%d.%m.%Y}  "
                   f"{r.status_name}{mark}  {r.point.short_title or r.point.title[:60]}")


@program.command("load-points")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def load_points(file: Path) -> None:
    """Загрузить контрольные точки из файла JSON (всё или ничего)."""
    setup_django()
    from zorko.program.control_points import read_file, save_content

    saved = save_content(read_file(file.read_bytes(), file.name), file.name)
    click.echo(f"Контрольных точек загружено: {len(saved)}")


@program.command("report")
@click.option("--year", type=int, required=True, help="Год.")
@click.option("--quarter", type=click.IntRange(0, 4), default=0, show_default=True, help="Квартал (0 — весь год).")
@click.option("--format", "fmt", type=click.Choice(["docx", "xlsx"]), default="docx", show_default=True)
@click.option("--out", type=OUT, required=True, help="Файл отчёта.")
def report(year: int, quarter: int, fmt: str, out: Path) -> None:
    """Отчёт о ходе реализации программы за квартал или год."""
    setup_django()
    from zorko.audit.log import record
    from zorko.program.progress_report import progress_docx, progress_rows, progress_xlsx

    rows = progress_rows(year, quarter, date.today())
    out.write_bytes(progress_docx(year, quarter, rows) if fmt == "docx" else progress_xlsx(year, quarter, rows))
    record(None, "export", object_type="program", object_repr=f"отчёт о ходе реализации программы {year}",
           rows=len(rows), file=str(out))
    click.echo(f"Контрольных точек в отчёте: {len(rows)} → {out}")


@program.command("monitoring")
@click.option("--year", type=int, required=True, help="Год.")
@click.option("--quarter", type=click.IntRange(1, 4), required=True, help="Квартал.")
@click.option("--submit", is_flag=True, help="Представить форму и заморозить её значения.")
@click.option("--out", type=OUT, default=None, help="Выгрузить форму в XLSX.")
def monitoring(year: int, quarter: int, submit: bool, out: Path | None) -> None:
    """Заполнить «Мониторинг-К» за квартал по данным Зорко (и представить)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.program import monitoring as mk
    from zorko.program.models import MonitoringReport
    from zorko.program.monitoring_export import monitoring_xlsx

    existing = MonitoringReport.objects.filter(year=year, quarter=quarter).first()
    if existing and existing.status == MonitoringReport.Status.SUBMITTED and not submit:
        rep = existing
    else:
        rep = mk.submit(year, quarter) if submit else mk.fill(year, quarter)
    click.echo(f"«Мониторинг-К» за {quarter} квартал {year} г.: {rep.get_status_display()}")
    for row in mk.rows(rep, mk.previous_of(rep)):
        value = "нет данных" if row.value is None else row.value
        click.echo(f"  {row.code:6} {row.title[:70]}: {value}")
    if out:
        out.write_bytes(monitoring_xlsx(rep))
        record(None, "export", rep, object_repr=f"«Мониторинг-К» за {quarter} квартал {year} г.", file=str(out))
        click.echo(f"Форма выгружена: {out}")


@program.command("batch")
@click.option("--organisation", default=None, metavar="ИНН", help="Служащие организации.")
@click.option("--candidates", default=None, metavar="ГГГГ-ММ", help="Кандидаты, внесённые в этом месяце.")
@click.option("--persons", default=None, metavar="НОМЕР,НОМЕР", help="Табельные номера через запятую.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf", show_default=True)
@click.option("--out", type=OUT, required=True, help="ZIP-архив.")
def batch(organisation: str | None, candidates: str | None, persons: str | None, fmt: str, out: Path) -> None:
    """«Отчет о проверке ФЛ» для многих: ZIP с отчетами и сводкой XLSX."""
    chosen = [x for x in (organisation, candidates, persons) if x]
    if len(chosen) != 1:
        raise ValidationError("Укажите ровно одно из: --organisation ИНН, --candidates ГГГГ-ММ, --persons НОМЕРА")
    setup_django()
    from zorko.audit.log import record
    from zorko.people.models import Organisation
    from zorko.program.batch import select, write_batch

    if organisation:
        org = Organisation.objects.filter(inn=organisation).first()
        if org is None:
            raise ValidationError(f"Организация с ИНН {organisation} не найдена")
        servants = select("organisation", org.pk)
    elif candidates:
        servants = select("candidates", month=candidates)
    else:
        servants = select("selection", numbers=(persons or "").split(","))
    count = write_batch(servants, fmt, out)
    record(None, "export", object_type="program", object_repr=f"пакет отчетов о проверке ФЛ: {count}",
           rows=count, file=str(out), format=fmt)
    click.echo(f"Отчетов в архиве: {count} → {out}")
