"""The search index: one row per public story, organisation and meeting.

The text is kept here, in one table, so that one query ranks all three kinds together.
On PostgreSQL the migration adds a stored `tsvector` column (`search_vector`, Dutch
configuration, title weighted above the text) with a GIN index; on SQLite it adds an
FTS5 table (`knowledge_search_fts`, rowid = this row's id) holding the Snowball-stemmed
text. Neither is a model field, because each exists on one database only; the services
in `olievlek.knowledge.search` keep them current.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import DocumentKind


class SearchDocument(models.Model):
    kind = models.CharField(_("type"), max_length=12, choices=DocumentKind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # Space-delimited with a space at both ends (" apk gezondheid "), so that a theme
    # filter is one LIKE on either database.
    themes = models.CharField(max_length=100, blank=True)
    # The active programme lines of the object, by id in the same form (" 3 7 "), so that
    # the line filter is part of the one search query; their names are kept for showing.
    # The programme app has them reindexed when a line's tags, name or state change.
    lines = models.CharField(max_length=300, blank=True)
    line_names = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    meta = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
