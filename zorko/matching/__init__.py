"""Person matching: Russian name normalisation, blocking, scoring, explanations.

Plain Python over DuckDB: this package imports no Django. The public surface
is re-exported here; everything else is internal.
"""

from zorko.matching.engine import Match, PersonQuery, match_people
from zorko.matching.model import DEFAULT_THRESHOLD, LINK_THRESHOLD, ModelParams
from zorko.matching.names import (
    guess_gender,
    normalize_part,
    parse_fio,
    patronymic_from_first_name,
    surname_forms,
    surname_key,
)
from zorko.matching.normalize import full_name, normalize_name
from zorko.matching.registry_index import prepare_registry

__all__ = [
    "DEFAULT_THRESHOLD",
    "LINK_THRESHOLD",
    "Match",
    "ModelParams",
    "PersonQuery",
    "full_name",
    "guess_gender",
    "match_people",
    "normalize_name",
    "normalize_part",
    "parse_fio",
    "patronymic_from_first_name",
    "prepare_registry",
    "surname_forms",
    "surname_key",
]
