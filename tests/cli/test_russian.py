"""click's own words in Russian: help, usage errors, type names; help texts are never cut."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from tests.cli.subprocess_calls import command_paths
from tests.cli_process import zorko
from zorko.cli import main

CLICK_ENGLISH = ("Usage", "Options", "Commands", "Show this message", "Missing", "Invalid value",
                 "No such", "Try '", "Error:", "is not", "one of", "INTEGER", "TEXT", "PATH",
                 "default:", ", version", "[OPTIONS]", "COMMAND", "ARGS", "does not exist")


def _english(text: str) -> list[str]:
    return [word for word in CLICK_ENGLISH if word in text]


def test_help_is_russian(tmp_path: Path) -> None:
    done = zorko(tmp_path, "--help")
    assert done.returncode == 0
    assert done.stdout.startswith("Использование: ")
    assert "Параметры:" in done.stdout and "Команды:" in done.stdout
    assert "Показать эту справку и выйти." in done.stdout
    assert not _english(done.stdout), done.stdout


def test_missing_option_is_russian(tmp_path: Path) -> None:
    done = zorko(tmp_path, "report", "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert "Ошибка: Не указан параметр «--person»." in done.stderr
    assert "Справка: «" in done.stderr
    assert not _english(done.stderr), done.stderr


def test_invalid_choice_and_number_are_russian(tmp_path: Path) -> None:
    done = zorko(tmp_path, "user", "add", "petrov", "--role", "boss")
    assert done.returncode == 2
    assert "Неверное значение «--role»: «boss» — не одно из:" in done.stderr
    assert not _english(done.stderr), done.stderr
    number = zorko(tmp_path, "demo", "--seed", "семь")
    assert number.returncode == 2 and "«семь» — не число." in number.stderr


def test_unknown_command_is_russian(tmp_path: Path) -> None:
    done = zorko(tmp_path, "провериь")
    assert done.returncode == 2
    assert "Ошибка: Нет такой команды «провериь»." in done.stderr
    assert not _english(done.stderr), done.stderr


def test_version_is_russian(tmp_path: Path) -> None:
    done = zorko(tmp_path, "--version")
    assert done.returncode == 0 and ", версия " in done.stdout


def _groups(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out += _groups(command, (*prefix, name))
    return out


def test_no_help_text_is_cut_and_none_is_english() -> None:
    # In process, for speed: the same click tree, catalogue and formatter as the processes above.
    runner = CliRunner()
    for words in [*_groups(main), *command_paths(main)]:
        result = runner.invoke(main, [*words, "--help"], prog_name="zorko", terminal_width=80)
        assert result.exit_code == 0, words
        listing = result.output.split("Команды:", 1)[1] if "Команды:" in result.output else ""
        assert "..." not in listing and "…" not in listing, (words, listing)
        assert not _english(result.output), (words, _english(result.output))
