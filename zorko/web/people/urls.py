"""URLs of the people area: lists, card, create and edit forms, the import page."""

from django.urls import path

from zorko.web.people import edit_views, export, views
from zorko.web.people.importing import views as importing

urlpatterns = [
    path("people/", views.servant_list, name="servant-list"),
    path("candidates/", views.candidate_list, name="candidate-list"),
    path("people/export.csv", export.servants_csv, name="servant-export"),
    path("candidates/export.csv", export.candidates_csv, name="candidate-export"),
    path("people/new/", edit_views.servant_edit, name="servant-new"),
    path("people/<int:servant_id>/", views.servant_card, name="servant-card"),
    path("people/<int:servant_id>/edit/", edit_views.servant_edit, name="servant-edit"),
    path("people/<int:servant_id>/relatives/new/", edit_views.relative_edit, name="relative-new"),
    path("people/<int:servant_id>/relatives/<int:relative_id>/edit/", edit_views.relative_edit,
         name="relative-edit"),
    path("people/import/", importing.upload, name="people-import"),
    path("people/import/confirm/", importing.confirm, name="people-import-confirm"),
    path("people/import/template/<str:kind>.xlsx", importing.template, name="people-import-template"),
]
