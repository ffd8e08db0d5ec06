"""The WSGI handler of every server (gunicorn, runserver), resolving each URL path once
per process.

Django resolves a request's path by trying the URL patterns in order, and most apps
include theirs at the root, so a member page (`/mijn/...`) was found only after more
than a hundred patterns had been tried: a tenth of the page's time. The patterns do not
change while the process runs, so the match of a path is remembered (a bounded number of
paths; a path that matches nothing is resolved again each time and answers 404 as
before). A match is shared by the requests of one path and must not be changed: Django
hands views copies of its arguments.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_resolver, set_urlconf


@functools.lru_cache(maxsize=4096)
def resolved(urlconf: str, path: str):
    return get_resolver(urlconf).resolve(path)


class Handler(WSGIHandler):
    def resolve_request(self, request):
        urlconf = getattr(request, "urlconf", None)
        if urlconf is not None:
            set_urlconf(urlconf)
        match = resolved(urlconf or settings.ROOT_URLCONF, request.path_info)
        request.resolver_match = match
        return match


@receiver(setting_changed)
def _forget_on_new_urlconf(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        resolved.cache_clear()
