"""The scopes of API tokens and their Russian names (no Django: the CLI reads them at import)."""

SCOPES = {
    "people.write": "загрузка служащих и родственников",
    "screening.read": "чтение результатов проверок",
    "screening.run": "запуск проверок",
}


def scope_name(scope: str) -> str:
    return SCOPES.get(scope, scope)
