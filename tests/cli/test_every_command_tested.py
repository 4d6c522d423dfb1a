"""Every command that ``zorko --help`` lists, down to the last subcommand, has a subprocess test."""

from __future__ import annotations

import re

from tests.cli.subprocess_calls import command_paths, commands_run_as_processes
from tests.cli_process import zorko
from zorko.cli import main


def _listed(tmp_path: object, *words: str) -> list[str]:
    """Command names in the «Команды:» section of ``zorko WORDS --help``."""
    done = zorko(tmp_path, *words, "--help")  # type: ignore[arg-type]
    assert done.returncode == 0, done.stderr
    section = done.stdout.split("Команды:\n", 1)[1] if "Команды:\n" in done.stdout else ""
    return re.findall(r"^  (\S+)", section, flags=re.M)


def test_the_tree_read_here_is_what_zorko_help_lists(tmp_path: object) -> None:
    assert _listed(tmp_path) == sorted(main.commands)
    assert _listed(tmp_path, "registry") == sorted(main.commands["registry"].commands)  # type: ignore[attr-defined]


def test_every_command_runs_as_a_process_in_some_test() -> None:
    paths = set(command_paths(main))
    assert ("registry", "load") in paths and ("init",) in paths
    untested = sorted(" ".join(p) for p in paths - commands_run_as_processes(paths))
    assert not untested, f"commands without a subprocess test: {untested}"
