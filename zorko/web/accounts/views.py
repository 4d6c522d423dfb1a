"""Login (throttled, audited), logout, and the administrators' users page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zorko.accounts import throttle
from zorko.accounts.roles import ROLE_NAMES
from zorko.accounts.users import create_user, role_of, set_active
from zorko.audit.log import client_ip, record
from zorko.exceptions import ValidationError
from zorko.web.access import requires
from zorko.web.accounts.forms import LoginForm, NewUserForm


class LoginView(auth_views.LoginView):
    """Django's login with a lock after repeated failures and an audit event for each try."""

    template_name = "registration/login.html"
    authentication_form = LoginForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        ip = client_ip(request)
        until = throttle.locked_until(username, ip)
        if until is not None:
            record(None, "login.failed", username=username, ip=ip, reason="locked")
            context = self.get_context_data(form=self.get_form_class()(request))
            context["locked"] = throttle.locked_message(until)
            return render(request, self.template_name, context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        username = self.request.POST.get("username", "")
        ip = client_ip(self.request)
        throttle.note_failure(username, ip)
        record(None, "login.failed", username=username, ip=ip, reason="password")
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        throttle.note_success(user.username, client_ip(self.request))
        record(user, "login", ip=client_ip(self.request))
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            record(request.user, "logout", ip=client_ip(request))
        return super().post(request, *args, **kwargs)


@requires("users.manage")
def users(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, password = create_user(data["username"], data["role"], data["password"] or None,
                                            data["full_name"])
        except ValidationError as exc:
            form.add_error(None, str(exc))
        else:
            record(request.user, "user.create", account, ip=client_ip(request), role=data["role"])
            note = f"Создана учётная запись {account.username}."
            if not data["password"]:
                note += f" Пароль: {password} — передайте его пользователю, больше он показан не будет."
            messages.success(request, note)
            return redirect("users")
    accounts = [
        {"user": u, "role": ROLE_NAMES.get(role_of(u), "администратор" if u.is_superuser else "—")}
        for u in User.objects.order_by("username").prefetch_related("groups")
    ]
    return render(request, "accounts/users.html", {"form": form, "accounts": accounts})


@require_POST
@requires("users.manage")
def user_active(request: HttpRequest, user_id: int) -> HttpResponse:
    account = get_object_or_404(User, pk=user_id)
    active = request.POST.get("active") == "1"
    if account == request.user and not active:
        messages.error(request, "Нельзя отключить собственную учётную запись.")
        return redirect("users")
    set_active(account, active)
    record(request.user, "user.activate" if active else "user.deactivate", account, ip=client_ip(request))
    messages.success(request, f"Учётная запись {account.username} {'включена' if active else 'отключена'}.")
    return redirect("users")
