"""DATABASES from the environment (site/database.py): SQLite by default, PostgreSQL from
DATABASE_URL, and the connection pooler's mode."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from olievlek.site.database import database_settings

PG = {"DATABASE_URL": "postgres://olievlek:secret@db.example.nl:5432/olievlek"}


def test_without_database_url_sqlite_in_the_var_dir_is_the_default(tmp_path):
    default = database_settings({}, var_dir=tmp_path)["default"]
    assert default["ENGINE"] == "django.db.backends.sqlite3"
    assert default["NAME"] == str(tmp_path / "olievlek.sqlite3")
    assert default["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_keeps_health_checked_connections_and_server_side_cursors(tmp_path):
    default = database_settings({**PG, "OLIEVLEK_CONN_MAX_AGE": "30"}, var_dir=tmp_path)["default"]
    assert default["ENGINE"] == "django.db.backends.postgresql"
    assert (default["CONN_MAX_AGE"], default["CONN_HEALTH_CHECKS"]) == (30, True)
    assert not default.get("DISABLE_SERVER_SIDE_CURSORS", False)


def test_transaction_pooling_keeps_nothing_in_a_server_session(tmp_path):
    environ = {**PG, "OLIEVLEK_DB_POOLING": "transaction"}
    default = database_settings(environ, var_dir=tmp_path)["default"]
    assert default["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert default["CONN_MAX_AGE"] == 0


def test_an_unknown_pooling_mode_is_refused_with_its_name(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="'statement'"):
        database_settings({**PG, "OLIEVLEK_DB_POOLING": "statement"}, var_dir=tmp_path)
