"""URLs of the registry area: status and loads, search, company and entrepreneur cards."""

from django.urls import path

from zorko.web.registry import views

urlpatterns = [
    path("registry/", views.status, name="registry-status"),
    path("registry/load/", views.start_load, name="registry-load"),
    path("registry/search/", views.search, name="registry-search"),
    path("registry/company/<str:ogrn>/", views.company_card, name="registry-company"),
    path("registry/entrepreneur/<str:ogrnip>/", views.entrepreneur_card, name="registry-entrepreneur"),
]
