"""Which ``zorko`` commands the test suite runs as real subprocesses, read from the tests' source.

A call counts when it runs ``[sys.executable, "-m", "zorko", ...]`` or goes through a helper
that does (such as :func:`tests.cli_process.zorko`), with the command words written as string
literals: those words, matched against the command tree, name the command that was run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import click

TESTS = Path(__file__).resolve().parents[1]


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every leaf command of the tree as its words: ("registry", "load"), ("init",), …"""
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))
        else:
            yield (*prefix, name)


def _runs_zorko_module(node: ast.AST) -> bool:
    """``[..., "-m", "zorko", ...]`` somewhere inside ``node``."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.List):
            words = [e.value for e in sub.elts if isinstance(e, ast.Constant)]
            if any(words[i:i + 2] == ["-m", "zorko"] for i in range(len(words))):
                return True
    return False


def _literal_words(nodes: list[ast.expr]) -> list[str]:
    """The string literals of an argument list, after the leading non-literals (data dir …)."""
    words: list[str] = []
    for node in nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            words.append(node.value)
        elif words:
            break
    return words


def _name(func: ast.expr) -> str:
    """``zorko(...)`` and ``self.zorko(...)`` both call the helper ``zorko``."""
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _trees() -> list[ast.Module]:
    return [ast.parse(p.read_text(encoding="utf-8")) for p in sorted(TESTS.rglob("*.py"))]


def _helpers(trees: list[ast.Module]) -> set[str]:
    """Names of functions (and their import aliases) that run ``python -m zorko``."""
    names = {node.name for tree in trees for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef) and _runs_zorko_module(node)}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names |= {a.asname for a in node.names if a.asname and a.name in names}
    return names


def _local_helpers(tree: ast.Module, helpers: set[str]) -> set[str]:
    """The helpers one test module can call: its own, those it imports, and methods of objects."""
    own = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name in helpers}
    imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                for a in n.names if a.name in helpers}
    return own | imported


def invoked_words() -> Iterator[list[str]]:
    """The literal words of every subprocess run of ``zorko`` written in the tests."""
    trees = _trees()
    helpers = _helpers(trees)
    for tree in trees:
        local = _local_helpers(tree, helpers)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            # ``installation.run("init")``: a method of a helper object that runs ``python -m zorko``.
            if (isinstance(node.func, ast.Name) and node.func.id in local) or (
                    isinstance(node.func, ast.Attribute) and node.func.attr in helpers):
                yield _literal_words(node.args)
        for node in ast.walk(tree):
            if isinstance(node, ast.List):
                words = [e.value if isinstance(e, ast.Constant) else None for e in node.elts]
                for i in range(len(words) - 1):
                    if words[i:i + 2] == ["-m", "zorko"]:
                        yield [w for w in words[i + 2:] if isinstance(w, str)]


def commands_run_as_processes(paths: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The commands among ``paths`` that some test runs as a subprocess."""
    tested = set()
    for words in invoked_words():
        for n in range(len(words), 0, -1):
            if tuple(words[:n]) in paths:
                tested.add(tuple(words[:n]))
                break
    return tested
