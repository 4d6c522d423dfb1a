"""URLs of the accounts area: login, logout, the users page."""

from django.urls import path

from zorko.web.accounts import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("users/", views.users, name="users"),
    path("users/<int:user_id>/active/", views.user_active, name="user-active"),
]
