"""Maps Zorko's exceptions to HTTP responses in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zorko.audit.log import client_ip, request_ip
from zorko.exceptions import ZorkoError, as_disk_full


class AuditIpMiddleware:
    """Every audit record made while answering a request carries the client's address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_ip(client_ip(request)):
            return self.get_response(request)


class ZorkoErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        if not isinstance(exception, ZorkoError):
            exception = as_disk_full(exception) or exception
        if isinstance(exception, ZorkoError):
            return render(request, "web/error.html", {"error": exception}, status=exception.http_status)
        return None


# Forms an anonymous visitor can post carry a few short fields; a bigger body is an attack.
SMALL_FORMS = ("/login/",)
SMALL_FORM_LIMIT = 16 * 1024
HEADER_LIMIT = 32 * 1024


class RequestLimitMiddleware:
    """Refuse oversized requests before anything reads, parses or logs them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        headers = sum(len(k) + len(str(v)) for k, v in request.META.items() if k.startswith("HTTP_"))
        if headers > HEADER_LIMIT:
            return _refused(request, "Заголовки запроса слишком велики.", 431)
        if request.method == "POST" and request.path in SMALL_FORMS:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = SMALL_FORM_LIMIT + 1
            if length > SMALL_FORM_LIMIT:
                return _refused(request, "Запрос слишком велик.", 413)
        return self.get_response(request)


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "web/error.html", {"error": message}, status=status)
