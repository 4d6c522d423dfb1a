"""URLs of the core pages: home and background-job progress."""

from django.urls import path

from zorko.web.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("tasks/<int:job_id>/", views.job_status, name="job-status"),
]
