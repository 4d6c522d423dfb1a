"""`zorko candidates …`: the waiting list, a check, a decision, the conclusion, the log for a period."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from zorko.cli import main, setup_django

if TYPE_CHECKING:
    from zorko.people.models import Servant

DECISIONS = {"рекомендован": "recommended", "препятствия": "obstacles", "уточнение": "clarify"}


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(f"«{value}» не является датой ДД.ММ.ГГГГ")


def _person(personnel_number: str) -> Servant:
    from zorko.exceptions import NotFound
    from zorko.people.models import Servant

    person = Servant.objects.filter(personnel_number=personnel_number).first()
    if person is None:
        raise NotFound(f"Человек с табельным номером «{personnel_number}» не найден")
    return person


@main.group("candidates")
def candidates() -> None:
    """Проверка кандидатов на должность (контрольная точка 6.1.K1)."""


@candidates.command("list")
def list_command() -> None:
    """Кандидаты: кто ждёт проверки или решения и сколько дней."""
    setup_django()
    from zorko.audit.log import record
    from zorko.candidates.services import waiting_list

    rows = waiting_list()
    record(None, "candidates.list", None, people=len(rows))
    if not rows:
        click.echo("Кандидатов нет.")
    for w in rows:
        click.echo(f"{w.person.personnel_number}\t{w.person.full_name}\t{w.state}\tс {w.since:%d.%m.%Y}\t"
                   f"дней: {w.days}")


@candidates.command("check")
@click.argument("personnel_number")
def check_command(personnel_number: str) -> None:
    """Проверить кандидата по загруженным реестрам и сохранить запись проверки."""
    setup_django()
    from zorko.candidates.services import run_check

    check = run_check(_person(personnel_number))
    click.echo(f"Проверка № {check.pk}: {check.person.full_name}, реестров {len(check.registries)}, "
               f"родственников {check.relatives_checked}, срабатываний {len(check.findings)}, "
               f"запросов на уточнение {len(check.clarifications)}.")
    for f in check.findings:
        click.echo(f"  {f['severity_label']}: {f['explanation']}")


@candidates.command("decide")
@click.argument("check_id", type=int)
@click.argument("decision", type=click.Choice(list(DECISIONS)))
@click.option("--note", default="", help="Обоснование решения.")
def decide_command(check_id: int, decision: str, note: str) -> None:
    """Записать решение по проверке: рекомендован, препятствия или уточнение."""
    setup_django()
    from zorko.candidates.models import CandidateCheck
    from zorko.candidates.services import decide
    from zorko.exceptions import NotFound

    check = CandidateCheck.objects.filter(pk=check_id).first()
    if check is None:
        raise NotFound(f"Проверка № {check_id} не найдена")
    decide(check, DECISIONS[decision], note=note)
    click.echo(f"Решение по проверке № {check_id}: {check.get_decision_display()}")


@candidates.command("conclusion")
@click.argument("check_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Файл заключения.")
def conclusion_command(check_id: int, fmt: str, out: Path) -> None:
    """Заключение по проверке кандидата (одна страница, PDF или DOCX)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.candidates import conclusion
    from zorko.candidates.models import CandidateCheck
    from zorko.exceptions import NotFound

    check = CandidateCheck.objects.filter(pk=check_id).first()
    if check is None:
        raise NotFound(f"Проверка № {check_id} не найдена")
    out.write_bytes(conclusion.pdf(check) if fmt == "pdf" else conclusion.docx(check))
    record(None, "candidates.conclusion", check, format=fmt, file=str(out))
    click.echo(f"Заключение записано: {out}")


@candidates.command("log")
@click.option("--from", "start", required=True, callback=_day, help="Начало периода, ДД.ММ.ГГГГ.")
@click.option("--to", "end", required=True, callback=_day, help="Конец периода, ДД.ММ.ГГГГ.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Файл XLSX.")
def log_command(start: date, end: date, out: Path) -> None:
    """Журнал проверок кандидатов за период в XLSX (свидетельство по контрольной точке 6.1.K1)."""
    setup_django()
    from zorko.audit.log import record
    from zorko.candidates.log_export import log_xlsx
    from zorko.candidates.services import checks_between

    checks = checks_between(start, end)
    out.write_bytes(log_xlsx(checks))
    record(None, "candidates.log_export", None, start=start.isoformat(), end=end.isoformat(), checks=len(checks),
           file=str(out))
    click.echo(f"Журнал за {start:%d.%m.%Y}–{end:%d.%m.%Y}: проверок {len(checks)}, записан в {out}")
