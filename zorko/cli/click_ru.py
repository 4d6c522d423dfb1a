"""click's own words in Russian: a gettext catalogue for the ``click`` domain.

click marks its texts with ``gettext``/``ngettext`` imported into each of its
modules, so a translation installed in those modules reaches every message
(help headings, usage errors, type names) without copying click's code. The
catalogue is a :class:`gettext.NullTranslations` with a dict: it needs no
compiled ``.mo`` file and no locale set in the environment.
"""

from __future__ import annotations

import gettext
import importlib

import click
import click.types

MESSAGES: dict[str, str] = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "%(prog)s, version %(version)s": "%(prog)s, версия %(version)s",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: «{command} {option}».",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды «{name}».",
    "No such option {name!r}.": "Нет такого параметра «{name}».",
    "Missing option": "Не указан параметр",
    "Missing argument": "Не указан аргумент",
    "Missing parameter": "Не указан параметр",
    "Missing parameter: {param_name}": "Не указан параметр: {param_name}",
    "Missing {param_type}": "Не указан {param_type}",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Параметр «{name}» не принимает значения.",
    "Argument {name!r} takes {nargs} values.": "Аргумент «{name}» принимает значений: {nargs}.",
    "Invalid start character for option ({option})": "Неверный первый символ параметра ({option})",
    "Could not open file {filename!r}: {message}": "Не удалось открыть файл «{filename}»: {message}",
    "Aborted!": "Прервано.",
    "unknown error": "неизвестная ошибка",
    "Value must be an iterable.": "Значение должно быть списком.",
    "Name '{name}' defined twice": "Имя «{name}» задано дважды",
    "deprecated": "устарело",
    "(dynamic)": "(вычисляется)",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "required": "обязательный",
    "Do you want to continue?": "Продолжить?",
    "Confirm the action without prompting.": "Подтвердить действие без вопроса.",
    "Press any key to continue...": "Нажмите любую клавишу…",
    "Repeat for confirmation": "Повторите для подтверждения",
    "Error: The two entered values do not match.": "Ошибка: введённые значения не совпадают.",
    "Error: invalid input": "Ошибка: неверный ввод",
    "Choose from:\n\t{choices}": "Выберите из:\n\t{choices}",
    "Choice({choices})": "Выбор({choices})",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "{name} {filename!r} does not exist.": "{name} «{filename}» не существует.",
    "{name} {filename!r} is a file.": "{name} «{filename}» — файл, а нужна папка.",
    "{name} {filename!r} is a directory.": "{name} «{filename}» — папка, а нужен файл.",
    "{name} {filename!r} is not readable.": "{name} «{filename}» недоступен для чтения.",
    "{name} {filename!r} is not writable.": "{name} «{filename}» недоступен для записи.",
    "{name} {filename!r} is not executable.": "{name} «{filename}» не исполняемый.",
    "{value!r} is not a valid {number_type}.": "«{value}» — не {number_type}.",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{value!r} is not a valid UUID.": "«{value}» — не UUID.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "«{value}» — не логическое значение. Допустимо: {states}",
    "Unknown color {colour!r}": "Неизвестный цвет «{colour}»",
    "Unknown standard stream '{name}'": "Неизвестный стандартный поток «{name}»",
}

PLURALS: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})":
        ("Лишний аргумент ({args})", "Лишние аргументы ({args})"),
    "Option {name!r} requires an argument.":
        ("Параметру «{name}» нужно значение.", "Параметру «{name}» нужно значений: {nargs}."),
    "Takes {nargs} values but 1 was given.":
        ("Нужно значений: {nargs}, дано 1.", "Нужно значений: {nargs}, дано {len}."),
    "{value!r} is not {choice}.":
        ("«{value}» — не {choice}.", "«{value}» — не одно из: {choices}."),
    "{value!r} does not match the format {format}.":
        ("«{value}» не в формате {format}.", "«{value}» не в форматах {formats}."),
    "{len_type} values are required, but {len_value} was given.":
        ("Нужно значений: {len_type}, дано {len_value}.", "Нужно значений: {len_type}, дано {len_value}."),
    "Did you mean {possibility}?":
        ("Может быть, {possibility}?", "(Может быть, одна из: {possibilities}?)"),
}

# Type names appear in help as metavars (``--seed ЧИСЛО``) and in error messages.
TYPE_NAMES: dict[type[click.ParamType], str] = {
    click.types.StringParamType: "текст",
    click.types.IntParamType: "число",
    click.types.FloatParamType: "число",
    click.types.BoolParamType: "да/нет",
    click.types.IntRange: "число",
    click.types.FloatRange: "число",
    click.types.DateTime: "дата",
    click.types.File: "файл",
    click.types.UUIDParameterType: "UUID",
}

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion",
                 "termui", "types", "utils", "_termui_impl")


class ClickRussian(gettext.NullTranslations):
    """The ``click`` domain's Russian catalogue; an unknown text stays as click wrote it."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = PLURALS.get(msgid1)
        if forms is None:
            return msgid1 if n == 1 else msgid2
        return forms[0] if n == 1 else forms[1]


def _option_hint(self: click.Parameter, ctx: click.Context | None) -> str:
    return " / ".join(f"«{name}»" for name in (self.opts or [self.human_readable_name]))


def _argument_hint(self: click.Argument, ctx: click.Context | None) -> str:
    return f"«{self.make_metavar(ctx) if ctx is not None else self.human_readable_name}»"


def install() -> None:
    """Make click speak Russian in this process (idempotent)."""
    catalogue = ClickRussian()
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = catalogue.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = catalogue.ngettext  # type: ignore[attr-defined]
    for cls, word in TYPE_NAMES.items():
        cls.name = word
    # The parameter named in an error, in Russian quotes like every other name Zorko prints.
    click.Parameter.get_error_hint = _option_hint  # type: ignore[method-assign]
    click.Argument.get_error_hint = _argument_hint  # type: ignore[method-assign]
