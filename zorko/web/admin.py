"""Django admin for reference data only: organisations, departments, positions.

Persons, accounts and the audit log are deliberately absent: persons are
edited through Zorko's forms (which keep the change history), accounts on
the users page, and the audit log is never edited. Access follows Zorko's
roles (capability ``reference.edit``) instead of Django's staff flag, and
the admin's own login page is replaced by Zorko's throttled one.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group, User
from django.http import HttpRequest

from zorko.accounts.roles import can
from zorko.people.models import Department, Organisation, Position


def _may_edit(request: HttpRequest) -> bool:
    return bool(request.user.is_active and can(request.user, "reference.edit"))


admin.site.site_header = "Зорко: справочники"
admin.site.site_title = "Зорко"
admin.site.index_title = "Справочники"
admin.site.has_permission = _may_edit  # type: ignore[method-assign]
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]
for _model in (User, Group):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class ReferenceAdmin(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_edit(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_edit(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _may_edit(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_edit(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_edit(request)


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_edit(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission  # type: ignore[assignment]


class OrganisationForm(forms.ModelForm):
    """Identifiers are checked by the model's validators; this keeps an empty ИНН unique-safe."""

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "inn", "ogrn", "kpp"]

    def clean_inn(self) -> str | None:
        # Several organisations may lack an ИНН: store NULL, which the unique index allows.
        return (self.cleaned_data.get("inn") or "").strip() or None


@admin.register(Organisation)
class OrganisationAdmin(ReferenceAdmin):
    form = OrganisationForm
    list_display = ("name", "short_name", "inn", "ogrn", "kpp")
    search_fields = ("name", "short_name", "inn")
    inlines = [DepartmentInline]


@admin.register(Department)
class DepartmentAdmin(ReferenceAdmin):
    list_display = ("name", "organisation")
    list_filter = ("organisation",)
    search_fields = ("name",)


@admin.register(Position)
class PositionAdmin(ReferenceAdmin):
    list_display = ("name", "declaration_required")
    list_filter = ("declaration_required",)
    search_fields = ("name",)
