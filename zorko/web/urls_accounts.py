"""URLs of accounts and audit: login, logout, users page, audit log."""

from django.urls import path

from zorko.web import accounts_views, audit_views

urlpatterns = [
    path("login/", accounts_views.LoginView.as_view(), name="login"),
    path("logout/", accounts_views.LogoutView.as_view(), name="logout"),
    path("users/", accounts_views.users, name="users"),
    path("users/<int:user_id>/active/", accounts_views.user_active, name="user-active"),
    path("audit/", audit_views.audit_log, name="audit"),
    path("audit/export.csv", audit_views.audit_export, name="audit-export"),
]
