"""Publishing stories from the back office: a confirm step, a message naming the
addresses mailed, publishing several at once, and undoing a publication just made."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from olievlek.audit.models import AuditEntry
from olievlek.network.tests.factories import ContactPersonFactory

from .. import services
from ..choices import StoryStatus
from ..models import Story
from .factories import StoryFactory

pytestmark = pytest.mark.django_db


def _story(title: str, email: str, **traits) -> Story:
    organisation = ContactPersonFactory(user__email=email).organisation
    return StoryFactory(organisation=organisation, title=title, **traits)


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_publish_button_asks_for_confirmation_first(staff_user, client_for):
    story = _story("Fit op de bouw", "bouw@example.nl", submitted=True)
    response = client_for(staff_user).post(
        reverse("knowledge:backoffice_story", args=[story.pk]),
        {"decision": "publish", "step": "confirm"},
    )
    html = response.content.decode()
    assert "Fit op de bouw publiceren?" in html and "bouw@example.nl" in html
    story.refresh_from_db()
    assert story.status == StoryStatus.SUBMITTED


def test_publishing_says_to_whom_the_mail_went_and_offers_an_undo(
    staff_user, client_for, django_capture_on_commit_callbacks
):
    story = _story("Fit op de bouw", "bouw@example.nl", submitted=True)
    client = client_for(staff_user)
    url = reverse("knowledge:backoffice_story", args=[story.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "publish", "confirmed": "1"})
    assert response.url == url
    assert _messages(response)[0].startswith(
        "Het verhaal is gepubliceerd. Er is een e-mail gestuurd naar bouw@example.nl."
    )
    assert mail.outbox[0].to == ["bouw@example.nl"]
    page = client.get(url).content.decode()
    assert reverse("knowledge:backoffice_story_unpublish", args=[story.pk]) in page


def test_undo_takes_the_story_offline_and_back_into_the_queue(staff_user, client_for):
    story = _story("Fit op de bouw", "bouw@example.nl", submitted=True)
    services.story_publish(story=story, actor=staff_user)
    response = client_for(staff_user).post(
        reverse("knowledge:backoffice_story_unpublish", args=[story.pk])
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.SUBMITTED and story.published_at is None
    assert AuditEntry.objects.filter(action="story.unpublish").count() == 1
    assert "weer offline" in _messages(response)[0]


def test_undo_is_offered_only_for_ten_minutes(staff_user, client_for):
    story = _story("Fit op de bouw", "bouw@example.nl", published=True)
    Story.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(minutes=11))
    page = client_for(staff_user).get(reverse("knowledge:backoffice_story", args=[story.pk]))
    assert reverse("knowledge:backoffice_story_unpublish", args=[story.pk]) not in (
        page.content.decode()
    )


def test_bulk_publish_asks_for_confirmation_listing_the_stories(staff_user, client_for):
    a = _story("Verhaal A", "a@example.nl", submitted=True)
    b = _story("Verhaal B", "b@example.nl", changes=True)
    response = client_for(staff_user).post(
        reverse("knowledge:backoffice_story_bulk"), {"action": "publish", "ids": [a.pk, b.pk]}
    )
    html = response.content.decode()
    assert "2 verhalen publiceren?" in html
    assert "Verhaal A" in html and "b@example.nl" in html
    assert not Story.objects.filter(status=StoryStatus.PUBLISHED).exists()


def test_bulk_publish_publishes_each_through_the_service_with_audit_and_mail(
    staff_user, client_for, django_capture_on_commit_callbacks
):
    a = _story("Verhaal A", "a@example.nl", submitted=True)
    b = _story("Verhaal B", "b@example.nl", submitted=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff_user).post(
            reverse("knowledge:backoffice_story_bulk"),
            {"action": "publish", "ids": [a.pk, b.pk], "confirmed": "1"},
        )
    assert set(Story.objects.values_list("status", flat=True)) == {StoryStatus.PUBLISHED}
    assert AuditEntry.objects.filter(action="story.publish").count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.nl", "b@example.nl"]
    assert _messages(response) == [
        "Gepubliceerd: Verhaal A, Verhaal B. "
        "Er is een e-mail gestuurd naar a@example.nl, b@example.nl."
    ]


def test_bulk_publish_leaves_out_drafts_and_published_stories(staff_user, client_for):
    draft = _story("Concept", "c@example.nl")
    done = _story("Al online", "d@example.nl", published=True)
    response = client_for(staff_user).post(
        reverse("knowledge:backoffice_story_bulk"),
        {"action": "publish", "ids": [draft.pk, done.pk], "confirmed": "1"},
    )
    draft.refresh_from_db()
    assert draft.status == StoryStatus.DRAFT
    assert not AuditEntry.objects.filter(action="story.publish").exists()
    assert _messages(response) == ["Kies minstens één verhaal dat wacht op publicatie."]
