"""The ``zorko`` command: thin wrappers over service functions.

Each area adds its commands in its own module under ``zorko/cli/``; they
are attached to the group here. Errors from :mod:`zorko.exceptions` are
caught once, printed in Russian, and turned into a non-zero exit code.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from typing import Any

import click

from zorko.cli import click_ru
from zorko.exceptions import ZorkoError, as_disk_full

# Before any command is declared: click's words, type names and metavars in Russian.
click_ru.install()

# Modules under zorko/cli that define commands on ``main``.
COMMAND_MODULES = ["core", "people", "accounts", "registry", "matching", "screening", "reports",
                   "clarifications", "audit", "backup", "declarations", "journals", "program", "candidates", "api"]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
    import django

    django.setup()


def _first_paragraph(text: str | None) -> str:
    """A command's first help paragraph on one line: the command list shows it whole, never cut."""
    if not text:
        return ""
    paragraph = inspect.cleandoc(text).split("\n\n", 1)[0]
    return " ".join(paragraph.split())


# Words that stand for a command's arguments in its usage line (click would show the English name).
ARGUMENT_WORDS = {
    "check_id": "НОМЕР_ПРОВЕРКИ", "decision": "РЕШЕНИЕ", "file": "ФАЙЛ", "names": "ДОЛЖНОСТИ",
    "out": "АРХИВ", "paths": "ПУТИ", "personnel_number": "ТАБЕЛЬНЫЙ_НОМЕР",
    "relatives_file": "ФАЙЛ_РОДСТВЕННИКОВ", "servants_file": "ФАЙЛ_СЛУЖАЩИХ", "source": "ИСТОЧНИК",
    "username": "ЛОГИН",
}


def _russian_metavar(argument: click.Argument) -> str | None:
    word = ARGUMENT_WORDS.get(argument.name or "")
    if argument.metavar is not None or word is None:
        return argument.metavar
    word += "..." if argument.nargs != 1 else ""
    return word if argument.required else f"[{word}]"


class ZorkoCommand(click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, click.Argument):
                param.metavar = _russian_metavar(param)

    def get_short_help_str(self, limit: int = 45) -> str:
        return _first_paragraph(self.short_help or self.help)


class ZorkoGroup(click.Group):
    command_class = ZorkoCommand
    group_class = type  # subgroups are ZorkoGroups too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        kwargs.setdefault("subcommand_metavar", "КОМАНДА [АРГУМЕНТЫ]...")
        super().__init__(*args, **kwargs)

    def get_short_help_str(self, limit: int = 45) -> str:
        return _first_paragraph(self.short_help or self.help)

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


@click.group(cls=ZorkoGroup, context_settings={"help_option_names": ["-h", "--help"],
                                                  "max_content_width": 120})
@click.version_option(package_name="zorko")
def main() -> None:
    """Зорко — антикоррупционный контроль муниципальных служащих."""


for _module in COMMAND_MODULES:
    importlib.import_module(f"zorko.cli.{_module}")
