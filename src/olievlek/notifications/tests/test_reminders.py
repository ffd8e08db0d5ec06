"""Reminders: each is sent once, however often the command runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.knowledge.models import Story
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.models import Invitation
from olievlek.network.tests.factories import InvitationFactory
from olievlek.notifications.models import Notification
from olievlek.notifications.reminders import reminders_send
from olievlek.payitforward.tests.factories import MatchFactory, member

pytestmark = pytest.mark.django_db


def test_a_proposal_about_to_expire_is_reminded_once_per_person():
    match = MatchFactory(
        deadline=timezone.now() + timedelta(days=1),
        offer__organisation=member(name="Mentor"),
        request__organisation=member(name="Leerling"),
    )
    assert reminders_send() == 2  # one contact on each side
    assert reminders_send() == 0
    call_command("notifications_remind")
    users = {match.mentor.contacts.get().user, match.learner.contacts.get().user}
    assert {n.recipient for n in Notification.objects.all()} == users


def test_a_proposal_with_time_left_is_not_reminded():
    MatchFactory(deadline=timezone.now() + timedelta(days=5))
    assert reminders_send() == 0


def test_a_meeting_tomorrow_links_the_calendar_file(user_a):
    tomorrow = timezone.localtime() + timedelta(days=1)
    event = EventFactory(starts_at=tomorrow.replace(hour=10, minute=0))
    RegistrationFactory(event=event, registered_by=user_a)
    assert reminders_send() == 1
    note = Notification.objects.get(recipient=user_a)
    assert note.link == f"/bijeenkomsten/{event.slug}/agenda.ics"
    assert reminders_send() == 0


def test_a_story_waiting_three_days_reminds_the_team_once(staff_user):
    story = StoryFactory(status="submitted")
    Story.objects.filter(pk=story.pk).update(submitted_at=timezone.now() - timedelta(days=4))
    assert reminders_send() == 1
    assert reminders_send() == 0
    assert Notification.objects.get().recipient == staff_user


def test_a_waiting_story_reminds_only_staff_who_can_act_as_the_team(staff_user, staff_without_mfa):
    from olievlek.network.tests.factories import UserFactory

    UserFactory(staff=True, is_active=False, email="oud@olievlek.test")
    story = StoryFactory(status="submitted")
    Story.objects.filter(pk=story.pk).update(submitted_at=timezone.now() - timedelta(days=4))
    reminders_send()
    assert [n.recipient for n in Notification.objects.all()] == [staff_user]


def test_an_invitation_not_accepted_after_a_week(staff_user):
    invitation = InvitationFactory(invited_by=staff_user)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    assert reminders_send() == 1
    assert reminders_send() == 0
