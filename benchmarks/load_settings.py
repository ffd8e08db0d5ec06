"""Settings for `benchmarks/load.py`: the project's settings, served the way production
serves them (DEBUG off, cached templates), on the throwaway PostgreSQL (and Redis, with
REDIS_URL) that `load.py` starts, with `/bench/bare` mounted (`benchmarks.web_urls`).

Every client of the load test comes from 127.0.0.1, so the per-address limits (API,
registrations, logins) would turn a crowd into one abusive visitor: `load.py` raises
them through their environment variables; the throttling code still runs on every request.
"""

from olievlek.site.redis_cache import FRAGMENTS
from olievlek.site.settings import *  # noqa: F403
from olievlek.site.settings import DATABASES

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "benchmark-only-not-secret-olievlek-load-key-0123456789abcdef"  # noqa: S105
ROOT_URLCONF = "benchmarks.web_urls"

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The load benchmark runs on its own PostgreSQL database.")

# DEBUG was on when the project's settings chose the layout's fragment cache: as production.
CACHES["fragments"] = FRAGMENTS  # noqa: F405
