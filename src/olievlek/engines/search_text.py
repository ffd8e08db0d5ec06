"""Dutch text for full-text search: words, stems, stop words and highlighted snippets.

PostgreSQL stems with its built-in `dutch` configuration; SQLite has no Dutch stemmer,
so the application stems the text itself (with the `snowballstemmer` package) before it
goes into an FTS5 table, and stems the query the same way. For the two databases to find
the same things, this module follows PostgreSQL's `dutch` configuration:

- the classic Snowball Dutch algorithm (`dutch_porter`). Snowball 3's new `dutch`
  algorithm strips the *ge-* prefix and stems `gezond` to `zon` (sun) and `bakkerij` to
  `bak`, which would make searches for health find the weather;
- the Snowball Dutch stop-word list, which PostgreSQL also uses;
- lower case, diacritics kept (PostgreSQL's `dutch` has no `unaccent`).

No Django here: the functions take and return plain strings.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache

import snowballstemmer

# Letters and digits; an underscore is not part of a word.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_TERMS = 10

# The Snowball Dutch stop-word list (the one PostgreSQL's `dutch` configuration uses).
STOP_WORDS: frozenset[str] = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er
    maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der
    daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets
    worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens
    hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw
    iemand geweest andere""".split()
)

_local = threading.local()


def _stemmer():
    # Snowball stemmer objects keep state between calls: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word, in lower case (`werknemers` -> `werknemer`)."""
    return _stemmer().stemWord(word.lower())


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def stem_text(text: str) -> str:
    """The text as space-separated stems, without stop words: what goes into FTS5."""
    return " ".join(stem(w) for w in words(text) if w.lower() not in STOP_WORDS)


def query_stems(query: str) -> tuple[str, ...]:
    """The distinct stems a query searches for, in the order typed; stop words and
    anything that is not a word drop out, so `!!!` or `de het` ask for nothing."""
    seen: dict[str, None] = {}
    for word in words(query):
        if word.lower() in STOP_WORDS:
            continue
        seen.setdefault(stem(word), None)
        if len(seen) == MAX_QUERY_TERMS:
            break
    return tuple(seen)


Segment = tuple[str, bool]  # (text, is a match)


def highlight(text: str, stems: Iterable[str], *, max_chars: int = 240) -> list[Segment]:
    """A snippet of `text` around the first word whose stem is searched for, as segments
    to render with the matches marked. Returns the start of the text when nothing
    matches. The caller escapes the text: segments are plain text."""
    wanted = set(stems)
    text = " ".join(text.split())
    matches = [
        (m.start(), m.end())
        for m in WORD_RE.finditer(text)
        if m.group().lower() not in STOP_WORDS and stem(m.group()) in wanted
    ]
    if not matches:
        start, end = 0, min(len(text), max_chars)
    else:
        first = matches[0][0]
        start = max(0, first - max_chars // 4)
        end = min(len(text), start + max_chars)
        start = max(0, min(start, end - max_chars))
    start, end = _word_bounds(text, start, end)
    segments: list[Segment] = []
    if start > 0:
        segments.append(("… ", False))
    position = start
    for m_start, m_end in matches:
        if m_start < start or m_end > end:
            continue
        if m_start > position:
            segments.append((text[position:m_start], False))
        segments.append((text[m_start:m_end], True))
        position = m_end
    if position < end:
        segments.append((text[position:end], False))
    if end < len(text):
        segments.append((" …", False))
    return segments


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Move the window's edges to spaces so that no word is cut in half."""
    if start > 0:
        space = text.find(" ", start)
        if space != -1 and space < end:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    return start, end


def marked_segments(marked: str, start_sel: str, stop_sel: str) -> list[Segment]:
    """Segments from text in which the database put `start_sel`/`stop_sel` around the
    matches (PostgreSQL's ts_headline)."""
    segments: list[Segment] = []
    for i, part in enumerate(marked.split(start_sel)):
        if i == 0:
            if part:
                segments.append((part, False))
            continue
        inside, _sep, after = part.partition(stop_sel)
        if inside:
            segments.append((inside, True))
        if after:
            segments.append((after, False))
    return segments


def fts5_match(stems: Sequence[str]) -> str:
    """An FTS5 MATCH expression asking for every stem (quoted, so that no character of
    the query is read as FTS5 syntax)."""
    return " ".join('"' + s.replace('"', '""') + '"' for s in stems)
