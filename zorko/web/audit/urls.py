"""URLs of the audit area: the log and its CSV export."""

from django.urls import path

from zorko.web.audit import views

urlpatterns = [
    path("audit/", views.audit_log, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit-export"),
]
