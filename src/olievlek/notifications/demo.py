"""Demo data for the knowledge loop and notifications (``make demo``): a completed match
with its published story, notifications waiting for the demo employer, and an invitation
nobody accepted."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Notification
from .services import notify


def _story_from_match() -> None:
    from olievlek.knowledge.choices import StoryStatus
    from olievlek.knowledge.markdown import render_markdown
    from olievlek.knowledge.search import search_index_story
    from olievlek.knowledge.services import story_drafts_from_match
    from olievlek.payitforward.choices import MatchState
    from olievlek.payitforward.models import Match

    match = (
        Match.objects.filter(state=MatchState.COMPLETED)
        .select_related("mentor", "learner", "offer", "request")
        .order_by("completed_at", "pk")
        .first()
    )
    if match is None:
        return
    drafts = story_drafts_from_match(match=match)
    learner_story = next((s for s in drafts if s.organisation_id == match.learner_id), None)
    if learner_story is None:
        return
    body = (
        f"{match.mentor.name} nam ons mee door hun aanpak. We leerden hoe zij het gesprek "
        "over gezond werken voeren, en we hebben dat binnen een maand zelf geprobeerd.\n\n"
        "Wat werkte: kleine stappen, en een vast moment om terug te kijken."
    )
    learner_story.title = f"Wat wij leerden van {match.mentor.name}"
    learner_story.body = body
    learner_story.body_html = render_markdown(body)
    learner_story.status = StoryStatus.PUBLISHED
    learner_story.submitted_at = timezone.now() - timedelta(days=2)
    learner_story.published_at = timezone.now() - timedelta(days=1)
    learner_story.save()
    search_index_story(story=learner_story)


def _invitation_not_accepted(staff) -> None:
    from olievlek.network.models import Invitation, Organisation

    organisation = Organisation.objects.filter(status="approved").order_by("pk").last()
    if organisation is None:
        return
    invitation = Invitation.objects.create(
        organisation=organisation, email="nog-niet-aangenomen@example.nl", invited_by=staff
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=9)
    )


def _employer_notifications(email: str) -> None:
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        return
    for kind, text, link in (
        (
            "match",
            "Er staat een nieuw Pay it Forward-voorstel voor u klaar.",
            "/mijn/payitforward/",
        ),
        (
            "meeting",
            "Morgen: netwerkbijeenkomst Gezond werken. Zet hem in uw agenda.",
            "/bijeenkomsten/",
        ),
        ("story", "Uw verhaal is gepubliceerd. Dank voor het delen!", "/verhalen/"),
    ):
        notify(user=user, kind=kind, text=text, link=link)
    Notification.objects.filter(recipient=user).update(mailed_at=timezone.now())


def build(context: dict) -> None:
    _story_from_match()
    _invitation_not_accepted(context["staff"])
    _employer_notifications(context["employer_email"])
