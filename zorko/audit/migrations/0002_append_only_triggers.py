"""Refuse UPDATE and DELETE of audit records in the database itself."""

from typing import Any

from django.db import migrations

from zorko.audit import triggers


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor in {"postgresql", "sqlite"}:
        triggers.install(schema_editor.connection)


def backwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor in {"postgresql", "sqlite"}:
        triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
