"""Concurrency tests: real parallel requests against PostgreSQL.

This folder runs only in the PostgreSQL pass of `make test` (SQLite serialises every
write, so it cannot show a race); a test here fails when run on another database.
"""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def _require_postgresql(transactional_db):
    assert connection.vendor == "postgresql", "concurrency tests need PostgreSQL (DATABASE_URL)"
