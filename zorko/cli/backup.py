"""``zorko backup OUT`` and ``zorko restore IN``."""

from __future__ import annotations

from pathlib import Path

import click

from zorko.cli import main, setup_django


@main.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--wait", "wait_seconds", default=900, show_default=True, type=click.IntRange(0),
              help="Сколько секунд ждать окончания идущей загрузки реестров.")
def backup(out: Path, wait_seconds: int) -> None:
    """Сохранить базу данных, хранилище реестров и файлы в АРХИВ (.tar.gz).

    Работает и при запущенном сервере: копия согласована на момент начала.
    """
    setup_django()
    from zorko.audit.log import record
    from zorko.backup.service import create_backup

    outcome = create_backup(out, wait_seconds=wait_seconds, say=click.echo)
    size = out.stat().st_size
    record(None, "backup.create", object_type="backup", object_repr=str(out.resolve()),
           files=outcome.files, registry=outcome.registry, size=size)
    click.echo(f"Резервная копия записана: {out} ({_size(size)}).")
    click.echo(f"База данных ({_engine(outcome.manifest.engine)}), "
               f"хранилище реестров: {'да' if outcome.registry else 'нет (ещё не создано)'}, "
               f"файлов: {outcome.files}.")


@main.command()
@click.argument("source", metavar="АРХИВ", type=click.Path(path_type=Path))
def restore(source: Path) -> None:
    """Восстановить базу данных, реестры и файлы из АРХИВА и обновить базу до этой версии.

    Архив сначала проверяется целиком; повреждённый архив ничего не меняет.
    Остановите «zorko serve» перед восстановлением.
    """
    setup_django()
    from zorko.audit.log import record
    from zorko.backup.service import restore_backup
    from zorko.cli.core import init_database

    outcome = restore_backup(source)
    init_database()
    m = outcome.manifest
    record(None, "backup.restore", object_type="backup", object_repr=str(source.resolve()),
           created_at=m.created_at, zorko_version=m.zorko_version, files=outcome.files)
    click.echo(f"Восстановлено из {source}: копия от {_when(m.created_at)} (Зорко {m.zorko_version}).")
    click.echo(f"База данных ({_engine(m.engine)}) обновлена до текущей версии; хранилище реестров: "
               f"{'восстановлено' if outcome.registry else 'нет в архиве'}; файлов: {outcome.files}.")


def _engine(kind: str) -> str:
    return "PostgreSQL" if kind == "postgresql" else "SQLite"


def _size(n: int) -> str:
    # Russian number format: space for thousands, comma for decimals.
    value, unit = (n / (1 << 20), "МиБ") if n >= 1 << 20 else (n / 1024, "КиБ")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",") + f" {unit}"


def _when(iso: str) -> str:
    from datetime import datetime

    from django.utils import timezone

    try:
        moment = timezone.localtime(datetime.fromisoformat(iso))
    except ValueError:
        return iso
    return str(moment.strftime("%d.%m.%Y %H:%M"))
