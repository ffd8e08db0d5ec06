"""The member's own list of stories (*mijn verhalen*): every story of its organisation and
none of another's, last changed first, with what the member may do next."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ..choices import StoryStatus
from ..models import Story
from ..selectors import stories_of_organisation
from .factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(org_a):
    now = timezone.now()
    made = {
        "draft": StoryFactory(organisation=org_a, title="Het concept"),
        "changes": StoryFactory(
            organisation=org_a,
            title="Terug naar de schrijver",
            status=StoryStatus.CHANGES_REQUESTED,
            review_note="Noem de cijfers van vorig jaar erbij.",
        ),
        "published": StoryFactory(organisation=org_a, title="Al gepubliceerd", published=True),
        "other": StoryFactory(title="Van een ander"),
    }
    for hours, key in enumerate(["published", "draft", "changes"]):
        # auto_now would set every one to now: the order is set directly.
        Story.objects.filter(pk=made[key].pk).update(updated_at=now - dt.timedelta(hours=hours))
    return made


def test_the_list_is_the_organisations_own_last_changed_first(org_a, stories):
    found = stories_of_organisation(organisation=org_a)
    assert [s.title for s in found] == ["Al gepubliceerd", "Het concept", "Terug naar de schrijver"]
    sent_back = found[2]
    assert sent_back.get_status_display() == str(StoryStatus.CHANGES_REQUESTED.label)
    assert sent_back.review_note == "Noem de cijfers van vorig jaar erbij."
    assert sent_back.get_absolute_url() == stories["changes"].get_absolute_url()


def test_the_page_shows_the_note_and_offers_edits_only_where_the_member_may(
    client_for, user_a, stories
):
    html = client_for(user_a).get("/mijn/verhalen/").content.decode()
    assert "Van een ander" not in html
    assert "Noem de cijfers van vorig jaar erbij." in html
    for key in ("draft", "changes"):
        assert f"/mijn/verhalen/{stories[key].pk}/bewerken" in html
    assert f"/mijn/verhalen/{stories['published'].pk}/bewerken" not in html
    assert html.index("Al gepubliceerd") < html.index("Het concept") < html.index("Terug naar")
