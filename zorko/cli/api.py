"""`zorko api token add|list|revoke`: tokens of external systems for the REST API."""

from __future__ import annotations

import click

from zorko.accounts.scopes import SCOPES
from zorko.cli import main, setup_django


@main.group("api")
def api_group() -> None:
    """REST API для кадровой системы."""


@api_group.group("token")
def token() -> None:
    """Токены доступа внешних систем к API."""


@token.command("add")
@click.argument("name")
@click.option("--scope", required=True, type=click.Choice(sorted(SCOPES)),
              help="Право токена: people.write — загрузка служащих и родственников, screening.read — "
                   "чтение результатов проверок, screening.run — запуск проверок.")
def add(name: str, scope: str) -> None:
    """Создать токен для системы NAME; токен печатается один раз."""
    setup_django()
    from zorko.accounts.scopes import scope_name
    from zorko.accounts.tokens import create_token

    new = create_token(name, scope)
    click.echo(f"Создан токен для системы «{new.token.name}» с правом «{scope_name(scope)}».")
    click.echo("Сохраните его сейчас: показать его ещё раз нельзя.")
    click.echo(new.secret)


@token.command("list")
def list_tokens() -> None:
    """Показать токены: система, право, когда создан, последнее обращение, отозван ли."""
    setup_django()
    from django.utils import timezone

    from zorko.accounts.models import ApiToken
    from zorko.accounts.scopes import scope_name

    def when(moment: object) -> str:
        return "—" if moment is None else f"{timezone.localtime(moment):%d.%m.%Y %H:%M}"  # type: ignore[arg-type]

    rows = list(ApiToken.objects.order_by("name"))
    if not rows:
        click.echo("Токенов нет.")
    for t in rows:
        state = f"отозван {when(t.revoked_at)}" if t.revoked_at else "действует"
        click.echo(f"{t.name}\t{scope_name(t.scope)}\tсоздан {when(t.created_at)}\t"
                   f"последнее обращение {when(t.last_used_at)}\t{state}")


@token.command("revoke")
@click.argument("name")
def revoke(name: str) -> None:
    """Отозвать токен системы NAME: её запросы больше не принимаются."""
    setup_django()
    from zorko.accounts.tokens import revoke_token

    revoke_token(name)
    click.echo(f"Токен системы «{name}» отозван.")
