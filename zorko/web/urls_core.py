from django.contrib.auth import views as auth_views
from django.urls import path

from zorko.web import views_core

urlpatterns = [
    path("", views_core.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tasks/<int:job_id>/", views_core.job_status, name="job-status"),
]
