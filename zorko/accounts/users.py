"""Account management: one function per action, shared by the CLI and the users page."""

from __future__ import annotations

import re
import secrets
import string
import unicodedata
from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction

from zorko.accounts.roles import ROLE_CAPABILITIES, ROLE_NAMES, ensure_groups
from zorko.exceptions import ValidationError

_ALPHABET = string.ascii_letters + string.digits
# Django's own rule for user names: no markup, quotes or spaces reach pages, logs and exports.
_USERNAME = re.compile(r"[\w.@+-]+")


def normalize_username(username: str) -> str:
    """The one form of a user name, at creation and at login.

    NFKC folds look-alikes such as full-width «ｔ_viewer» into «t_viewer», and casefold
    makes «Anna» and «anna» one account, so that neither a second account nor a way
    around the login lock can be made by spelling a name differently.
    """
    return unicodedata.normalize("NFKC", username).strip().casefold()


def generate_password(length: int = 14) -> str:
    # Letters and digits only: read aloud or typed from a printout without confusion about symbols.
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def _check_role(role: str) -> None:
    if role not in ROLE_CAPABILITIES:
        known = ", ".join(f"{code} ({name})" for code, name in ROLE_NAMES.items())
        raise ValidationError(f"Неизвестная роль «{role}». Возможные роли: {known}")


def _check_password(password: str, user: User | None = None) -> None:
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise ValidationError("Пароль не подходит: " + " ".join(exc.messages)) from exc


def display_name(user: Any) -> str:
    """How documents and pages name a person who acted: the full name, else the login; empty for nobody."""
    if user is None or not getattr(user, "pk", None):
        return ""
    return (user.get_full_name() or "").strip() or user.username


def role_of(user: Any) -> str:
    names = [g.name for g in user.groups.all() if g.name in ROLE_CAPABILITIES]
    return names[0] if names else ""


@transaction.atomic
def create_user(username: str, role: str, password: str | None = None,
                full_name: str = "") -> tuple[User, str]:
    """Create an active account with one role; returns it with the password (generated if none)."""
    username = normalize_username(username)
    if not username:
        raise ValidationError("Логин не может быть пустым")
    if len(username) > 150 or not _USERNAME.fullmatch(username):
        raise ValidationError("Логин — до 150 букв, цифр и знаков @ . + - _ (без пробелов)")
    _check_role(role)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"Учётная запись «{username}» уже существует")
    password = password or generate_password()
    _check_password(password)
    first, _, last = full_name.strip().partition(" ")
    user = User.objects.create_user(username, password=password, first_name=first[:150],
                                    last_name=last[:150])
    ensure_groups()
    user.groups.add(Group.objects.get(name=role))
    return user, password


def find_user(username: str) -> User:
    try:
        return User.objects.get(username=normalize_username(username))
    except User.DoesNotExist:
        raise ValidationError(f"Учётная запись «{username}» не найдена") from None


def set_password(username: str, password: str | None = None) -> str:
    user = find_user(username)
    password = password or generate_password()
    _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return password


def set_active(user: User, active: bool) -> None:
    user.is_active = active
    user.save(update_fields=["is_active"])
