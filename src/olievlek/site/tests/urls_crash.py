"""The site's URLs plus views that fail on purpose, for the error-answer tests."""

from django.http import HttpResponse
from django.urls import path

from olievlek.site.urls import handler404, handler500  # noqa: F401
from olievlek.site.urls import urlpatterns as site_patterns


def crash(request):
    raise RuntimeError("secret detail from the stack: do not show me")


def html_error(request):
    return HttpResponse("<html><body>Bad</body></html>", status=400)


urlpatterns = [
    path("api/v1/test-crash", crash),
    path("api/v1/test-html-error", html_error),
    path("test-crash", crash),
    *site_patterns,
]
