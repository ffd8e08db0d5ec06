"""Settings for the test suite: the production settings with fast hashing, tasks run
inline, and uploads in a temporary directory."""

import os
import tempfile
from pathlib import Path

from .redis_cache import NO_FRAGMENTS, caches_for, with_database
from .settings import *  # noqa: F403
from .settings import REDIS_URL, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
_TMP = Path(tempfile.mkdtemp(prefix="olievlek-test-"))
MEDIA_ROOT = _TMP / "media"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "olievlek.site.storage.AtomicFileSystemStorage",
        "OPTIONS": {"location": str(_TMP / "private"), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # The suite's Redis pass (scripts/with-redis.sh): every test clears the cache, which
    # empties a whole Redis database, so each xdist worker gets a database of its own.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    CACHES = caches_for(with_database(REDIS_URL, 1 + _worker % 30))
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["fragments"] = NO_FRAGMENTS  # no state between tests; test_layout_fragments has its own
# Tests build data with factories, which do not go through the services that invalidate
# cached pages; the page cache has its own tests that switch it on.
OLIEVLEK_PAGE_CACHE = False
# Rate limits are on in every configuration a person runs. The suite sends many requests
# from one address, so it switches them off here, explicitly; the tests of each limit
# switch it on again with override_settings.
ACCOUNT_RATE_LIMITS = False
OLIEVLEK_API_THROTTLE_RATES = {"anon": None, "member": None, "staff": None}
OLIEVLEK_FORM_THROTTLE_RATES = {
    "signup": None,
    "event_registration": None,
    "event_registration.email": None,
    "campaign_request": None,
    "manifesto": None,
}
