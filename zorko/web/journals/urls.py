"""URLs of the journals area, mounted under /journals/."""

from django.urls import path

from zorko.web.journals import views

urlpatterns = [
    path("journals/", views.entry_list, name="journal-list"),
    path("journals/new/<str:kind>/", views.entry_new, name="journal-new"),
    path("journals/export/<str:kind>.xlsx", views.journal_export, name="journal-export"),
    path("journals/<int:entry_id>/", views.entry_detail, name="journal-entry"),
    path("journals/<int:entry_id>/edit/", views.entry_edit, name="journal-edit"),
    path("journals/<int:entry_id>/files/<int:attachment_id>/", views.attachment_download, name="journal-file"),
    path("journals/<int:entry_id>/<str:action>/", views.entry_action, name="journal-action"),
]
