"""URLs of the API tokens page."""

from django.urls import path

from zorko.web.api_tokens import views

urlpatterns = [
    path("api-tokens/", views.tokens, name="api-tokens"),
    path("api-tokens/<int:token_id>/revoke/", views.token_revoke, name="api-token-revoke"),
]
