"""URLs of the people import page."""

from django.urls import path

from zorko.web import views_import

urlpatterns = [
    path("people/import/", views_import.upload, name="people-import"),
    path("people/import/confirm/", views_import.confirm, name="people-import-confirm"),
    path("people/import/template/<str:kind>.xlsx", views_import.template,
         name="people-import-template"),
]
