from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("mijn/api-sleutels/", views.api_tokens, name="api_tokens"),
    path(
        "mijn/api-sleutels/<int:pk>/intrekken",
        views.api_token_revoke_view,
        name="api_token_revoke",
    ),
]
