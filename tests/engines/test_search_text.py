"""The Dutch text helpers behind search on SQLite: stems, stop words, snippets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from olievlek.engines.search_text import (
    STOP_WORDS,
    fts5_match,
    highlight,
    marked_segments,
    query_stems,
    stem,
    stem_text,
    words,
)


def test_word_forms_share_a_stem():
    assert stem("gezonde") == stem("gezondheid") == stem("gezond")
    assert stem("werknemer") == stem("werknemers") == stem("Werknemers")
    assert stem("loopbaan") == stem("loopbanen")
    assert stem("ontwikkeling") == stem("ontwikkelen")


def test_the_classic_dutch_algorithm_keeps_unrelated_words_apart():
    # Snowball 3's new Dutch stemmer makes `gezond` and `zon` (sun) one stem; ours must not.
    assert stem("gezond") != stem("zon")
    assert stem("bakkerij") != stem("bak")


def test_stop_words_and_non_words_are_not_searched_for():
    assert query_stems("de het een") == ()
    assert query_stems("!!! ??? ---") == ()
    assert query_stems("") == ()
    assert query_stems("De gezonde werknemers, de gezondheid!") == ("gezond", "werknemer")


def test_stem_text_drops_stop_words_and_lowercases():
    assert stem_text("De Werknemers van het bedrijf") == "werknemer bedrijf"


def test_highlight_marks_every_form_of_the_word_in_a_window():
    text = "Wij investeren in gezondheid. Gezonde mensen werken graag. " + "vulling " * 80
    segments = highlight(text, query_stems("gezond"), max_chars=120)
    marked = [t for t, m in segments if m]
    assert marked == ["gezondheid", "Gezonde"]
    assert segments[-1] == (" …", False)
    assert len("".join(t for t, _ in segments)) <= 125


def test_highlight_without_a_match_starts_at_the_beginning():
    segments = highlight("Een kort verhaal.", ("onbekend",))
    assert segments == [("Een kort verhaal.", False)]


def test_marked_segments_reads_database_markers():
    assert marked_segments("a \x02b\x03 c", "\x02", "\x03") == [
        ("a ", False),
        ("b", True),
        (" c", False),
    ]


def test_fts5_match_quotes_every_term():
    assert fts5_match(("gezond", 'we"rk')) == '"gezond" "we""rk"'


@given(st.text(max_size=300), st.text(max_size=40))
def test_a_snippet_is_always_a_piece_of_the_text(text, query):
    segments = highlight(text, query_stems(query), max_chars=80)
    body = "".join(t for t, _ in segments).removeprefix("… ").removesuffix(" …")
    assert body in " ".join(text.split())


@given(st.text(max_size=100))
def test_a_query_asks_for_distinct_non_empty_stems_of_its_non_stop_words(query):
    stems = query_stems(query)
    assert all(stems) and len(stems) == len(set(stems)) <= 10
    expected = {stem(w) for w in words(query) if w.lower() not in STOP_WORDS}
    assert set(stems) <= expected
