"""View decorator: login required and a capability from :mod:`zorko.accounts.roles`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zorko.accounts.roles import CAPABILITIES, can


def requires(capability: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    if capability not in CAPABILITIES:
        raise KeyError(capability)

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability):
                return render(
                    request, "web/forbidden.html",
                    {"capability": CAPABILITIES[capability]}, status=403,
                )
            return view(request, *args, **kwargs)

        wrapped.capability = capability  # type: ignore[attr-defined]  # read by the attack tests
        return wrapped

    return decorate
