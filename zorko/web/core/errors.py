"""Zorko's own 403, 404 and 500 pages (``handler403/404/500`` in the root urlconf).

They are in Russian on the base layout and never show the exception: an
exception's text may be English (Django's own) or name internals.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/404.html", status=404)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/403.html", status=403)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may be the database itself, and the layout's user menu
    # and role names would query it.
    return HttpResponseServerError(render_to_string("web/500.html"))
