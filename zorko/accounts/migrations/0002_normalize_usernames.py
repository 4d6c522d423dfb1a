"""Store every user name in its normal form (NFKC, casefold), as creation and login now use it.

A name whose normal form another account already has is left as it is (and
cannot log in until renamed): merging two people's accounts would be worse.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import migrations


def normalize(apps: Any, schema_editor: Any) -> None:
    User = apps.get_model("auth", "User")
    taken = set(User.objects.values_list("username", flat=True))
    for user in User.objects.all():
        normal = unicodedata.normalize("NFKC", user.username).strip().casefold()
        if normal != user.username and normal not in taken:
            taken.discard(user.username)
            taken.add(normal)
            user.username = normal
            user.save(update_fields=["username"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(normalize, migrations.RunPython.noop)]
