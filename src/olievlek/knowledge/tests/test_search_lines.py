"""Search by programme line: the index keeps each document's active lines, so the filter
is part of the one search query, and follows tags, renames and removals of lines."""

from __future__ import annotations

import pytest

from olievlek.events.tests.factories import EventFactory
from olievlek.network.tests.factories import OrganisationFactory
from olievlek.payitforward.tests.factories import OfferFactory
from olievlek.programme import services as programme
from olievlek.programme.tests.factories import ProgrammeLineFactory

from ..choices import DocumentKind
from ..search import search, search_index_organisation, search_index_story, search_reindex
from .factories import StoryFactory

pytestmark = pytest.mark.django_db


def _hits(q, **kwargs):
    _results, hits = search(q=q, **kwargs)
    return list(hits[0:50])


def _titles(q, **kwargs):
    return sorted(hit.title for hit in _hits(q, **kwargs))


def _story(title, body="Vitaliteit op de werkvloer."):
    story = StoryFactory(published=True, title=title, body=body, body_html=f"<p>{body}</p>")
    search_index_story(story=story)
    return story


@pytest.fixture
def line():
    return ProgrammeLineFactory(name="Gezond in bedrijf")


def test_the_line_filter_finds_only_stories_tagged_with_the_line(line):
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    _story("Vitale bouwers")
    assert _titles("vitaliteit", line=line.pk) == ["Vitale bakkers"]
    assert _titles("vitaliteit") == ["Vitale bakkers", "Vitale bouwers"]


def test_the_line_filter_finds_meetings_tagged_with_the_line(line):
    tagged = EventFactory(title="Vitaliteitsdag", description="Over vitaliteit.")
    EventFactory(title="Vitaliteitsmiddag", description="Over vitaliteit.")
    programme.set_lines(obj=tagged, lines=[line])
    assert _titles("vitaliteit", kind=DocumentKind.EVENT, line=line.pk) == ["Vitaliteitsdag"]


def test_an_organisation_is_found_under_the_lines_it_takes_part_in(line):
    offering = OrganisationFactory(name="Vitaliteit Groep")
    other = OrganisationFactory(name="Vitaliteit Partners")
    for organisation in (offering, other):
        search_index_organisation(organisation=organisation)
    programme.set_lines(obj=OfferFactory(organisation=offering), lines=[line])
    assert _titles("vitaliteit", line=line.pk) == ["Vitaliteit Groep"]


def test_counts_per_type_follow_the_line_filter(line):
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    _story("Vitale bouwers")
    results, _hits = search(q="vitaliteit", line=line.pk)
    assert results.counts == {DocumentKind.STORY: 1}
    assert results.total == 1


def test_the_line_filter_combines_with_type_and_theme(line):
    story = _story("Vitale bakkers")
    programme.set_lines(obj=story, lines=[line])
    theme = story.themes[0]
    assert _titles("vitaliteit", kind=DocumentKind.STORY, theme=theme, line=line.pk) == [
        "Vitale bakkers"
    ]
    assert _titles("vitaliteit", kind=DocumentKind.ORGANISATION, line=line.pk) == []
    other_theme = next(t for t in ("apk", "organisatie") if t not in story.themes)
    assert _titles("vitaliteit", theme=other_theme, line=line.pk) == []


def test_a_hit_shows_the_names_of_its_lines(line):
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    (hit,) = _hits("vitaliteit")
    assert hit.line_names == ("Gezond in bedrijf",)


def test_taking_a_tag_off_takes_the_document_out_of_the_line(line):
    story = _story("Vitale bakkers")
    programme.set_lines(obj=story, lines=[line])
    programme.set_lines(obj=story, lines=[])
    assert _titles("vitaliteit", line=line.pk) == []
    assert _titles("vitaliteit") == ["Vitale bakkers"]


