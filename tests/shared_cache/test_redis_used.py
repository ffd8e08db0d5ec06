"""With REDIS_URL set, the cache, the sessions and the rate-limit counters live in Redis."""

from __future__ import annotations

import pickle

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import override_settings

from olievlek.network.tests.factories import UserFactory
from olievlek.site import throttle
from olievlek.site.cache import _version_key, bump


def test_the_cache_backend_is_redis():
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)


def test_a_value_written_through_the_django_cache_is_in_redis(raw_redis):
    cache.set("probe", {"written": "by django"}, 60)
    stored = raw_redis.get(cache.make_key("probe"))
    assert pickle.loads(stored) == {"written": "by django"}  # noqa: S301 (our own value)
    assert 0 < raw_redis.ttl(cache.make_key("probe")) <= 60


def test_a_page_cache_version_bump_is_in_redis(raw_redis):
    bump("network")
    first = int(raw_redis.get(cache.make_key(_version_key("network"))))
    bump("network")
    assert int(raw_redis.get(cache.make_key(_version_key("network")))) > first


@pytest.mark.django_db
def test_a_session_is_kept_in_redis_and_in_the_database(client, raw_redis):
    client.force_login(UserFactory())
    session_key = client.cookies["sessionid"].value
    assert raw_redis.exists(cache.make_key(KEY_PREFIX + session_key))
    assert Session.objects.filter(session_key=session_key).exists()


@pytest.mark.django_db
def test_a_session_evicted_from_redis_is_read_back_from_the_database(client, raw_redis, user_a):
    client.force_login(user_a)
    session_key = client.cookies["sessionid"].value
    raw_redis.delete(cache.make_key(KEY_PREFIX + session_key))
    response = client.get("/mijn/")
    assert response.status_code == 200
    assert response.wsgi_request.user == user_a


def test_a_rate_limit_counter_is_shared_through_redis(raw_redis):
    """Another server counting the same client is one more hit here."""
    rate = "3/h"
    assert throttle.consume(scope="signup", ident="198.51.100.7", rate=rate) is None
    keys = raw_redis.keys(cache.make_key("olievlek:throttle:signup:*"))
    assert len(keys) == 1
    assert int(raw_redis.get(keys[0])) == 1
    raw_redis.incr(keys[0])  # a hit counted by another app server
    assert throttle.consume(scope="signup", ident="198.51.100.7", rate=rate) is None
    assert throttle.consume(scope="signup", ident="198.51.100.7", rate=rate) is not None


@pytest.mark.django_db
@override_settings(OLIEVLEK_API_THROTTLE_RATES={"anon": "2/m", "member": None, "staff": None})
def test_the_api_throttle_history_is_in_redis(client, raw_redis):
    assert client.get("/api/v1/organisaties", REMOTE_ADDR="198.51.100.8").status_code == 200
    assert raw_redis.keys(cache.make_key("throttle_anon_198.51.100.8"))


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "5/15m/key"})
def test_allauth_counts_failed_logins_in_redis(client, raw_redis):
    user = UserFactory(email="iemand@example.nl")
    client.post("/accounts/login/", {"login": user.email, "password": "fout-wachtwoord-1"})
    assert raw_redis.keys(cache.make_key("allauth:rl:*"))
