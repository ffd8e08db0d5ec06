"""Redis as the shared cache of every app server, and what happens when Redis is gone.

With `REDIS_URL` set, Django's own Redis backend (the `redis` client, with `hiredis` as
its parser) holds the cache, and through it everything kept in the cache: the public page
cache and its versions (site/cache.py), the site's and the API's rate-limit counters
(site/throttle.py), allauth's rate limits and used two-factor codes, and the cached copy
of each session (`cached_db`: the database keeps the session itself).

A Redis outage must not take the site down. `ResilientRedisCache` turns a connection
error or a timeout into a cache miss: reads return the default, writes are dropped,
`add` reports "not added", `incr` "no such key". Effects while Redis is down:
- pages are rendered from the database (slower, never stale: nothing is stored);
- sessions are read from the database (`cached_db`), so nobody is logged out;
- rate limits are not enforced (they fail open: availability over counting), and a
  used two-factor code is not remembered (it stays valid for the rest of its 30 s);
- one warning a few seconds per process is logged (logger `olievlek.cache`), not one a
  request.
After an error the backend does not try Redis again for `OLIEVLEK_REDIS_RETRY_SECONDS`
(2 by default), so a request does not wait on a dead server for each of its cache calls;
then it reconnects by itself. Short socket timeouts bound the wait on a hung server.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("olievlek.cache")

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Parts of the page layout that are the same on every page of a language (base.html: the
# head's links, the footer), rendered once per process: they change only with a deploy,
# which restarts the processes. Local to each process, never in Redis: no round trip.
FRAGMENTS = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "olievlek-fragments",
}
NO_FRAGMENTS = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


def cache_settings(environ, *, var_dir: Path) -> tuple[dict, str]:
    """CACHES and SESSION_ENGINE from the environment (see dotenv.example)."""
    url = environ.get("REDIS_URL", "")
    if url:
        retry = float(environ.get("OLIEVLEK_REDIS_RETRY_SECONDS", "2"))
        # cached_db, not cache: the database keeps each session, so a Redis outage or an
        # eviction logs nobody out; reads come from Redis, only changed sessions are written.
        return caches_for(url, retry_seconds=retry), "django.contrib.sessions.backends.cached_db"
    backend = environ.get(
        "OLIEVLEK_CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"
    )
    caches = {
        "default": {
            "BACKEND": backend,
            "LOCATION": environ.get("OLIEVLEK_CACHE_LOCATION", str(var_dir / "cache")),
            # Every filter combination of the directory is its own page.
            "OPTIONS": {"MAX_ENTRIES": int(environ.get("OLIEVLEK_CACHE_MAX_ENTRIES", "20000"))},
        },
        "fragments": FRAGMENTS,
    }
    return caches, "django.contrib.sessions.backends.db"


def caches_for(url: str, *, retry_seconds: float = 2.0, timeout: float = 0.5) -> dict:
    """The CACHES setting for a Redis server at `url`."""
    return {
        "default": {
            "BACKEND": "olievlek.site.redis_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "olievlek",
            "OPTIONS": {
                "socket_connect_timeout": timeout,
                "socket_timeout": timeout,
                "health_check_interval": 30,
                "retry_seconds": retry_seconds,
            },
        },
        "fragments": FRAGMENTS,
    }


def with_database(url: str, number: int) -> str:
    """`url` pointing at Redis database `number` (a test worker gets its own)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{number}"))


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one `redis.Redis` per connection pool.

    Django makes a new `redis.Redis` for every cache call, and making one fills a table
    of some 170 response callbacks: on a member page (session, unread count) that was
    0.2 ms a call. A `redis.Redis` is safe to share between threads; the pool under it
    hands each command its own connection."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, degrading to "always a miss" while Redis cannot be reached."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("retry_seconds", 2.0))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0
        self._last_warning = 0.0

    def _call(self, default, method, *args, **kwargs):
        now = time.monotonic()
        if now < self._down_until:
            return default
        try:
            return method(*args, **kwargs)
        except UNAVAILABLE as error:
            self._down_until = now + self.retry_seconds
            if now - self._last_warning >= max(self.retry_seconds, 5.0):
                self._last_warning = now
                logger.warning(
                    "Redis cache unavailable, serving without it: %s", type(error).__name__
                )
            return default

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call(missing, super().incr, key, delta, version)
        if result is missing:
            # What every caller already handles: the counter is gone (see throttle.py).
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)

    def is_available(self) -> bool:
        """True when Redis answers a PING now (the readiness check)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNAVAILABLE:
            return False
