"""The search itself: ranked results with highlighted snippets, counts per type.

One query counts the matches per type; on PostgreSQL one more returns the requested page
in rank order with its highlighted headlines, on SQLite one fetches the ids of the page
in rank order and one those rows.
Both databases get the same words: `query_stems` drops stop words and anything that is
not a word, so an empty or nonsense query never reaches the database.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from django.db import connection, transaction

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
    line_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    kind: str
    theme: str
    line: int | None = None  # a programme line's id
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0

    @property
    def searchable(self) -> bool:
        return bool(self.terms)


def search_counts(
    *, q: str, kind: str = "", theme: str = "", line: int | None = None
) -> SearchResults:
    """How many documents match, per type (the theme and line filters applied)."""
    # Filters are matched as FTS5 tokens on SQLite: only known values get that far.
    kind = kind if kind in DocumentKind.values else ""
    theme = theme if theme in Theme.values else ""
    line = line if isinstance(line, int) and not isinstance(line, bool) and line > 0 else None
    terms = query_stems(q)
    found = SearchResults(query=q, terms=terms, kind=kind, theme=theme, line=line)
    if not terms:
        return found
    if connection.vendor == "postgresql":
        counts = _pg_counts(q, theme, line)
    else:
        counts = _sqlite_counts(terms, theme, line)
    total = counts.get(kind, 0) if kind else sum(counts.values())
    return replace(found, counts=counts, total=total)


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


def search(
    *, q: str, kind: str = "", theme: str = "", line: int | None = None
) -> tuple[SearchResults, LazyHits]:
    """`line`: the id of a programme line (the index keeps lines by id)."""
    results = search_counts(q=q, kind=kind, theme=theme, line=line)
    return results, LazyHits(results)


# --- PostgreSQL --------------------------------------------------------------------------

_TABLE = SearchDocument._meta.db_table
_PG_QUERY = "plainto_tsquery('dutch'::regconfig, %s)"
_PG_HEADLINE_OPTIONS = (
    f"StartSel={START_SEL}, StopSel={STOP_SEL}, MaxWords=35, MinWords=15, MaxFragments=1"
)


def _pg_text(q: str) -> str:
    # Only the words, joined: `plainto_tsquery` ANDs them, as FTS5 does on SQLite.
    return " ".join(words(q))


def _pg_where(q: str, kind: str, theme: str, line: int | None) -> tuple[str, list]:
    where, params = [f"search_vector @@ {_PG_QUERY}"], [_pg_text(q)]
    if kind:
        where.append("kind = %s")
        params.append(kind)
    if theme:
        where.append("themes LIKE %s")
        params.append(f"% {theme} %")
    if line:
        where.append("lines LIKE %s")
        params.append(f"% {line} %")
    return " AND ".join(where), params


# Planner settings changed within a search query (and put back afterwards).
_PG_SETTINGS = (
    "enable_seqscan",
    "enable_indexscan",
    "enable_bitmapscan",
    "max_parallel_workers_per_gather",
)


@contextmanager
def _pg_planner(**settings: str):
    """Within the block, PostgreSQL plans with `settings` (names from _PG_SETTINGS);
    yields the cursor and the table's estimated number of rows. The settings are
    transaction-local and put back afterwards, also inside an outer transaction."""
    names = list(settings)
    with transaction.atomic(), connection.cursor() as cursor:
        columns = ["current_setting(%s)"] * len(names) + ["set_config(%s, %s, true)"] * len(names)
        rows = f"(SELECT reltuples FROM pg_class WHERE oid = '{_TABLE}'::regclass)"  # noqa: S608
        cursor.execute(
            f"SELECT {', '.join(columns)}, {rows}",
            [*names, *[x for name in names for x in (name, settings[name])]],
        )
        row = cursor.fetchone()
        yield cursor, row[-1]
        cursor.execute(
            "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(names)),
            [x for name, value in zip(names, row, strict=False) for x in (name, value)],
        )


# PostgreSQL prices `@@` at one operator per row, so for a common word it would read the
# whole table and decompress every row's vector, where the GIN index gives the matching
# rows without opening a vector. Search queries therefore use no sequential scan, and no
# parallel workers (on a small machine starting them costs more than they save).
_PG_INDEX_ONLY = {"enable_seqscan": "off", "max_parallel_workers_per_gather": "0"}
# Finding the newest candidates on the primary key (from the newest row down) opens the
# vector of every row it passes; through the GIN index it opens none but reads every
# match. Per row, the first costs about this many times the second.
PG_VECTOR_COST = 5


def _pg_counts(q: str, theme: str, line: int | None) -> dict[str, int]:
    where, params = _pg_where(q, "", theme, line)
    with _pg_planner(**_PG_INDEX_ONLY, enable_indexscan="off") as (cursor, _rows):
        cursor.execute(
            f"SELECT kind, count(*) FROM {_TABLE} WHERE {where} GROUP BY kind",  # noqa: S608
            params,
        )
        return dict(cursor.fetchall())


def _pg_page(results: SearchResults, offset: int, limit: int) -> list[SearchHit]:
    # One query: the newest RANK_CANDIDATES matches, ranked, and the headline only for
    # the rows of the page. The table's rows are narrow (text and vector live in TOAST,
    # migration 0005), so carrying the columns through the sorts is cheap.
    where, params = _pg_where(results.query, results.kind, results.theme, results.line)
    text = _pg_text(results.query)
    sql = (
        "SELECT id, kind, title, url, meta, themes, line_names, "  # noqa: S608 - constants only
        f"ts_headline('dutch'::regconfig, body, {_PG_QUERY}, %s) FROM ("
        f"SELECT *, ts_rank(search_vector, {_PG_QUERY}) AS rank FROM ("
        "SELECT id, kind, title, url, meta, themes, line_names, body, search_vector "
        f"FROM {_TABLE} WHERE {where} ORDER BY id DESC LIMIT %s"
        ") AS candidates ORDER BY rank DESC, id LIMIT %s OFFSET %s"
        ") AS page ORDER BY rank DESC, id"
    )
    with _pg_planner(**_PG_INDEX_ONLY, enable_indexscan="on", enable_bitmapscan="on") as (
        cursor,
        rows,
    ):
        # Walking the primary key passes about rows/total rows per candidate.
        total = max(results.total, 1)
        newest_first = rows > 0 and PG_VECTOR_COST * RANK_CANDIDATES * rows < total * total
        cursor.execute(
            "SELECT set_config(%s, 'off', true)",
            ["enable_bitmapscan" if newest_first else "enable_indexscan"],
        )
        cursor.execute(
            sql,
            [text, _PG_HEADLINE_OPTIONS, text, *params, RANK_CANDIDATES, limit, offset],
        )
        found = cursor.fetchall()
    return [
        _hit(
            SearchDocument(
                id=id_,
                kind=kind,
                title=title,
                url=url,
                meta=meta,
                themes=themes,
                line_names=line_names,
            ),
            tuple(marked_segments(headline, START_SEL, STOP_SEL)),
        )
        for id_, kind, title, url, meta, themes, line_names, headline in found
    ]


# --- SQLite (FTS5 over stemmed text) -------------------------------------------------------


def _fts_expression(
    terms: tuple[str, ...], *, kind: str = "", theme: str = "", line: int | None = None
) -> str:
    expression = "{title body} : (" + fts5_match(terms) + ")"
    if kind:
        expression += f' AND tags : "kind{kind}"'
    if theme:
        expression += f' AND tags : "theme{theme}"'
    if line:
        expression += f' AND tags : "line{int(line)}"'
    return expression


def _sqlite_counts(terms: tuple[str, ...], theme: str, line: int | None) -> dict[str, int]:
    # One FTS5 count per type: doclist intersections, no row is read.
    counts = {}
    with connection.cursor() as cursor:
        for kind in DocumentKind.values:
            cursor.execute(
                f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [_fts_expression(terms, kind=kind, theme=theme, line=line)],
            )
            n = cursor.fetchone()[0]
            if n:
                counts[kind] = n
    return counts


def _sqlite_page(results: SearchResults, offset: int, limit: int) -> list[SearchHit]:
    match = _fts_expression(
        results.terms, kind=results.kind, theme=results.theme, line=results.line
    )
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
        line_names=tuple(name for name in row.line_names.split("\n") if name),
    )
