"""The story review queue puts what waits for the project team first (the longest
waiting at the top), then what lies with the member, and published stories last."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from .. import selectors
from .factories import StoryFactory

pytestmark = pytest.mark.django_db


def _queue(**kwargs) -> list[str]:
    return [story.title for story in selectors.story_review_queue(**kwargs)]


@pytest.fixture
def stories():
    now = timezone.now()
    StoryFactory(title="Gepubliceerd oud", published=True, published_at=now - timedelta(days=9))
    StoryFactory(title="Gepubliceerd nieuw", published=True, published_at=now - timedelta(days=1))
    StoryFactory(title="Concept", status="draft")
    StoryFactory(title="Teruggestuurd", changes=True)
    StoryFactory(title="Wacht kort", submitted=True, submitted_at=now - timedelta(hours=2))
    StoryFactory(title="Wacht lang", submitted=True, submitted_at=now - timedelta(days=5))


def test_waiting_stories_come_first_oldest_first_and_published_last(stories):
    assert _queue() == [
        "Wacht lang",
        "Wacht kort",
        "Teruggestuurd",
        "Concept",
        "Gepubliceerd nieuw",
        "Gepubliceerd oud",
    ]


def test_one_state_keeps_the_same_order(stories):
    assert _queue(status="submitted") == ["Wacht lang", "Wacht kort"]


def test_the_page_lists_the_waiting_story_above_the_published_one(client_for, staff_user, stories):
    page = client_for(staff_user).get("/beheer/verhalen/").content.decode()
    assert page.index("Wacht lang") < page.index("Wacht kort") < page.index("Gepubliceerd nieuw")
