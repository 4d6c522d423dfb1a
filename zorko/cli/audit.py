"""`zorko audit verify`: check that nobody changed the audit log behind Zorko's back."""

from __future__ import annotations

import click

from zorko.cli import main, setup_django


@main.group()
def audit() -> None:
    """Журнал аудита."""


@audit.command("verify")
def verify() -> None:
    """Проверить цепочку хешей журнала аудита; код возврата 1, если записи изменены, удалены или вставлены в обход Зорко."""
    setup_django()
    from zorko.audit.chain import verify as verify_chain

    report = verify_chain()
    click.echo(str(report))
    if not report.intact:
        raise SystemExit(1)
