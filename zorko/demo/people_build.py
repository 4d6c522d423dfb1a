"""Loading the demo municipality into the case database and the demo account.

Goes through the ordinary import (so the demo exercises it), then sets what
HR files do not carry: identifiers of the organisations, the declaration
flag of positions, the date each questionnaire was last updated.
"""

from __future__ import annotations

import random
import string
from typing import Any

from django.db import transaction

from zorko import identifiers
from zorko.demo import world
from zorko.demo.people import generate, organisation_inn
from zorko.people.importing import ImportSummary, apply_import, plan_tables
from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS
from zorko.people.importing.files import table_from_rows
from zorko.people.models import Organisation, Position, Servant

DEMO_USERNAME = "demo"


def _reference_data() -> None:
    for org in world.ORGANISATIONS:
        inn = organisation_inn(org)
        Organisation.objects.update_or_create(inn=inn, defaults={
            "name": org["name"], "short_name": org["short_name"],
            "ogrn": identifiers.make_ogrn(org["ogrn_prefix"]), "kpp": f"{inn[:4]}01001",
        })
    for name, declares, _ in world.POSITIONS:
        Position.objects.update_or_create(name=name, defaults={"declaration_required": declares})


def build_demo(seed: int = 1, servants: int = 420, user: Any = None) -> ImportSummary:
    """Create or refresh the demo municipality; the same seed gives the same people."""
    data = generate(seed, servants)
    with transaction.atomic():
        _reference_data()
        plan = plan_tables(table_from_rows("демо: служащие", SERVANT_COLUMNS, data.servants),
                           table_from_rows("демо: родственники", RELATIVE_COLUMNS, data.relatives))
        summary = apply_import(plan, user)
        stale = [s for s in Servant.objects.filter(personnel_number__in=data.questionnaire_dates)
                 if s.questionnaire_updated_on != data.questionnaire_dates[s.personnel_number]]
        for servant in stale:
            servant.questionnaire_updated_on = data.questionnaire_dates[servant.personnel_number]
        Servant.objects.bulk_update(stale, ["questionnaire_updated_on"], batch_size=500)
    return summary


def demo_password(seed: int) -> str:
    """A password derived from the seed: printed by ``zorko demo``, the same on every run."""
    rng = random.Random(f"zorko-demo-password-{seed}")
    alphabet = string.ascii_letters + string.digits
    return "Zorko-" + "".join(rng.choice(alphabet) for _ in range(10))


def ensure_demo_account(seed: int) -> tuple[str, str]:
    """Create the administrator «demo» or reset its password; returns login and password."""
    from django.contrib.auth.models import Group, User

    from zorko.accounts.roles import ADMINISTRATOR, ensure_groups

    ensure_groups()
    user, _ = User.objects.get_or_create(username=DEMO_USERNAME,
                                         defaults={"first_name": "Демо", "last_name": "Администратор"})
    password = demo_password(seed)
    user.set_password(password)
    user.is_active = True
    user.save()
    user.groups.add(Group.objects.get(name=ADMINISTRATOR))
    return DEMO_USERNAME, password
