"""A Redis outage degrades the cache to misses; the site keeps serving (redis_cache.py).

These tests point the backend at a port where nothing listens, so they need no Redis.
"""

from __future__ import annotations

import logging
import socket
import time

import pytest

from olievlek.site.redis_cache import ResilientRedisCache, caches_for, with_database


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dead_cache():
    config = caches_for(f"redis://127.0.0.1:{_closed_port()}/0", retry_seconds=60)["default"]
    return ResilientRedisCache(config["LOCATION"], config)


def test_reads_from_an_unreachable_redis_are_misses(dead_cache):
    assert dead_cache.get("page") is None
    assert dead_cache.get("page", "fallback") == "fallback"
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.has_key("page") is False


def test_writes_to_an_unreachable_redis_are_dropped_without_an_error(dead_cache):
    dead_cache.set("page", "content")
    assert dead_cache.add("page", "content") is False
    dead_cache.delete("page")
    dead_cache.set_many({"a": 1})
    dead_cache.delete_many(["a"])


def test_get_or_set_computes_the_value_when_redis_is_unreachable(dead_cache):
    assert dead_cache.get_or_set("version", lambda: 42) == 42


def test_a_counter_on_an_unreachable_redis_looks_expired(dead_cache):
    """What the rate limits already handle: they start a new window (fail open)."""
    with pytest.raises(ValueError):
        dead_cache.incr("olievlek:throttle:signup:x:1")


def test_an_outage_is_logged_once_not_on_every_call(dead_cache, caplog):
    with caplog.at_level(logging.WARNING, logger="olievlek.cache"):
        for _ in range(5):
            dead_cache.get("page")
    warnings = [r for r in caplog.records if r.name == "olievlek.cache"]
    assert len(warnings) == 1
    assert "unavailable" in warnings[0].getMessage()


def test_after_an_error_redis_is_not_tried_again_until_the_retry_time(dead_cache):
    dead_cache.get("page")
    started = time.monotonic()
    for _ in range(100):
        dead_cache.get("page")
    assert time.monotonic() - started < 0.05
    assert dead_cache.is_available() is False


def test_each_test_worker_gets_its_own_redis_database():
    assert with_database("redis://127.0.0.1:6379/0", 3) == "redis://127.0.0.1:6379/3"
    assert with_database("redis://:pw@cache:6379", 2) == "redis://:pw@cache:6379/2"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = caches_for(f"redis://127.0.0.1:{_closed_port()}/0", retry_seconds=60)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.OLIEVLEK_PAGE_CACHE = True


@pytest.mark.django_db
def test_the_site_serves_public_pages_while_redis_is_down(redis_down, client):
    for url in ("/", "/netwerk/", "/api/v1/organisaties"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Cache" not in response


@pytest.mark.django_db
def test_members_stay_logged_in_while_redis_is_down(redis_down, client, user_a):
    client.force_login(user_a)
    response = client.get("/mijn/")
    assert response.status_code == 200
    assert response.wsgi_request.user == user_a


def test_without_redis_url_the_embedded_defaults_stay(tmp_path):
    from olievlek.site.redis_cache import cache_settings

    caches, session_engine = cache_settings({}, var_dir=tmp_path)
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert caches["default"]["LOCATION"] == str(tmp_path / "cache")
    assert session_engine == "django.contrib.sessions.backends.db"


def test_with_redis_url_cache_and_sessions_use_redis(tmp_path):
    from olievlek.site.redis_cache import cache_settings

    url = "redis://cache.example.nl:6379/1"
    caches, session_engine = cache_settings({"REDIS_URL": url}, var_dir=tmp_path)
    assert caches["default"]["BACKEND"] == "olievlek.site.redis_cache.ResilientRedisCache"
    assert caches["default"]["LOCATION"] == url
    assert session_engine == "django.contrib.sessions.backends.cached_db"


def test_the_cache_makes_one_redis_client_per_pool_not_one_per_call(dead_cache):
    first = dead_cache._cache.get_client("a", write=True)
    assert dead_cache._cache.get_client("b", write=False) is first
    assert first.connection_pool is dead_cache._cache._get_connection_pool(True)
