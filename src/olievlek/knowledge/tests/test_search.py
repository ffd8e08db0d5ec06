"""Search: Dutch stemming on both databases, ranking, filters, snippets, odd queries."""

from __future__ import annotations

import pytest
from django.db import connection

from olievlek.network.tests.factories import OrganisationFactory, ThemeProfileFactory

from ..choices import DocumentKind
from ..search import search, search_index_organisation, search_index_story, search_reindex
from ..search.index import FTS_TABLE
from .factories import StoryFactory

pytestmark = pytest.mark.django_db


def _titles(q, **kwargs):
    results, hits = search(q=q, **kwargs)
    return [hit.title for hit in hits[0:50]]


def _story(title, body, themes=("gezondheid",), **kwargs):
    kwargs.setdefault("lead", "Een verhaal uit de praktijk.")
    story = StoryFactory(published=True, title=title, body=body, themes=list(themes), **kwargs)
    story.body_html = f"<p>{body}</p>"
    search_index_story(story=story)
    return story


def test_an_adjective_finds_the_noun_it_comes_from():
    _story("Fit op de bouwplaats", "Wij investeren in de gezondheid van ons team.")
    _story("Leren op de werkvloer", "Iedereen volgt elk jaar een opleiding.")
    assert _titles("gezonde") == ["Fit op de bouwplaats"]


def test_a_singular_finds_the_plural():
    _story("Samen roosteren", "Onze werknemers maken het rooster zelf.")
    assert _titles("werknemer") == ["Samen roosteren"]
    assert _titles("WERKNEMERS") == ["Samen roosteren"]


def test_two_words_must_both_occur():
    _story("Gezond en wendbaar", "Gezondheid en ontwikkeling horen bij elkaar.")
    _story("Alleen gezond", "Gezondheid staat voorop.")
    assert _titles("gezonde ontwikkeling") == ["Gezond en wendbaar"]


def test_a_match_in_the_title_ranks_above_one_in_the_text():
    _story("Over de kantine", "Vitaliteit komt hier alleen even langs.")
    _story("Vitaliteit voor iedereen", "Een programma voor het hele bedrijf.")
    assert _titles("vitaliteit")[0] == "Vitaliteit voor iedereen"


def test_the_snippet_marks_the_words_found_and_escapes_nothing_itself():
    _story("Werkvermogen", "Wij meten het werkvermogen van <b>alle</b> werknemers elk jaar.")
    results, hits = search(q="werknemer")
    (hit,) = hits[0:1]
    marked = [text for text, is_match in hit.snippet if is_match]
    assert marked and all(t.lower().startswith("werknemer") for t in marked)


def test_type_and_theme_filters_and_counts_per_type():
    _story("Vitale bakkers", "Vitaliteit in de bakkerij.", themes=("gezondheid",))
    _story("Leren bakken", "Vitaliteit en vakmanschap.", themes=("ontwikkeling",))
    org = OrganisationFactory(name="Vitaliteit Groep", description="Wij doen aan vitaliteit.")
    ThemeProfileFactory(organisation=org, theme="gezondheid")
    search_index_organisation(organisation=org)

    results, _hits = search(q="vitaliteit")
    assert results.counts == {DocumentKind.STORY: 2, DocumentKind.ORGANISATION: 1}
    assert results.total == 3
    assert _titles("vitaliteit", kind=DocumentKind.ORGANISATION) == ["Vitaliteit Groep"]
    assert sorted(_titles("vitaliteit", theme="gezondheid")) == [
        "Vitale bakkers",
        "Vitaliteit Groep",
    ]
    assert _titles("vitaliteit", kind=DocumentKind.STORY, theme="ontwikkeling") == ["Leren bakken"]


@pytest.mark.parametrize("q", ["", "   ", "!!!", "de het een", '*:"(', "-"])
def test_empty_stop_word_and_nonsense_queries_search_for_nothing(q):
    _story("Iets", "De tekst.")
    results, hits = search(q=q)
    assert not results.searchable
    assert results.total == 0
    assert list(hits[0:20]) == []


def test_fts_syntax_in_a_query_is_searched_as_words_not_run():
    _story("Loopbaan", "Een loopbaan NEAR het einde.")
    assert _titles('loopbaan NEAR "einde') == ["Loopbaan"]
    assert _titles("loopbaan OR onzinwoord") == []


def test_unpublishing_takes_a_story_out_of_the_index():
    story = _story("Tijdelijk", "Duurzame inzetbaarheid.")
    assert _titles("inzetbaarheid") == ["Tijdelijk"]
    story.status = "changes"
    search_index_story(story=story)
    assert _titles("inzetbaarheid") == []


def test_reindex_rebuilds_from_the_database_and_drops_what_is_no_longer_public():
    StoryFactory(
        published=True, title="Ploegendienst", body="Nachtdiensten anders ingericht.", lead="Kort."
    )
    StoryFactory(title="Nog geheim", body="Nachtdiensten in concept.")
    OrganisationFactory(name="Nachtdiensten BV", status="pending")
    count = search_reindex()
    assert count >= 1
    assert _titles("nachtdienst") == ["Ploegendienst"]


def test_reindex_leaves_no_stale_rows_in_the_sqlite_fts_table():
    _story("Oud", "Verouderde tekst.")
    search_reindex(documents=[])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")  # noqa: S608
            assert cursor.fetchone()[0] == 0
    assert _titles("verouderde") == []


def test_an_organisation_that_is_no_longer_approved_leaves_the_index():
    org = OrganisationFactory(name="Stukadoors Het Anker")
    search_index_organisation(organisation=org)
    assert _titles("stukadoor") == ["Stukadoors Het Anker"]
    org.status = "rejected"
    search_index_organisation(organisation=org)
    assert _titles("stukadoor") == []


def test_paging_returns_each_hit_once_in_rank_order():
    for n in range(25):
        _story(f"Mantelzorg {n}", "Mantelzorg " * (n + 1))
    results, hits = search(q="mantelzorg")
    assert results.total == 25
    first, second = hits[0:20], hits[20:40]
    titles = [h.title for h in first] + [h.title for h in second]
    assert len(titles) == len(set(titles)) == 25


def test_above_the_ranking_limit_the_newest_matches_are_ranked_and_counted_exactly(
    monkeypatch,
):
    from ..search import query

    monkeypatch.setattr(query, "RANK_CANDIDATES", 3)
    stories = [_story(f"Werkplezier {n}", "Werkplezier " * (5 - n)) for n in range(5)]
    results, hits = search(q="werkplezier")
    assert results.total == 5
    assert len(hits) == 3
    # The three newest, ranked among themselves (more mentions rank higher).
    assert [h.title for h in hits[0:10]] == [s.title for s in stories[2:]]


def test_the_snippet_keeps_the_spaces_between_paragraphs_and_fields():
    story = StoryFactory(
        published=True,
        title="Mantelzorg",
        lead="Kort verhaal.",
        body="x",
        body_html="<p>Eerste alinea over mantelzorg.</p><p>Tweede alinea<br>derde regel.</p>",
    )
    search_index_story(story=story)
    (hit,) = search(q="mantelzorg")[1][0:1]
    text = " ".join("".join(part for part, _match in hit.snippet).split())
    assert "Kort verhaal. Eerste alinea over mantelzorg. Tweede alinea derde regel." in text
