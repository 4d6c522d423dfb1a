"""URLs of the clarification requests area."""

from django.urls import path, re_path

from zorko.web.clarifications import views

urlpatterns = [
    path("clarifications/", views.request_list, name="clarification-list"),
    re_path(r"^clarifications/export\.(?P<fmt>json|xlsx)$", views.requests_export, name="clarification-export"),
    path("clarifications/letters.zip", views.letters_batch, name="clarification-letters"),
    path("clarifications/<int:request_id>/", views.request_detail, name="clarification-detail"),
    path("clarifications/<int:request_id>/letter.docx", views.request_letter, name="clarification-letter"),
    path("clarifications/<int:request_id>/send/", views.request_send, name="clarification-send"),
    path("clarifications/<int:request_id>/answer/", views.request_answer, name="clarification-answer"),
    path("clarifications/<int:request_id>/close/", views.request_close, name="clarification-close"),
]
