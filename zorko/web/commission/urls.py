"""URLs of the commission area, mounted under /commission/."""

from django.urls import path

from zorko.web.commission import views

urlpatterns = [
    path("commission/", views.index, name="commission"),
    path("commission/cases/from-finding/", views.case_from_finding, name="commission-case-from-finding"),
    path("commission/cases/<int:case_id>/", views.case_detail, name="commission-case"),
    path("commission/cases/<int:case_id>/measure/", views.measure_add, name="commission-measure-add"),
    path("commission/meetings/new/", views.meeting_new, name="commission-meeting-new"),
    path("commission/meetings/<int:meeting_id>/", views.meeting_detail, name="commission-meeting"),
    path("commission/meetings/<int:meeting_id>/protocol.docx", views.meeting_protocol, name="commission-protocol"),
    path("commission/meetings/<int:meeting_id>/<str:action>/", views.meeting_action,
         name="commission-meeting-action"),
    path("commission/items/<int:item_id>/<str:kind>.docx", views.item_document, name="commission-item-document"),
    path("commission/items/<int:item_id>/<str:action>/", views.item_action, name="commission-item-action"),
    path("commission/members/", views.members_page, name="commission-members"),
    path("commission/measures/", views.measures_page, name="commission-measures"),
    path("commission/measures/federal.xlsx", views.federal_export, name="commission-federal-export"),
]
