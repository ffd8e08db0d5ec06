"""The full-text part of the search index, which differs per database.

PostgreSQL: a stored generated `tsvector` (Dutch configuration; title weight A, text
weight B) with a GIN index, so the database keeps it current on every write.
SQLite: an FTS5 table whose rowid is the SearchDocument's id; the application writes
Snowball-stemmed text into it (olievlek.knowledge.search.index).
"""

from django.db import migrations

PG_FORWARD = [
    """
    ALTER TABLE knowledge_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('dutch'::regconfig, coalesce(body, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX knowledge_search_vector_gin ON knowledge_searchdocument "
    "USING gin (search_vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS knowledge_search_vector_gin",
    "ALTER TABLE knowledge_searchdocument DROP COLUMN IF EXISTS search_vector",
]
SQLITE_FORWARD = [
    # Stemmed text only; the original text stays in knowledge_searchdocument. No
    # diacritics folding, to behave like PostgreSQL's `dutch` configuration.
    "CREATE VIRTUAL TABLE knowledge_search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS knowledge_search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
