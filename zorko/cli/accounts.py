"""`zorko user add|list|set-password`: accounts from the command line."""

from __future__ import annotations

import click

from zorko.accounts.roles import ROLE_CAPABILITIES, ROLE_NAMES
from zorko.cli import main, setup_django


@main.group()
def user() -> None:
    """Учётные записи пользователей."""


@user.command("add")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(sorted(ROLE_CAPABILITIES)),
              help="Роль: administrator, inspector, hr или viewer.")
@click.option("--password", default=None, help="Пароль (если не задан, будет создан и напечатан).")
@click.option("--name", "full_name", default="", help="Имя и фамилия пользователя.")
def add(username: str, role: str, password: str | None, full_name: str) -> None:
    """Создать учётную запись с ролью."""
    setup_django()
    from zorko.accounts.users import create_user
    from zorko.audit.log import record

    account, actual = create_user(username, role, password, full_name)
    record(None, "user.create", account, role=role)
    click.echo(f"Создана учётная запись {account.username} ({ROLE_NAMES[role]})")
    if not password:
        click.echo(f"Пароль: {actual}")


@user.command("list")
def list_users() -> None:
    """Показать учётные записи и их роли."""
    setup_django()
    from django.contrib.auth.models import User

    from zorko.accounts.users import role_of

    for account in User.objects.order_by("username").prefetch_related("groups"):
        role = role_of(account)
        state = "активна" if account.is_active else "отключена"
        label = ROLE_NAMES.get(role, "администратор" if account.is_superuser else "без роли")
        click.echo(f"{account.username}\t{label}\t{state}")


@user.command("set-password")
@click.argument("username")
@click.option("--password", default=None, help="Новый пароль (если не задан, будет создан и напечатан).")
def set_password_cmd(username: str, password: str | None) -> None:
    """Сменить пароль учётной записи."""
    setup_django()
    from zorko.accounts.users import find_user, set_password
    from zorko.audit.log import record

    actual = set_password(username, password)
    record(None, "user.password", find_user(username))
    click.echo(f"Пароль учётной записи {username} изменён")
    if not password:
        click.echo(f"Пароль: {actual}")
