"""URLs of the registry area (filled in by that area)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
