"""URLs of the declarations area, mounted under ``/declarations/``."""

from django.urls import path

from zorko.web.declarations import views

urlpatterns = [
    path("", views.campaign_page, name="declarations-campaign"),
    path("export.xlsx", views.campaign_export, name="declarations-export"),
    path("import/", views.import_page, name="declarations-import"),
    path("new/", views.new_declaration, name="declarations-new"),
    path("analyse/", views.analyse_start, name="declarations-analyse"),
    path("reminders/", views.reminders_page, name="declarations-reminders"),
    path("reminders.zip", views.reminders_zip, name="declarations-reminders-zip"),
    path("reminders/<int:servant_id>.docx", views.reminder_docx, name="declarations-reminder"),
    path("publication/", views.publication, name="declarations-publication"),
    path("<int:declaration_id>/", views.declaration_detail, name="declaration-detail"),
]