def test_renaming_a_line_renames_it_in_the_results(line, staff_user):
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    programme.line_update(line=line, actor=staff_user, data={"name": "Gezond werken"})
    (hit,) = _hits("vitaliteit", line=line.pk)
    assert hit.line_names == ("Gezond werken",)


def test_switching_a_line_off_takes_it_out_of_the_index(line, staff_user):
    organisation = OrganisationFactory(name="Vitaliteit Groep")
    programme.set_lines(obj=OfferFactory(organisation=organisation), lines=[line])
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    programme.line_update(line=line, actor=staff_user, data={"is_active": False})
    assert _titles("vitaliteit", line=line.pk) == []
    assert all(hit.line_names == () for hit in _hits("vitaliteit"))


def test_a_partner_that_no_longer_leads_a_line_leaves_it(line, staff_user):
    partner = OrganisationFactory(name="Vitaliteit Platform", is_partner=True)
    programme.line_update(line=line, actor=staff_user, data={"lead_organisation": partner})
    assert _titles("vitaliteit", line=line.pk) == ["Vitaliteit Platform"]
    programme.line_update(line=line, actor=staff_user, data={"lead_organisation": None})
    assert _titles("vitaliteit", line=line.pk) == []


def test_deleting_a_line_reindexes_what_it_tagged(line, staff_user):
    organisation = OrganisationFactory(name="Vitaliteit Groep")
    programme.set_lines(obj=OfferFactory(organisation=organisation), lines=[line])
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    line_id = line.pk
    programme.line_delete(line=line, actor=staff_user)
    assert _titles("vitaliteit", line=line_id) == []
    assert _titles("vitaliteit") == ["Vitale bakkers", "Vitaliteit Groep"]
    assert all(hit.line_names == () for hit in _hits("vitaliteit"))


def test_a_full_reindex_keeps_the_lines(line):
    story = StoryFactory(published=True, title="Vitale bakkers", body="Vitaliteit.")
    story.programme_lines.add(line)
    host = OrganisationFactory(name="Vitaliteit Gastheer")
    event = EventFactory(title="Vitaliteitsdag", description="Vitaliteit.")
    event.hosts.add(host)
    event.programme_lines.add(line)
    OrganisationFactory(name="Vitaliteit Anders")
    search_reindex()
    assert _titles("vitaliteit", line=line.pk) == [
        "Vitale bakkers",
        "Vitaliteit Gastheer",
        "Vitaliteitsdag",
    ]


def test_a_meeting_saved_with_lines_puts_its_hosts_in_the_line(
    line, staff_user, django_capture_on_commit_callbacks
):
    from olievlek.events.services.events import event_update

    host = OrganisationFactory(name="Vitaliteit Gastheer")
    event = EventFactory(title="Open dag", description="Kom kijken.")
    search_index_organisation(organisation=host)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(
            event=event,
            actor=staff_user,
            data={},
            themes=["gezondheid"],
            hosts=[host],
            invited=[],
            lines=[line],
        )
    assert _titles("vitaliteit", line=line.pk) == ["Vitaliteit Gastheer"]


def test_the_search_page_filters_by_line_and_keeps_it_in_its_links(client, line):
    programme.set_lines(obj=_story("Vitale bakkers"), lines=[line])
    _story("Vitale bouwers")
    page = client.get(f"/zoeken/?q=vitaliteit&line={line.slug}").content.decode()
    assert "Vitale bakkers" in page and "Vitale bouwers" not in page
    assert f'<option value="{line.slug}" selected>' in page
    assert f"type=story&amp;line={line.slug}" in page or f"line={line.slug}&amp;type" in page
    assert "Gezond in bedrijf" in page.split('id="results"')[1]


def test_a_line_that_is_no_longer_shown_is_ignored_not_the_query(client, line):
    _story("Vitale bakkers")
    page = client.get("/zoeken/?q=vitaliteit&line=bestaat-niet").content.decode()
    assert "Vitale bakkers" in page
