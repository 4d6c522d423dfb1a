"""WSGI entry point for ``zorko serve`` (waitress) or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorko.django_settings")
application = get_wsgi_application()
