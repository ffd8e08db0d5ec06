from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from . import health, metrics, views
from .api_docs import api_docs
from .api_index import ApiIndexView
from .markdown_fields import markdown_preview

# The API comes first: it is the most requested part, and URL resolving tries patterns
# in order.
urlpatterns = [
    path("api/v1/", ApiIndexView.as_view(), name="api-index"),
    path("api/v1/", include("olievlek.network.api_urls")),
    path("api/v1/", include("olievlek.payitforward.api_urls")),
    path("api/v1/", include("olievlek.events.api_urls")),
    path("api/v1/", include("olievlek.knowledge.api_urls")),
    path("api/v1/", include("olievlek.impact.api_urls")),
    path("api/v1/schema", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs", api_docs, name="api-docs"),
    path("", views.home, name="home"),
    path("toegankelijkheid", views.accessibility, name="accessibility"),
    path("privacy", views.privacy, name="privacy"),
    path("taal/<str:code>", views.choose_language, name="choose_language"),
    path("markdown/voorbeeld", markdown_preview, name="markdown_preview"),
    path("accounts/", include("allauth.urls")),
    path("", include("olievlek.accounts.urls")),
    path("", include("olievlek.network.urls")),
    path("beheer/", include("olievlek.network.urls_backoffice")),
    path("beheer/mail/", include("olievlek.mail.urls")),
    path("", include("olievlek.payitforward.urls")),
    path("", include("olievlek.events.urls")),
    path("", include("olievlek.knowledge.urls")),
    path("", include("olievlek.werkvloer.urls")),
    path("", include("olievlek.programme.urls")),
    path("", include("olievlek.impact.urls")),
    path("", include("olievlek.notifications.urls")),
    path("admin/", admin.site.urls),
    # Answered by HealthCheckMiddleware first; named here for reverse() and the sweep.
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("metrics", metrics.metrics, name="metrics"),
]

handler404 = "olievlek.site.views.not_found"
handler500 = "olievlek.site.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
