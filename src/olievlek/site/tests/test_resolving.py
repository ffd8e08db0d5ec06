"""The servers' WSGI handler resolves each path once per process, and answers exactly
what Django's own handler answers."""

from __future__ import annotations

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory, override_settings
from django.urls import Resolver404

from olievlek.site.resolving import Handler, resolved
from olievlek.site.wsgi import application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """A server closes the database connection at the end of each request; the test's
    transaction lives on that connection (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _get(handler, path: str) -> tuple[str, bytes]:
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
    }
    body = b"".join(handler(environ, start_response))
    return answer["status"], body


def test_the_servers_use_it():
    assert isinstance(application, Handler)


def test_a_path_is_resolved_once_and_to_the_right_view(org_a, org_b):
    resolved.cache_clear()
    handler, factory = Handler(), RequestFactory()
    first = handler.resolve_request(factory.get(f"/netwerk/{org_a.slug}/"))
    again = handler.resolve_request(factory.get(f"/netwerk/{org_a.slug}/"))
    other = handler.resolve_request(factory.get(f"/netwerk/{org_b.slug}/"))
    assert first is again  # remembered
    assert first.view_name == other.view_name == "network:organisation_detail"
    assert (first.kwargs, other.kwargs) == ({"slug": org_a.slug}, {"slug": org_b.slug})
    assert resolved.cache_info().hits >= 1


@pytest.mark.parametrize("path", ["/", "/netwerk/", "/bestaat-niet/", "/netwerk/bestaat-niet/"])
def test_it_answers_what_djangos_handler_answers(org_a, path, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    ours, djangos = _get(Handler(), path), _get(WSGIHandler(), path)
    assert ours[0] == djangos[0]
    assert ours[0].startswith("404") == ("bestaat-niet" in path)


def test_another_url_configuration_is_resolved_afresh():
    handler, factory = Handler(), RequestFactory()
    with pytest.raises(Resolver404):
        handler.resolve_request(factory.get("/bench/bare"))
    with override_settings(ROOT_URLCONF="benchmarks.web_urls"):
        assert handler.resolve_request(factory.get("/bench/bare")).func.__name__ == "bare_view"
    with pytest.raises(Resolver404):
        handler.resolve_request(factory.get("/bench/bare"))
