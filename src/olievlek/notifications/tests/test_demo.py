"""The demo: a completed match with its published story, notifications waiting for the
demo employer, an invitation nobody accepted."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from olievlek.knowledge.models import Story
from olievlek.network import demo as network_demo
from olievlek.network.models import Invitation
from olievlek.notifications import demo
from olievlek.notifications.selectors import unread_count
from olievlek.payitforward import demo as pif_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def context():
    staff = get_user_model().objects.create_user(email="pt@olievlek.test", is_staff=True)
    context = {"staff": staff, "employer_email": "werkgever@olievlek.test", "password": "x"}
    network_demo.build(context, approved=150, koplopers=40, pending=0)
    pif_demo.build(context)
    demo.build(context)
    return context


def test_the_demo_has_a_published_story_from_a_completed_match(context):
    story = Story.objects.get(from_match__isnull=False, status="published")
    assert story.from_match.state == "completed"
    assert story.body_html


def test_the_demo_employer_has_unread_notifications(context):
    user = get_user_model().objects.get(email=context["employer_email"])
    assert unread_count(user=user) >= 3


def test_the_demo_has_an_invitation_not_accepted(context):
    assert Invitation.objects.filter(accepted_at=None, invited_by=context["staff"]).exists()
