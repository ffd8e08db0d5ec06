"""The database half of a backup: a consistent dump, and every table's row count and checksum.

PostgreSQL: `pg_dump` in custom format, taken in the snapshot the counts were read from
(`pg_export_snapshot`), so the manifest describes exactly what the dump holds while the site
keeps serving. SQLite: a page-by-page copy with the sqlite3 backup API (consistent even with
the web server and the worker writing), counted from the copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection

POSTGRESQL = "postgresql"
SQLITE = "sqlite"
# Rows `migrate` writes itself (post_migrate): a database holding only these is empty.
_SCHEMA_MODELS = {("contenttypes", "contenttype"), ("auth", "permission")}


@dataclass(frozen=True)
class TableSum:
    rows: int
    checksum: str


class ToolMissing(RuntimeError):
    pass


def vendor() -> str:
    return connection.vendor


def _normalise(value):
    # A bytea comes back as a memoryview, whose repr holds an address.
    return bytes(value) if isinstance(value, memoryview) else value


def _table_sum(cursor, table: str, order_by: str) -> TableSum:
    digest = hashlib.sha256()
    rows = 0
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY {order_by}')  # noqa: S608
    while batch := cursor.fetchmany(2000):
        for row in batch:
            digest.update(repr(tuple(_normalise(value) for value in row)).encode())
            digest.update(b"\n")
            rows += 1
    return TableSum(rows=rows, checksum=digest.hexdigest())


def _pg_tables(cursor) -> dict[str, str]:
    """Every table of the current schema with its ORDER BY: the primary key, or else every
    column, so that the checksum does not depend on the physical order of the rows."""
    cursor.execute(
        "SELECT c.relname, "
        "  (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) "
        "     FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord), pg_attribute a "
        "    WHERE i.indrelid = c.oid AND i.indisprimary "
        "      AND a.attrelid = c.oid AND a.attnum = k.attnum), "
        "  (SELECT count(*) FROM pg_attribute a "
        "    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY c.relname"
    )
    return {
        name: pk or ", ".join(str(i) for i in range(1, columns + 1))
        for name, pk, columns in cursor.fetchall()
    }


def _sqlite_tables(cursor) -> dict[str, str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    tables = {}
    for (name,) in cursor.fetchall():
        cursor.execute(f'PRAGMA table_xinfo("{name}")')
        columns = [(row[1], row[5]) for row in cursor.fetchall() if row[6] == 0]
        pk = [f'"{column}"' for column, position in sorted(columns, key=lambda c: c[1]) if position]
        tables[name] = ", ".join(pk) or ", ".join(f'"{column}"' for column, _pk in columns)
    return tables


def table_sums(cursor, *, kind: str) -> dict[str, TableSum]:
    tables = _pg_tables(cursor) if kind == POSTGRESQL else _sqlite_tables(cursor)
    return {table: _table_sum(cursor, table, order_by) for table, order_by in tables.items()}


def current_table_sums() -> dict[str, TableSum]:
    """Counted the way a backup counts (on a connection of its own, or a copy), so that the
    values compare equal with the manifest's."""
    if vendor() == POSTGRESQL:
        raw = connection.get_new_connection(connection.get_connection_params())
        try:
            with raw.cursor() as cursor:
                return table_sums(cursor, kind=POSTGRESQL)
        finally:
            raw.close()
    with tempfile.TemporaryDirectory(prefix="olievlek-check-") as work:
        return sqlite_copy(Path(work) / "check.sqlite3")


def holds_data() -> bool:
    """Whether the database holds anything beyond what `migrate` writes itself."""
    existing = set(connection.introspection.table_names())
    for model in apps.get_models():
        meta = model._meta
        if (meta.app_label, meta.model_name) in _SCHEMA_MODELS or not meta.managed:
            continue
        if meta.db_table in existing and model._base_manager.exists():
            return True
    return False


# --- PostgreSQL -------------------------------------------------------------------------
def pg_tool(name: str) -> str:
    """`pg_dump`/`pg_restore` of the newest PostgreSQL installed (Debian keeps each major
    version in its own directory; a dump is readable by the same or a newer version), or
    of OLIEVLEK_PG_BIN_DIR."""
    configured = os.environ.get("OLIEVLEK_PG_BIN_DIR")
    candidates = [Path(configured)] if configured else []
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for directory in candidates:
        if (directory / name).is_file():
            return str(directory / name)
    found = shutil.which(name)
    if not found:
        raise ToolMissing(name)
    return found


def _pg_env() -> dict[str, str]:
    """Connection settings for the PostgreSQL client tools, passed in the environment so
    that the password never shows in a process list."""
    db = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def pg_dump(target: Path) -> dict[str, TableSum]:
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            sums = table_sums(cursor, kind=POSTGRESQL)
            subprocess.run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                ],
                env=_pg_env(),
                check=True,
                capture_output=True,
            )
        raw.rollback()
    finally:
        raw.close()
    return sums


def pg_restore(source: Path, *, keep_tables: set[str]) -> None:
    """Restores the dump in one transaction (all or nothing), then drops the tables the
    backup does not have (a newer release's), so that `migrate` can create them again."""
    connection.close()
    subprocess.run(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={_pg_env().get('PGDATABASE', '')}",
            str(source),
        ],
        env=_pg_env(),
        check=True,
        capture_output=True,
    )
    with connection.cursor() as cursor:
        for table in set(_pg_tables(cursor)) - keep_tables:
            cursor.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')


# --- SQLite -----------------------------------------------------------------------------
def _sqlite_live() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def sqlite_copy(target: Path) -> dict[str, TableSum]:
    copy = sqlite3.connect(target)
    try:
        _sqlite_live().backup(copy)
        # The copy is one file: no write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        return table_sums(copy.cursor(), kind=SQLITE)
    finally:
        copy.close()


def sqlite_restore(source: Path) -> None:
    """Copies the backup over the live database with the backup API: page by page under
    the database's write lock, so other connections see the old or the new database."""
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        backup.backup(_sqlite_live())
    finally:
        backup.close()
    connection.close()
