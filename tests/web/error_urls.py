"""A test urlconf: Zorko's URLs plus one view that fails, to see the 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from zorko.web.urls import handler403, handler404, handler500
from zorko.web.urls import urlpatterns as zorko_urls

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("Traceback secret: /srv/zorko/settings.py password=hunter2")


urlpatterns = [path("broken-for-test/", broken), *zorko_urls]
