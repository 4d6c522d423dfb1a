"""``zorko init``, ``zorko serve``, ``zorko worker``."""

from __future__ import annotations

import click

from zorko.cli import main, setup_django


def init_database() -> None:
    """Create or migrate the case database and the role groups."""
    from django.conf import settings
    from django.core.management import call_command

    from zorko.accounts.roles import ensure_groups

    call_command("migrate", interactive=False, verbosity=0)
    ensure_groups()
    # A data directory made before Zorko created it private (or by hand) is closed now.
    settings.CONFIG.data_dir.chmod(0o700)


@main.command()
def init() -> None:
    """Создать или обновить базу данных."""
    setup_django()
    from django.conf import settings

    init_database()
    db = settings.DATABASES["default"]
    click.echo(f"База данных готова: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")


@main.command()
@click.option("--host", default=None, help="Адрес (по умолчанию ZORKO_HOST).")
@click.option("--port", default=None, type=int, help="Порт (по умолчанию ZORKO_PORT).")
def serve(host: str | None, port: int | None) -> None:
    """Запустить веб-сервер и обработчик фоновых задач."""
    setup_django()
    from django.conf import settings
    from waitress import serve as waitress_serve

    from zorko.tasks.queue import Worker, requeue_interrupted
    from zorko.wsgi import application

    init_database()
    requeue_interrupted()
    workers = [Worker() for _ in range(max(1, settings.CONFIG.worker_threads))]
    for w in workers:
        w.start()
    host = host or settings.CONFIG.host
    port = port or settings.CONFIG.port
    click.echo(f"Зорко работает: http://{host}:{port}/  (остановить: Ctrl+C)")
    waitress_serve(application, host=host, port=port, threads=8, _quiet=True)


@main.command()
@click.option("--once", is_flag=True, help="Выполнить задачи из очереди и выйти.")
def worker(once: bool) -> None:
    """Обрабатывать фоновые задачи (загрузки, проверки) без веб-сервера."""
    setup_django()
    from zorko.tasks.queue import Worker, requeue_interrupted, run_pending

    if once:
        click.echo(f"Выполнено задач: {run_pending()}")
        return
    requeue_interrupted()
    w = Worker()
    w.start()
    try:
        w.join()
    except KeyboardInterrupt:
        w.stop()
