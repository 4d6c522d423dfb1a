"""Tokens page: the secret of a new token is rendered once, in the response to its creation."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from zorko.accounts.models import ApiToken
from zorko.accounts.scopes import scope_name
from zorko.accounts.tokens import NewToken, create_token, revoke_token
from zorko.audit.log import client_ip
from zorko.exceptions import ValidationError
from zorko.web.access import requires
from zorko.web.api_tokens.forms import NewTokenForm


@never_cache
@requires("api.manage")
def tokens(request: HttpRequest) -> HttpResponse:
    form = NewTokenForm(request.POST or None)
    created: NewToken | None = None
    if request.method == "POST" and form.is_valid():
        try:
            created = create_token(form.cleaned_data["name"], form.cleaned_data["scope"], request.user,
                                   client_ip(request))
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            form = NewTokenForm()
    rows = [{"token": t, "scope": scope_name(t.scope)} for t in ApiToken.objects.order_by("name")]
    return render(request, "api_tokens/tokens.html", {"form": form, "rows": rows, "created": created})


@require_POST
@requires("api.manage")
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id)
    revoke_token(token.name, request.user, client_ip(request))
    messages.success(request, f"Токен системы «{token.name}» отозван.")
    return redirect("api-tokens")
