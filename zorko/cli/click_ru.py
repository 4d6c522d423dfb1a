"""click's own words (Usage, Options, Missing option…) in Russian.

click marks its messages for gettext but ships no catalogue, and a catalogue
would be chosen by the user's locale. Zorko speaks Russian whatever the
terminal's locale, so click's ``_``/``ngettext`` are replaced by lookups in
:data:`MESSAGES`; a message not listed stays as click writes it. Must run
before any command is declared: the help options take their text then.
"""

from __future__ import annotations

import importlib

MESSAGES = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Positional arguments": "Позиционные аргументы",
    "Show the version and exit.": "Показать версию и выйти.",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "%(prog)s, version %(version)s": "%(prog)s, версия %(version)s",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: «{command} {option}».",
    "Missing option": "Не указан параметр",
    "Missing argument": "Не указан аргумент",
    "Missing parameter": "Не указан параметр",
    "Missing parameter: {param_name}": "Не указан параметр: {param_name}",
    "Missing {param_type}": "Не указан {param_type}",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды: {name!r}.",
    "No such option {name!r}.": "Нет такого параметра: {name!r}.",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Invalid value for {param_hint}: {message}": "Недопустимое значение {param_hint}: {message}",
    "Invalid value: {message}": "Недопустимое значение: {message}",
    "Aborted!": "Прервано.",
    "Do you want to continue?": "Продолжить?",
    "Confirm the action without prompting.": "Подтвердить действие без вопроса.",
    "Repeat for confirmation": "Повторите для подтверждения",
    "Error: The two entered values do not match.": "Ошибка: введённые значения не совпадают.",
    "Error: invalid input": "Ошибка: неверный ввод",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "required": "обязательный",
    "deprecated": "устарело",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "Choose from:\n\t{choices}": "Выберите из:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} — не {number_type}.",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} — папка.",
    "{name} {filename!r} is a file.": "{name} {filename!r} — файл.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} недоступен для чтения.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} недоступен для записи.",
    "Could not open file {filename!r}: {message}": "Не удалось открыть файл {filename!r}: {message}",
    "{value!r} does not match the format {format}.": "{value!r} не соответствует формату {format}.",
    "integer": "целое число",
    "float": "число",
}
PLURALS = {
    "Got unexpected extra argument ({args})": "Лишние аргументы: {args}",
    "Did you mean {possibility}?": "Может быть, {possibility}?",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "{value!r} is not {choice}.": "{value!r} — не {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} — не одно из: {choices}.",
}
PLURALS.update({
    "Got unexpected extra arguments ({args})": PLURALS["Got unexpected extra argument ({args})"],
    "(Did you mean one of: {possibilities}?)": "(Может быть, одно из: {possibilities}?)",
    "Option {name!r} requires {nargs} arguments.": "Параметру {name!r} нужно значений: {nargs}.",
})
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return PLURALS.get(chosen, chosen)


def install() -> None:
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def name_placeholders(command: object) -> None:
    """«[ПАРАМЕТРЫ]» and «КОМАНДА» in every usage line, and no help text cut short in command lists."""
    import click

    if isinstance(command, click.Command):
        command.options_metavar = "[ПАРАМЕТРЫ]"
        if command.help and not command.short_help:
            command.short_help = command.help.strip().split("\n")[0]
    if isinstance(command, click.Group):
        command.subcommand_metavar = "КОМАНДА [АРГУМЕНТЫ]..."
        for sub in command.commands.values():
            name_placeholders(sub)
