"""A shared cache for the public pages that every visitor sees the same way.

Anonymous visitors of the directory, an organisation's page and the public API get the
same bytes, so those responses are cached per URL and language. Each part of the domain
has a *version*: a service that changes what those pages show calls `bump(namespace)`
after its commit, which makes every cached page of that namespace stale at once (the
old entries simply stop being read and expire). A short timeout is the safety net.

Only requests without a session or flash messages are served from or written to the
cache: anything personal never enters it. Logged-in visitors get the personal layout
(menu, notifications) around a `shared_fragment`: the part of the page that is the same
for everybody, cached under the same versions. The key holds the host too: pages carry
absolute URLs (API links, feeds), and one host's page must never be served on another.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.safestring import mark_safe

TIMEOUT = 300
KEPT_HEADERS = ("Allow", "Content-Language", "Vary")


def _version_key(namespace: str) -> str:
    return f"olievlek:version:{namespace}"


def version(namespace: str) -> int:
    # Versions are clock readings, never counters: when the cache evicts the version key,
    # the new version is one no page was ever stored under, so nothing stale comes back.
    return cache.get_or_set(_version_key(namespace), time.time_ns, timeout=None)


def bump(namespace: str) -> None:
    """Make every cached page of `namespace` stale; call it after the change commits."""
    cache.set(_version_key(namespace), time.time_ns(), timeout=None)


def _cacheable(request) -> bool:
    return (
        settings.OLIEVLEK_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.headers.get("Authorization")
        # Set by a middleware whose response will hold something for this visitor only
        # (the impact app's visitor survey).
        and not getattr(request, "olievlek_personal", False)
    )


def _key(kind: str, request, namespaces: tuple[str, ...]) -> str:
    return ":".join(
        [
            kind,
            request.get_host(),
            "+".join(namespaces),
            ".".join(str(version(namespace)) for namespace in namespaces),
            translation.get_language() or settings.LANGUAGE_CODE,
            "htmx" if request.headers.get("HX-Request") else "full",
            request.get_full_path(),
        ]
    )


def shared_fragment(
    request, namespaces: tuple[str, ...], render: Callable[[], str], timeout: int = TIMEOUT
) -> str:
    """HTML that is the same for every visitor of this URL (in this language), rendered by
    `render` only when the cache has none under the current versions of `namespaces`.
    `render` must not use anything of the visitor: no user, no session, no CSRF token."""
    if not settings.OLIEVLEK_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return render()
    key = _key("olievlek:fragment", request, namespaces)
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, str(html), timeout)
    return mark_safe(html)  # noqa: S308 (rendered by a template, so escaped)


def public_page(*namespaces: str, timeout: int = TIMEOUT):
    """Cache the view's response for anonymous visitors (see the module docstring). A
    page that shows several parts of the domain names them all: a bump of any of them
    makes it stale. A page that also changes with the clock (coming meetings) takes a
    shorter ``timeout``."""
    if not namespaces:
        raise TypeError("public_page needs at least one namespace")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            key = _key("olievlek:page", request, namespaces)
            cached = cache.get(key)
            if cached is not None:
                content_type, headers, content = cached
                response = HttpResponse(content, content_type=content_type, headers=headers)
                response["X-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            if response.status_code == 200 and not response.cookies:
                headers = {h: response[h] for h in KEPT_HEADERS if h in response}
                cache.set(key, (response["Content-Type"], headers, response.content), timeout)
            return response

        return wrapped

    return decorator
