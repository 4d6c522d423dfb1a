"""Maps Zorko's exceptions to HTTP responses in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zorko.exceptions import ZorkoError


class ZorkoErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        if isinstance(exception, ZorkoError):
            return render(request, "web/error.html", {"error": exception}, status=exception.http_status)
        return None
