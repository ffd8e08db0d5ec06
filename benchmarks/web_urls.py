"""The site's URLs plus the peers of the benchmarks (`web.py`, `load.py`), served by the
same server, middleware and settings as the pages:

- `/bench/bare`: a Django view that does nothing;
- two floors under a member page: `/mijn/bench-text`, a logged-in member answered in plain
  text (session, user, middleware), and `/mijn/bench-layout`, the site's layout around an
  empty page for that member (menu, unread count, trail, CSRF token). A member page
  costs at least the second; what a page adds is measured against it. They live in the
  member area, so that, like the member pages, they are not counted as public visits and
  their trail has a parent page.
"""

import functools

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

EMPTY_PAGE = '{% extends "base.html" %}{% block content %}<h1>Olievlek</h1>{% endblock %}'


def bare_view(request):
    # Plain text: an HTML answer would count as a page view (impact's visit counter), a
    # database write on every request, which is not doing nothing.
    return HttpResponse(b"ok", content_type="text/plain")


@login_required
def member_text(request):
    return HttpResponse(b"ok", content_type="text/plain")


@functools.cache
def _empty_page():
    return engines["django"].from_string(EMPTY_PAGE)  # compiled once, like a cached template


@login_required
def member_layout(request):
    return HttpResponse(_empty_page().render({}, request))


urlpatterns = [
    path("bench/bare", bare_view),
    path("mijn/bench-text", member_text),
    path("mijn/bench-layout", member_layout),
    path("", include("olievlek.site.urls")),
]

handler404 = "olievlek.site.views.not_found"
