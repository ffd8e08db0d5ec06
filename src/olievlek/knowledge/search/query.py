"""The search itself: ranked results with highlighted snippets, counts per type.

One query counts the matches per type, one fetches the ids of the requested page in
rank order, one fetches those rows (with the highlighted headline on PostgreSQL).
Both databases get the same words: `query_stems` drops stop words and anything that is
not a word, so an empty or nonsense query never reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection, transaction
from django.db.models import Count
from django.db.models.expressions import RawSQL

from olievlek.engines.search_text import (
    Segment,
    fts5_match,
    highlight,
    marked_segments,
    query_stems,
    words,
)
from olievlek.network.choices import Theme

from ..choices import DocumentKind
from ..models import SearchDocument
from .index import FTS_TABLE

START_SEL, STOP_SEL = "\x02", "\x03"  # never in stored text; replaced by <mark> when shown
SNIPPET_CHARS = 240
# Ranking reads every candidate's index entry; a word that occurs in nearly every
# document would make that tens of thousands of reads. Above this many matches, only
# the newest this-many are ranked (the count stays exact): broad queries get recent
# results fast, and any query narrow enough to be specific is ranked in full.
RANK_CANDIDATES = 1000


@dataclass(frozen=True)
class SearchHit:
    kind: str
    kind_label: str
    title: str
    url: str
    meta: str
    theme_labels: tuple[str, ...]
    snippet: tuple[Segment, ...]


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    kind: str
    theme: str
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0

    @property
    def searchable(self) -> bool:
        return bool(self.terms)


def search_counts(*, q: str, kind: str = "", theme: str = "") -> SearchResults:
    """How many documents match, per type (the theme filter applied)."""
    # Filters are matched as FTS5 tokens on SQLite: only known values get that far.
    kind = kind if kind in DocumentKind.values else ""
    theme = theme if theme in Theme.values else ""
    terms = query_stems(q)
    if not terms:
        return SearchResults(query=q, terms=terms, kind=kind, theme=theme)
    if connection.vendor == "postgresql":
        counts = _pg_counts(q, theme)
    else:
        counts = _sqlite_counts(terms, theme)
    total = counts.get(kind, 0) if kind else sum(counts.values())
    return SearchResults(query=q, terms=terms, kind=kind, theme=theme, counts=counts, total=total)


def search_page(results: SearchResults, *, offset: int, limit: int) -> list[SearchHit]:
    """The hits from `offset`, best first."""
    if not results.searchable or results.total == 0:
        return []
    if connection.vendor == "postgresql":
        return _pg_page(results, offset, limit)
    return _sqlite_page(results, offset, limit)


class LazyHits:
    """A sequence of hits for Django's Paginator: its length is the count we already
    have, and slicing runs the ranked query for that page only."""

    def __init__(self, results: SearchResults):
        self.results = results

    def count(self) -> int:
        return min(self.results.total, RANK_CANDIDATES)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            start = index.start or 0
            stop = self.count() if index.stop is None else index.stop
            return search_page(self.results, offset=start, limit=max(0, stop - start))
        return search_page(self.results, offset=index, limit=1)[0]


def search(*, q: str, kind: str = "", theme: str = "") -> tuple[SearchResults, LazyHits]:
    results = search_counts(q=q, kind=kind, theme=theme)
    return results, LazyHits(results)


# --- PostgreSQL --------------------------------------------------------------------------


def _pg_vector():
    # The column exists on PostgreSQL only (see the model's docstring); the SQL is a
    # constant column reference, no input goes into it.
    return RawSQL(  # noqa: S611
        f"{SearchDocument._meta.db_table}.search_vector", [], output_field=SearchVectorField()
    )


def _pg_query(q: str) -> SearchQuery:
    # Only the words, joined: `plainto_tsquery` ANDs them, as FTS5 does on SQLite.
    return SearchQuery(" ".join(words(q)), config="dutch", search_type="plain")


def _pg_matches(q: str, theme: str):
    qs = SearchDocument.objects.alias(vector=_pg_vector()).filter(vector=_pg_query(q))
    if theme:
        qs = qs.filter(themes__contains=f" {theme} ")
    return qs


def _pg_counts(q: str, theme: str) -> dict[str, int]:
    rows = _pg_matches(q, theme).values("kind").annotate(n=Count("id")).order_by()
    # PostgreSQL prices `@@` at one operator per row and so reads the whole table for a
    # common word, detoasting every vector (seven times slower at 50,000 documents than
    # the GIN index). Within this query only, it is told to use the index.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan')")
        (previous,) = cursor.fetchone()
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        counts = {row["kind"]: row["n"] for row in rows}
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
    return counts


def _pg_page(results: SearchResults, offset: int, limit: int) -> list[SearchHit]:
    query = _pg_query(results.query)
    qs = _pg_matches(results.query, results.theme)
    if results.kind:
        qs = qs.filter(kind=results.kind)
    if results.total > RANK_CANDIDATES:
        # The id of the oldest candidate, in a query of its own: the vector column is
        # referenced by table name, which inside a subquery would point at the outer row.
        oldest = list(
            qs.order_by("-id").values_list("id", flat=True)[RANK_CANDIDATES - 1 : RANK_CANDIDATES]
        )
        if oldest:
            qs = qs.filter(id__gte=oldest[0])
    ids = list(
        qs.annotate(rank=SearchRank(_pg_vector(), query))
        .order_by("-rank", "id")
        .values_list("id", flat=True)[offset : offset + limit]
    )
    rows = SearchDocument.objects.filter(id__in=ids).annotate(
        headline=SearchHeadline(
            "body",
            query,
            config="dutch",
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            max_words=35,
            min_words=15,
            max_fragments=1,
        )
    )
    by_id = {row.id: row for row in rows}
    return [
        _hit(by_id[i], tuple(marked_segments(by_id[i].headline, START_SEL, STOP_SEL)))
        for i in ids
        if i in by_id
    ]


# --- SQLite (FTS5 over stemmed text) -------------------------------------------------------


def _fts_expression(terms: tuple[str, ...], *, kind: str = "", theme: str = "") -> str:
    expression = "{title body} : (" + fts5_match(terms) + ")"
    if kind:
        expression += f' AND tags : "kind{kind}"'
    if theme:
        expression += f' AND tags : "theme{theme}"'
    return expression


def _sqlite_counts(terms: tuple[str, ...], theme: str) -> dict[str, int]:
    # One FTS5 count per type: doclist intersections, no row is read.
    counts = {}
    with connection.cursor() as cursor:
        for kind in DocumentKind.values:
            cursor.execute(
                f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [_fts_expression(terms, kind=kind, theme=theme)],
            )
            n = cursor.fetchone()[0]
            if n:
                counts[kind] = n
    return counts


def _sqlite_page(results: SearchResults, offset: int, limit: int) -> list[SearchHit]:
    match = _fts_expression(results.terms, kind=results.kind, theme=results.theme)
    candidates, params = "", []
    if results.total > RANK_CANDIDATES:
        # A rowid range, not `rowid IN (...)`: FTS5 walks a range in its doclists,
        # where IN would look every candidate up again.
        candidates = (
            f" AND rowid >= (SELECT min(rowid) FROM (SELECT rowid FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY rowid DESC LIMIT %s))"
        )
        params = [match, RANK_CANDIDATES]
    # bm25 is lower for better matches; a hit in the title counts five times.
    sql = (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{candidates} "  # noqa: S608
        f"ORDER BY bm25({FTS_TABLE}, 5.0, 1.0, 0.0), rowid LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *params, limit, offset])
        ids = [row[0] for row in cursor.fetchall()]
    by_id = SearchDocument.objects.in_bulk(ids)
    return [
        _hit(
            by_id[i],
            tuple(highlight(by_id[i].body, results.terms, max_chars=SNIPPET_CHARS)),
        )
        for i in ids
        if i in by_id
    ]


# --- shared ------------------------------------------------------------------------------

_KIND_LABELS = dict(DocumentKind.choices)
_THEME_LABELS = dict(Theme.choices)


def _hit(row: SearchDocument, snippet: tuple[Segment, ...]) -> SearchHit:
    return SearchHit(
        kind=row.kind,
        kind_label=str(_KIND_LABELS.get(row.kind, row.kind)),
        title=row.title,
        url=row.url,
        meta=row.meta,
        theme_labels=tuple(str(_THEME_LABELS[t]) for t in row.themes.split() if t in _THEME_LABELS),
        snippet=snippet,
    )
