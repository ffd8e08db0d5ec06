"""After acceptance: plan, log the meeting, rate, complete, and pass it on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ..choices import MatchState, OfferStatus, RequestStatus
from ..models import Offer, Pledge
from ..services import (
    OfferData,
    match_complete,
    match_log_meeting,
    match_plan,
    match_rate,
    pledge_create,
)
from .factories import HelpRequestFactory, MatchFactory, OfferFactory, member

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = timezone.localdate


def _accepted():
    return MatchFactory(
        accepted=True,
        offer=OfferFactory(organisation=member(name="Mentor")),
        request=HelpRequestFactory(organisation=member(name="Leerling"), status="matched"),
    )


def test_plan_log_rate_complete():
    match = _accepted()
    when = timezone.now() + timedelta(days=3)
    match = match_plan(match=match, organisation=match.learner, planned_at=when, mode="visit")
    assert (match.state, match.meeting_mode) == (MatchState.PLANNED, "visit")
    match = match_log_meeting(
        match=match,
        organisation=match.mentor,
        held_on=TODAY(),
        mode="visit",
        notes=" Rondleiding door de bakkerij. ",
        rating=5,
    )
    assert (match.state, match.notes, match.mentor_rating) == (
        MatchState.HELD,
        "Rondleiding door de bakkerij.",
        5,
    )
    with pytest.raises(ValidationError, match="Beide kanten"):
        match_complete(match=match, organisation=match.mentor)
    match = match_rate(match=match, organisation=match.learner, rating=4)
    match = match_complete(match=match, organisation=match.learner)
    assert match.state == MatchState.COMPLETED and match.completed_at is not None
    match.request.refresh_from_db()
    assert match.request.status == RequestStatus.DONE
    # One pledge invitation to the learner, and one story invitation to each side (the
    # knowledge loop, in olievlek.knowledge).
    pledge_link = f"/mijn/payitforward/matches/{match.pk}/doorgeven"
    (invitation,) = [m for m in mail.outbox if pledge_link in m.body]
    assert invitation.to == [match.learner.contacts.get().user.email]
    assert len(mail.outbox) == 3


def test_a_proposal_has_no_meeting_yet():
    match = MatchFactory()
    with pytest.raises(ValidationError):
        match_plan(match=match, organisation=match.mentor, planned_at=timezone.now(), mode="advice")
    with pytest.raises(ValidationError):
        match_log_meeting(
            match=match,
            organisation=match.mentor,
            held_on=TODAY(),
            mode="advice",
            notes="",
            rating=3,
        )


@pytest.mark.parametrize(
    ("held_on", "rating", "field"),
    [
        (lambda: TODAY() + timedelta(days=1), 4, "held_on"),
        (lambda: TODAY() - timedelta(days=400), 4, "held_on"),
        (TODAY, 0, "rating"),
        (TODAY, 6, "rating"),
    ],
)
def test_a_meeting_log_needs_a_sensible_date_and_rating(held_on, rating, field):
    match = _accepted()
    with pytest.raises(ValidationError) as error:
        match_log_meeting(
            match=match,
            organisation=match.mentor,
            held_on=held_on(),
            mode="advice",
            notes="",
            rating=rating,
        )
    assert field in error.value.message_dict


def test_an_outsider_cannot_log_or_rate():
    match = _accepted()
    with pytest.raises(PermissionDenied):
        match_log_meeting(
            match=match, organisation=member(), held_on=TODAY(), mode="advice", notes="", rating=3
        )


def test_the_learner_pledges_two_places_and_becomes_a_mentor():
    match = MatchFactory(
        completed=True,
        offer=OfferFactory(organisation=member(name="Mentor")),
        request__organisation=member(name="Leerling"),
    )
    pledge = pledge_create(
        match=match, organisation=match.learner, data=OfferData(themes=["gezondheid"], places=2)
    )
    assert pledge.places == 2
    offer = Offer.objects.get(organisation=match.learner, status=OfferStatus.OPEN)
    assert offer.pledge == pledge and offer.places == 2
    assert [m.to for m in mail.outbox] == [[match.mentor.contacts.get().user.email]]
    with pytest.raises(ValidationError, match="al doorgegeven"):
        pledge_create(
            match=match, organisation=match.learner, data=OfferData(themes=["gezondheid"])
        )


def test_a_learner_that_already_offers_help_adds_the_pledged_places():
    match = MatchFactory(completed=True)
    existing = OfferFactory(organisation=match.learner, places=1, themes=["apk"])
    pledge_create(
        match=match, organisation=match.learner, data=OfferData(themes=["gezondheid"], places=2)
    )
    existing.refresh_from_db()
    assert existing.places == 3
    assert existing.themes == ["apk", "gezondheid"]
    assert existing.pledge.match == match


def test_only_the_learner_of_a_completed_match_pledges():
    running = MatchFactory(held=True)
    with pytest.raises(ValidationError):
        pledge_create(match=running, organisation=running.learner, data=OfferData(themes=["apk"]))
    done = MatchFactory(completed=True)
    with pytest.raises(PermissionDenied):
        pledge_create(match=done, organisation=done.mentor, data=OfferData(themes=["apk"]))
    assert not Pledge.objects.exists()


def test_logging_the_meeting_again_keeps_the_first_rating():
    match = _accepted()
    first = dict(organisation=match.mentor, mode="advice", notes="", held_on=TODAY())
    match = match_log_meeting(match=match, rating=5, **first)
    match = match_log_meeting(match=match, **{**first, "notes": "Datum verbeterd"})
    assert (match.mentor_rating, match.notes) == (5, "Datum verbeterd")


def test_a_rating_cannot_be_posted_again_with_the_meeting_log():
    match = _accepted()
    first = dict(organisation=match.mentor, mode="advice", notes="", held_on=TODAY())
    match = match_log_meeting(match=match, rating=5, **first)
    with pytest.raises(ValidationError, match="eenmaal|één keer|al beoordeeld"):
        match_log_meeting(match=match, rating=1, **first)
    match.refresh_from_db()
    assert match.mentor_rating == 5
