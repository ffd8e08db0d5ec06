"""SQLite: the FTS5 table gets a `tags` column (type and themes as tokens), so that
filters and counts per type are FTS5 queries instead of joins; rebuilt from the index
rows. Nothing changes on PostgreSQL."""

from django.db import migrations

from olievlek.engines.search_text import stem_text


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS knowledge_search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE knowledge_search_fts USING fts5("
        "title, body, tags, tokenize = 'unicode61 remove_diacritics 0')"
    )
    SearchDocument = apps.get_model("knowledge", "SearchDocument")
    rows = [
        (d.pk, stem_text(d.title), stem_text(d.body), _tags(d.kind, d.themes))
        for d in SearchDocument.objects.all().iterator()
    ]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO knowledge_search_fts (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",
            rows,
        )


def _tags(kind: str, themes: str) -> str:
    return " ".join([f"kind{kind}", *(f"theme{t}" for t in themes.split())])


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS knowledge_search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE knowledge_search_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 0')"
    )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_blank_people")]

    operations = [migrations.RunPython(forward, backward)]
