"""The versioned REST API for external systems (the HR system), built with django-ninja.

``zorko.api.v1.api`` is mounted at ``/api/v1/``: token auth with one scope per
system (``zorko.accounts.tokens``), every call audited by ``zorko.api.audit``.
Endpoints are thin: they call the same services as the web and the CLI.
"""
