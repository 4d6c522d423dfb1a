"""`zorko` commands of the registry area."""

from __future__ import annotations

from pathlib import Path

import click

from zorko.cli import main, setup_django


@main.group("registry")
def registry() -> None:
    """Реестры: ЕГРЮЛ, ЕГРИП, контракты, списки ФНС."""


@registry.group("export")
def export() -> None:
    """Выгрузка хранилища реестров в обменные форматы."""


@export.command("ftm")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Файл JSON Lines для выгрузки.")
def export_ftm(out: Path) -> None:
    """Выгрузить компании, ИП, лиц и их роли в формате FollowTheMoney (для Aleph и др.)."""
    from zorko.registry.export_ftm import export_file

    setup_django()
    from zorko.audit.log import record

    counts = export_file(out)
    # Personal data leaves the system: every export is audit-logged.
    record(None, "export", object_type="registry", object_repr="Реестры в формате FollowTheMoney",
           format="ftm", file=str(out), entities=counts.entities)
    parts = ", ".join(f"{name} {n}" for name, n in sorted(counts.by_schema.items()))
    click.echo(f"Выгружено сущностей FtM: {counts.entities} ({parts}) в {out}")
