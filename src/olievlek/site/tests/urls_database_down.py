"""The site's URLs plus views that meet a database that is away, for the 503 tests."""

from django.db import InterfaceError, OperationalError
from django.urls import path

from olievlek.site.urls import handler404, handler500  # noqa: F401
from olievlek.site.urls import urlpatterns as site_patterns

SECRET = "connection to server at 10.0.0.7, port 5432 failed: secret detail"


def refused(request):
    raise OperationalError(SECRET)


def closed(request):
    raise InterfaceError("connection already closed")


class RefusingMiddleware:
    """Stands in for a middleware (sessions, the visit counter) whose query fails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/test-db-middleware"):
            raise OperationalError(SECRET)
        return self.get_response(request)


urlpatterns = [
    path("api/v1/test-db-down", refused),
    path("test-db-down", refused),
    path("test-db-closed", closed),
    *site_patterns,
]
