"""URL map: one include per area; each area owns its url module."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

handler403 = "zorko.web.core.errors.permission_denied"
handler404 = "zorko.web.core.errors.page_not_found"
handler500 = "zorko.web.core.errors.server_error"

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=static("zorko/favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("", include("zorko.web.core.urls")),
    path("", include("zorko.web.accounts.urls")),
    path("", include("zorko.web.audit.urls")),
    path("", include("zorko.web.people.urls")),
    path("", include("zorko.web.registry.urls")),
    path("", include("zorko.web.findings.urls")),
    path("", include("zorko.web.reports.urls")),
    path("", include("zorko.web.clarifications.urls")),
    path("declarations/", include("zorko.web.declarations.urls")),
    path("", include("zorko.web.journals.urls")),
    path("", include("zorko.web.commission.urls")),
    path("", include("zorko.web.program.urls")),
    path("", include("zorko.web.candidates.urls")),
    path("", include("zorko.web.api_tokens.urls")),
    path("api/", include("zorko.api.urls")),
]
