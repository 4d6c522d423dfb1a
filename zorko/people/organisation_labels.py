"""Names of organisations for lists to choose from, told apart when two share a short name.

A municipal district has several «Администрация» (the district's and each settlement's): a list
that showed only the short name offered the same line twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from zorko.people.models import Organisation


def distinct_labels(organisations: Iterable[Organisation]) -> dict[int, str]:
    """{id: label}: the short name, else the full name, else the full name with the ИНН."""
    orgs = list(organisations)
    short = Counter(str(o) for o in orgs)
    full = Counter(o.name for o in orgs)
    labels = {}
    for org in orgs:
        label = str(org)
        if short[label] > 1:
            label = org.name if full[org.name] == 1 else f"{org.name}, ИНН {org.inn or 'не указан'} (№ {org.pk})"
        labels[org.pk] = label
    return labels


def labelled(organisations: Iterable[Organisation]) -> list[Organisation]:
    """The organisations, each with ``label`` for the page's list."""
    orgs = list(organisations)
    labels = distinct_labels(orgs)
    for org in orgs:
        org.label = labels[org.pk]  # type: ignore[attr-defined]
    return orgs
