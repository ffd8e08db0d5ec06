"""The permission sweep: every URL pattern of the site and the API, requested by every kind
of visitor, with the ids of objects that belong to somebody else.

The visitors: anonymous, the contact of organisation A, the contact of organisation B, a
staff account whose session has no completed second factor, and the project team. The
objects in the URLs belong to A (see `sweep_world`), so B asks for someone else's things.
`TABLE` says what each visitor gets; a URL pattern without a row fails
`test_every_url_pattern_has_a_row`, so nothing new escapes the sweep.

Outcomes: a status code; `LOGIN` (a redirect to the login page that returns to the URL);
or a string, a redirect to a URL starting with it.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from olievlek.site.tests.permission_matrix import assert_outcome

from .sweep_outcomes import ADMIN, VISITORS
from .sweep_table import ADMIN_PREFIX, ADMIN_SPECIAL, TABLE
from .sweep_world import build_world

pytestmark = pytest.mark.django_db


def _url_patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _url_patterns(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name


def _site_patterns():
    return [
        (route, name)
        for route, name in _url_patterns()
        if not route.startswith(ADMIN_PREFIX) and not route.startswith("^media/")
    ]


def _admin_patterns():
    return [(route, name) for route, name in _url_patterns() if route.startswith(ADMIN_PREFIX)]


def test_every_url_pattern_has_a_row():
    missing = sorted(
        f"{name or '(unnamed)'}: {route}" for route, name in _site_patterns() if name not in TABLE
    )
    assert not missing, "URL patterns without a row in the permission sweep:\n" + "\n".join(missing)
    stale = sorted(set(TABLE) - {name for _route, name in _site_patterns()})
    assert not stale, f"rows for URL names that no longer exist: {stale}"


PROBES = [
    pytest.param(name, *probe, id=f"{name} {probe[0]} {probe[1]}")
    for name, probes in TABLE.items()
    for probe in probes
]


def _request(client, method: str, url: str, data):
    if method in {"patch", "put"} or (url.startswith("/api/") and method == "post"):
        return getattr(client, method)(url, data or {}, content_type="application/json")
    return getattr(client, method)(url, data or {})


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(
    ("name", "method", "url", "outcomes", "data"),
    [
        pytest.param(*p.values[:4], p.values[4] if len(p.values) > 4 else None, id=p.id)
        for p in PROBES
    ],
)
def test_sweep(name, method, url, outcomes, data, visitor, world, client_for):
    url = url.format(**vars(world))
    client = client_for(world.users[visitor])
    response = _request(client, method, url, data)
    want = outcomes[VISITORS.index(visitor)]
    try:
        assert_outcome(response, url=url, want=want)
    except AssertionError:
        got = f"{response.status_code} {getattr(response, 'url', '')}".strip()
        raise AssertionError(f"{visitor} {method} {url}: got {got}, want {want}") from None


# --- The admin family ---------------------------------------------------------------------


def _admin_refuses(model, route: str, user) -> bool:
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    model_admin = admin.site._registry[model]
    if route.endswith("/add/"):
        return not model_admin.has_add_permission(request)
    if route.endswith("/delete/"):
        return not model_admin.has_delete_permission(request)
    return False


def _admin_urls(world) -> list[tuple[str, str, str, tuple]]:
    """Every admin URL pattern, filled in with a real object of its model where it takes
    one, and what each visitor gets."""
    from django.apps import apps

    urls = []
    for route, name in _admin_patterns():
        if name in ADMIN_SPECIAL:
            method, url, outcomes = ADMIN_SPECIAL[name]
            urls.append((name, method, url, outcomes))
            continue
        match = re.match(r"admin/(\w+)/(\w+)/", route)
        if route == "admin/":
            urls.append((name, "get", "/admin/", ADMIN))
            continue
        if route.endswith("(?P<url>.*)$"):  # the admin's catch-all
            urls.append(("admin catch-all", "get", "/admin/onbekend/", ADMIN[:4] + (404,)))
            continue
        if route.startswith("admin/^(?P<app_label>"):
            urls.append((name, "get", "/admin/network/", ADMIN))
            continue
        assert match, f"an admin URL the sweep does not know: {name} {route}"
        app_label, model_name = match.groups()
        model = apps.get_model(app_label, model_name)
        obj = model._default_manager.order_by("pk").first()
        object_id = obj.pk if obj is not None else 1
        # Every id in an admin URL is the model's object (ids differ per database).
        path = "/" + re.sub(r"<[^>]+>", str(object_id), route)
        expected = ADMIN
        refused = _admin_refuses(model, route, world.users["staff"])
        if refused:  # the model's admin allows nobody to add or delete (audit trail, tasks)
            expected = ADMIN[:4] + (403,)
        elif name is None:  # the old object URL, which redirects to the change page
            expected = ADMIN[:4] + ("/admin/",)
        elif obj is None and "<path:object_id>" in route:
            # The admin answers a missing object with a redirect to its list.
            expected = ADMIN[:4] + (302,)
        urls.append((name, "get", path, expected))
    # Logging out last, or every later page would be asked of a logged-out visitor.
    return sorted(urls, key=lambda url: url[0] == "admin:logout")


@pytest.mark.parametrize("visitor", VISITORS)
def test_admin_sweep(visitor, world, client_for):
    client = client_for(world.users[visitor])
    failures = []
    for name, method, url, outcomes in _admin_urls(world):
        response = getattr(client, method)(url)
        want = outcomes[VISITORS.index(visitor)]
        try:
            assert_outcome(response, url=url, want=want)
        except AssertionError:
            got = f"{response.status_code} {getattr(response, 'url', '')}".strip()
            failures.append(f"{name} {url}: got {got}, want {want}")
    assert not failures, "\n".join(failures)
