"""URLs of the reports area: «Отчет о проверке ФЛ» downloads."""

from django.urls import re_path

from zorko.web.reports import views

urlpatterns = [
    re_path(r"^people/(?P<servant_id>\d+)/report\.(?P<fmt>pdf|docx)$", views.servant_report,
            name="servant-report"),
]
