"""URLs of the API: one line per version."""

from django.urls import path

from zorko.api.v1 import api as v1

urlpatterns = [path("v1/", v1.urls)]
