"""The ``zorko`` command: thin wrappers over service functions.

Each area adds its commands in its own module under ``zorko/cli/``; they
are attached to the group here. Errors from :mod:`zorko.exceptions` are
caught once, printed in Russian, and turned into a non-zero exit code.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from zorko.cli import click_ru
from zorko.exceptions import ZorkoError, as_disk_full

click_ru.install()

# Modules under zorko/cli that define commands on ``main``.
COMMAND_MODULES = ["core", "people", "accounts", "registry", "matching", "screening", "reports",
                   "clarifications", "audit", "backup", "declarations", "journals", "program", "candidates", "api"]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    import django

    django.setup()


class ZorkoGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ZorkoError as exc:
            click.echo(f"Ошибка: {exc}", err=True)
            sys.exit(exc.exit_code)
        except Exception as exc:
            full = as_disk_full(exc)
            if full is None:
                raise
            click.echo(f"Ошибка: {full}", err=True)
            sys.exit(full.exit_code)


@click.group(cls=ZorkoGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zorko")
def main() -> None:
    """Зорко — антикоррупционный контроль муниципальных служащих."""


for _module in COMMAND_MODULES:
    importlib.import_module(f"zorko.cli.{_module}")
click_ru.name_placeholders(main)
