"""Reminders, sent by ``olievlek notifications_remind`` (cron, e.g. every hour). Each
reminder has a key naming what it is about, so it is sent once however often the command
runs. The parts of apps that are not installed are skipped."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.apps import apps
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from olievlek.accounts.access import team_members

from .models import Notification
from .services import notify

STORY_WAITING = timedelta(days=3)
INVITATION_WAITING = timedelta(days=7)
EXPIRING_WITHIN = timedelta(days=2)


def _contacts(organisation):
    return [c.user for c in organisation.contacts.select_related("user")]


def _in_words(value):
    """Dates in the one house format, in the language active at the moment of writing."""
    if isinstance(value, datetime):
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    return value


def _remind(user, key: str, text: tuple[str, dict], link: str) -> int:
    """`text`: a message (marked, not yet translated) and its values; it is written in
    the person's own language."""
    if Notification.objects.filter(dedup_key=key).exists():
        return 0
    message, values = text
    with translation.override(user.language):
        words = _(message) % {key: _in_words(value) for key, value in values.items()}
    return int(notify(user=user, kind="reminder", text=words, link=link, dedup_key=key) is not None)


def _expiring_proposals(now) -> int:
    from olievlek.payitforward.choices import Answer, MatchState
    from olievlek.payitforward.models import Match

    sent = 0
    matches = Match.objects.filter(
        state=MatchState.PROPOSED, deadline__gt=now, deadline__lte=now + EXPIRING_WITHIN
    ).select_related("mentor", "learner")
    for match in matches:
        link = reverse("payitforward:member_match", kwargs={"pk": match.pk})
        for side, organisation in (("mentor", match.mentor), ("learner", match.learner)):
            if match.answer_of(side) != Answer.PENDING:
                continue
            for user in _contacts(organisation):
                text = (
                    gettext_noop("A Pay it Forward proposal waits for your answer until %(when)s."),
                    {"when": timezone.localtime(match.deadline)},
                )
                sent += _remind(user, f"proposal-expiring:{match.pk}:{user.pk}", text, link)
    return sent


def _meetings_tomorrow(now) -> int:
    from olievlek.events.choices import RegistrationState
    from olievlek.events.models import Registration

    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = 0
    registrations = Registration.objects.filter(
        state=RegistrationState.CONFIRMED,
        event__starts_at__date=tomorrow,
        registered_by__isnull=False,
    ).select_related("event", "registered_by")
    for registration in registrations:
        event = registration.event
        text = (
            gettext_noop("Tomorrow: %(title)s. Add it to your calendar with the calendar file."),
            {"title": event.title},
        )
        link = reverse("events:event_ics", kwargs={"slug": event.slug})
        sent += _remind(
            registration.registered_by, f"meeting-tomorrow:{registration.pk}", text, link
        )
    return sent


def _follow_ups_due(now) -> int:
    from olievlek.events.models import FollowUp

    sent = 0
    soon = timezone.localdate(now) + timedelta(days=2)
    for follow_up in FollowUp.objects.filter(
        done_at=None, due_date__lte=soon, organisation__isnull=False
    ).select_related("organisation", "event"):
        text = (
            gettext_noop("Follow-up action due on %(date)s: %(what)s"),
            {
                "date": follow_up.due_date,
                "what": follow_up.description,
            },
        )
        link = reverse("events:detail", kwargs={"slug": follow_up.event.slug})
        for user in _contacts(follow_up.organisation):
            sent += _remind(user, f"follow-up-due:{follow_up.pk}:{user.pk}", text, link)
    return sent


def _stories_waiting(now) -> int:
    from olievlek.knowledge.choices import StoryStatus
    from olievlek.knowledge.models import Story

    team = list(team_members())
    sent = 0
    for story in Story.objects.filter(
        status=StoryStatus.SUBMITTED, submitted_at__lt=now - STORY_WAITING
    ):
        text = (
            gettext_noop(
                "The story “%(title)s” has been waiting for review for more than three days."
            ),
            {"title": story.title},
        )
        link = reverse("knowledge:backoffice_story", kwargs={"pk": story.pk})
        for user in team:
            sent += _remind(user, f"story-waiting:{story.pk}:{user.pk}", text, link)
    return sent


def _invitations_open(now) -> int:
    from olievlek.network.models import Invitation

    sent = 0
    for invitation in Invitation.objects.filter(
        accepted_at=None, created_at__lt=now - INVITATION_WAITING, invited_by__isnull=False
    ).select_related("organisation", "invited_by"):
        text = (
            gettext_noop("%(email)s has not accepted the invitation for %(org)s yet."),
            {
                "email": invitation.email,
                "org": invitation.organisation.name,
            },
        )
        link = reverse("backoffice:organisation_edit", kwargs={"pk": invitation.organisation_id})
        if not invitation.invited_by.is_staff:
            link = reverse("network:member_contacts")
        sent += _remind(invitation.invited_by, f"invitation-open:{invitation.pk}", text, link)
    return sent


def reminders_send(*, now=None) -> int:
    now = now or timezone.now()
    sent = _invitations_open(now)
    if apps.is_installed("olievlek.payitforward"):
        sent += _expiring_proposals(now)
    if apps.is_installed("olievlek.events"):
        sent += _meetings_tomorrow(now) + _follow_ups_due(now)
    if apps.is_installed("olievlek.knowledge"):
        sent += _stories_waiting(now)
    return sent
