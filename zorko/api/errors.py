"""One table of exception → JSON response for the API, in Russian (the web maps them in middleware)."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaError

from zorko.api.batch import BatchRefused, ItemError
from zorko.exceptions import ZorkoError, as_disk_full

log = logging.getLogger("zorko.api")

# pydantic's error types in the words of the people import.
SCHEMA_MESSAGES = {
    "missing": "обязательное поле не заполнено",
    "extra_forbidden": "неизвестное поле",
    "string_type": "ожидается строка",
    "list_type": "ожидается список",
    "model_type": "ожидается объект",
    "model_attributes_type": "ожидается объект",
    "dict_type": "ожидается объект",
    "json_invalid": "тело запроса — не JSON",
    "int_parsing": "ожидается целое число",
}


HTTP_TEXTS = {
    400: "Тело запроса не разбирается: ожидается JSON в UTF-8.",
    401: "Нужен токен доступа.",
    404: "Не найдено.",
    405: "Метод не поддерживается.",
    413: "Запрос слишком велик; разделите пакет на части.",
    429: "Слишком много запросов; повторите позже.",
}


def _schema_errors(errors: list[dict[str, Any]]) -> list[ItemError]:
    out = []
    for error in errors:
        loc = [part for part in error.get("loc", ()) if part not in ("body", "payload")]
        kind = str(loc[0]) if loc and isinstance(loc[0], str) else "запрос"
        index = next((p for p in loc[1:2] if isinstance(p, int)), None)
        field = next((str(p) for p in loc[2:3]), None) if index is not None else None
        message = SCHEMA_MESSAGES.get(error.get("type", ""), "неверное значение")
        out.append(ItemError(kind, index, field, message))
    return out


def _batch(api: NinjaAPI, request: HttpRequest, errors: list[ItemError]) -> HttpResponse:
    detail = f"Найдено ошибок: {len(errors)}. Ничего не записано."
    return api.create_response(request, {"detail": detail, "errors": [asdict(e) for e in errors]},
                               status=422)


def install(api: NinjaAPI) -> None:
    """Register the handlers on ``api``."""

    @api.exception_handler(BatchRefused)
    def batch_refused(request: HttpRequest, exc: BatchRefused) -> HttpResponse:
        return _batch(api, request, exc.errors)

    @api.exception_handler(SchemaError)
    def schema_error(request: HttpRequest, exc: SchemaError) -> HttpResponse:
        return _batch(api, request, _schema_errors(list(exc.errors)))

    @api.exception_handler(ZorkoError)
    def zorko_error(request: HttpRequest, exc: ZorkoError) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=exc.http_status)

    @api.exception_handler(HttpError)  # ninja's own refusals: parse errors, 401, 404, 405, 429
    @api.exception_handler(RequestDataTooBig)
    def http_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        status = getattr(exc, "status_code", 413)
        return api.create_response(request, {"detail": HTTP_TEXTS.get(status, "Ошибка запроса.")}, status=status)

    @api.exception_handler(Exception)
    def internal(request: HttpRequest, exc: Exception) -> HttpResponse:
        full = as_disk_full(exc)
        if full is not None:
            return api.create_response(request, {"detail": str(full)}, status=full.http_status)
        log.exception("API call failed: %s %s", request.method, request.path)
        return api.create_response(request, {"detail": "Внутренняя ошибка сервера."}, status=500)
