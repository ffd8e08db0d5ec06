"""Tests that Redis is really used when REDIS_URL is set.

This folder runs only in the PostgreSQL + Redis pass of `make test`
(`scripts/with-redis.sh` sets REDIS_URL); a test here fails when Redis is not configured.
"""

from __future__ import annotations

import os

import pytest
import redis
from django.conf import settings


@pytest.fixture(autouse=True)
def _require_redis():
    assert os.environ.get("REDIS_URL"), "Redis tests need REDIS_URL (scripts/with-redis.sh)"


@pytest.fixture
def raw_redis():
    """A client of our own on the cache's Redis database: what any other server sees."""
    client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    yield client
    client.close()
