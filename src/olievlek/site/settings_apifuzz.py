"""Settings for the schemathesis run (`scripts/api_fuzz.py`): the ordinary settings of a
developer's machine, with every rate limit off. A fuzzer sends thousands of requests in a
few minutes; throttled answers (429) would hide what it is looking for, and the throttles
have tests of their own. A dummy cache stores no request counts, so no limit built on the
cache (DRF's throttles, allauth's login limits) ever triggers, whatever its settings."""

from .redis_cache import NO_FRAGMENTS
from .settings import *  # noqa: F403
from .settings import REST_FRAMEWORK

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "fragments": NO_FRAGMENTS,
}
OLIEVLEK_PAGE_CACHE = False
ACCOUNT_RATE_LIMITS = False
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
