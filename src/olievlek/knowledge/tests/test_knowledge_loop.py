"""The knowledge loop: a completed Pay it Forward match becomes a published story."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from olievlek.knowledge.choices import StoryStatus
from olievlek.knowledge.models import Story
from olievlek.knowledge.services import (
    StoryData,
    story_drafts_from_match,
    story_publish,
    story_submit,
    story_update,
)
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.notifications.models import Notification
from olievlek.payitforward.services import match_complete, match_rate
from olievlek.payitforward.tests.factories import HelpRequestFactory, MatchFactory, OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def held():
    mentor = ContactPersonFactory().organisation
    learner = ContactPersonFactory().organisation
    offer = OfferFactory(organisation=mentor, themes=["gezondheid", "apk"])
    request = HelpRequestFactory(organisation=learner, themes=["apk"], status="matched")
    return MatchFactory(held=True, offer=offer, request=request)


def test_completing_a_match_gives_each_side_a_draft_with_its_themes(held):
    match = match_complete(match=held, organisation=held.learner)
    drafts = Story.objects.filter(from_match=match)
    assert {s.organisation for s in drafts} == {match.mentor, match.learner}
    assert all(s.status == StoryStatus.DRAFT and s.themes == ["apk"] for s in drafts)
    assert all(match.mentor.name in s.lead and match.learner.name in s.lead for s in drafts)


def test_each_side_is_invited_with_a_link_to_its_draft(held):
    match = match_complete(match=held, organisation=held.mentor)
    mentor_user = match.mentor.contacts.get().user
    note = Notification.objects.get(recipient=mentor_user, kind="story")
    draft = Story.objects.get(from_match=match, organisation=match.mentor)
    assert note.link == f"/mijn/verhalen/{draft.pk}/bewerken"


def test_no_second_draft_for_the_same_match(held):
    match = match_complete(match=held, organisation=held.mentor)
    assert story_drafts_from_match(match=match) == []
    assert Story.objects.filter(from_match=match).count() == 2


def test_an_empty_draft_cannot_be_submitted(held):
    match = match_complete(match=held, organisation=held.mentor)
    draft = Story.objects.get(from_match=match, organisation=match.learner)
    with pytest.raises(ValidationError):
        story_submit(story=draft, actor=match.learner.contacts.get().user)


def test_from_completed_match_to_published_story(held, staff_user, client):
    match = match_complete(match=held, organisation=held.mentor)
    author = match.learner.contacts.get().user
    draft = Story.objects.get(from_match=match, organisation=match.learner)
    data = StoryData(
        title="Wat wij leerden van onze mentor",
        lead=draft.lead,
        body="We hebben het verzuimbeleid samen doorgelopen.",
        themes=frozenset(draft.themes),
    )
    story = story_update(story=draft, actor=author, data=data)
    story = story_submit(story=story, actor=author)
    story = story_publish(story=story, actor=staff_user)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Pay it Forward" in html and match.mentor.get_absolute_url() in html
    offers = client.get("/payitforward/aanbod").content.decode()
    assert story.get_absolute_url() in offers


def test_a_rating_is_given_once(held):
    with pytest.raises(ValidationError, match="al beoordeeld|already rated"):
        match_rate(match=held, organisation=held.learner, rating=2)
    held.refresh_from_db()
    assert held.learner_rating == 4


def test_the_rating_form_is_not_shown_again(held, client_for):
    page = client_for(held.learner.contacts.get().user).get(f"/mijn/payitforward/matches/{held.pk}")
    assert "/beoordelen" not in page.content.decode()


def test_the_invitation_to_share_is_in_each_persons_language(held):
    from olievlek.accounts.languages import user_language_set

    mentor_user = held.mentor.contacts.get().user
    learner_user = held.learner.contacts.get().user
    user_language_set(user=mentor_user, language="en")
    match_complete(match=held, organisation=held.mentor)
    english = Notification.objects.get(recipient=mentor_user, kind="story").text
    dutch = Notification.objects.get(recipient=learner_user, kind="story").text
    assert english.startswith("Your match with")
    assert dutch.startswith("Uw match met")
