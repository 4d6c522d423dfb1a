from django.urls import path

from zorko.web import views_core

urlpatterns = [
    path("", views_core.home, name="home"),
    path("tasks/<int:job_id>/", views_core.job_status, name="job-status"),
]
