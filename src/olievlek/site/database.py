"""DATABASES from the environment (see dotenv.example and docs/deploy.md).

SQLite in `OLIEVLEK_VAR_DIR` is the embedded default; `DATABASE_URL` points at
PostgreSQL. Behind PgBouncer in transaction mode (`OLIEVLEK_DB_POOLING=transaction`) each
transaction may run on another server connection, so nothing may live in a session:
Django's server-side cursors (`.iterator()`) are switched off and connections are not
kept between requests (the pooler keeps them). psycopg's prepared statements are off in
every mode (Django's default), so they need nothing here.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

POOLING_MODES = ("session", "transaction")


def database_settings(environ, *, var_dir: Path) -> dict:
    pooling = environ.get("OLIEVLEK_DB_POOLING", "session")
    if pooling not in POOLING_MODES:
        raise ImproperlyConfigured(
            f"OLIEVLEK_DB_POOLING is {pooling!r}; it must be one of {', '.join(POOLING_MODES)}."
        )
    default = dj_database_url.parse(
        environ.get("DATABASE_URL") or f"sqlite:///{var_dir / 'olievlek.sqlite3'}",
        # Reusing connections saves opening one (and, on SQLite, reading the schema) on
        # every request; each is health-checked before reuse, so a restarted database
        # needs no restart of the app.
        conn_max_age=int(environ.get("OLIEVLEK_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if default["ENGINE"] == "django.db.backends.sqlite3":
        # WAL and immediate transactions let the web server and the task worker share the
        # file without "database is locked" errors.
        default["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif pooling == "transaction":
        default["DISABLE_SERVER_SIDE_CURSORS"] = True
        default["CONN_MAX_AGE"] = 0
    return {"default": default}
