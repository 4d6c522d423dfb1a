"""URLs of the import area (filled in by that area)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
