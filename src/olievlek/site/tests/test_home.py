"""The home page: what the network is, its next meetings, newest stories, the chain's
figures and a way to join; cached for visitors and made stale by the changes it shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from olievlek.events.services import event_update
from olievlek.events.tests.factories import EventFactory
from olievlek.knowledge.models import StoryImage
from olievlek.knowledge.services import story_publish
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.payitforward.services import match_accept
from olievlek.payitforward.tests.factories import HelpRequestFactory, MatchFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.OLIEVLEK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_the_home_page_says_what_the_network_is_and_how_to_join(client):
    html = _home(client)
    assert "als een olievlek verspreidt" in html
    assert f'href="{reverse("network:register")}"' in html
    assert "In drie stappen aangesloten" in html


def test_the_next_public_meetings_are_listed_soonest_first_and_past_ones_not(client):
    EventFactory(title="Later overleg", starts_at=timezone.now() + timedelta(days=30))
    EventFactory(title="Eerst overleg", starts_at=timezone.now() + timedelta(days=3))
    EventFactory(title="Voorbij overleg", past=True, ends_at=timezone.now() - timedelta(days=6))
    EventFactory(title="Leden overleg", members_only=True)
    html = _home(client)
    assert html.index("Eerst overleg") < html.index("Later overleg")
    assert "Voorbij overleg" not in html
    assert "Leden overleg" not in html


def test_meetings_are_shown_in_the_one_date_format(client):
    EventFactory(starts_at=timezone.make_aware(timezone.datetime(2099, 3, 10, 14, 0)))
    assert "di 10 maart 2099, 14:00" in _home(client)


def test_the_newest_published_stories_are_listed_with_their_image_if_they_have_one(client):
    with_image = StoryFactory(title="Met beeld", published=True)
    StoryImage.objects.create(
        story=with_image,
        alt_text="Bakkers aan het werk",
        content_type="image/png",
        width=4,
        height=3,
        file="images/x.png",
    )
    StoryFactory(title="Zonder beeld", published=True)
    StoryFactory(title="Nog een concept")
    html = _home(client)
    assert "Met beeld" in html and "Zonder beeld" in html
    assert "Nog een concept" not in html
    image_url = reverse("knowledge:story_image", args=[with_image.slug, with_image.images.get().pk])
    assert f'src="{image_url}" alt="Bakkers aan het werk"' in html
    assert html.count('class="ov-story-card__image"') == 1


def test_the_chain_figures_count_matches_and_generations(client):
    root, a, b = member(), member(), member()
    MatchFactory(
        offer__organisation=root, request=HelpRequestFactory(organisation=a), accepted=True
    )
    MatchFactory(offer__organisation=a, request=HelpRequestFactory(organisation=b), completed=True)
    MatchFactory()  # a proposal is no match yet
    html = _home(client)
    assert "<dt>Gemaakte matches</dt><dd>2</dd>" in html
    assert "<dt>Generaties in de keten</dt><dd>3</dd>" in html


def test_a_published_story_shows_on_the_cached_home_page_at_once(
    client, page_cache, staff_user, django_capture_on_commit_callbacks
):
    story = StoryFactory(title="Vers verhaal", submitted=True)
    assert "Vers verhaal" not in _home(client)
    assert client.get(reverse("home"))["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, actor=staff_user)
    assert "Vers verhaal" in _home(client)


def test_a_changed_meeting_shows_on_the_cached_home_page_at_once(
    client, page_cache, staff_user, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Oude titel")
    assert "Oude titel" in _home(client)
    with django_capture_on_commit_callbacks(execute=True):
        event_update(event=event, actor=staff_user, data={"title": "Nieuwe titel"}, themes=["apk"])
    assert "Nieuwe titel" in _home(client)


def test_an_accepted_match_counts_on_the_cached_home_page_at_once(
    client, page_cache, django_capture_on_commit_callbacks
):
    match = MatchFactory(learner_answer="accepted")
    assert "<dt>Gemaakte matches</dt><dd>0</dd>" in _home(client)
    with django_capture_on_commit_callbacks(execute=True):
        match_accept(match=match, organisation=match.mentor)
    assert "<dt>Gemaakte matches</dt><dd>1</dd>" in _home(client)
