"""Settings for `benchmarks/web.py`: the project's settings, served the way production
serves them (DEBUG off, cached templates), on a throwaway SQLite database.

`benchmarks/web.py` sets OLIEVLEK_VAR_DIR (and DATABASE_URL) to a temporary directory
before this module is imported, so the database, uploads and static root live there.
"""

from olievlek.site.settings import *  # noqa: F403
from olievlek.site.settings import DATABASES

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "benchmark-only-not-secret-olievlek-web-key-0123456789abcdef"  # noqa: S105
ROOT_URLCONF = "benchmarks.web_urls"

if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The web benchmark runs on its own SQLite database.")
