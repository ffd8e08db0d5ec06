"""Answering proposals: accept (places held once both accept), decline with a reason,
expiry after the deadline; proposals by hand and direct asks."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from ..choices import Answer, MatchState, Origin, RequestStatus
from ..services import (
    match_accept,
    match_ask,
    match_decline,
    match_propose_by_staff,
    matches_expire,
    offer_withdraw,
)
from ..services.common import free_places
from .factories import ExclusionFactory, HelpRequestFactory, MatchFactory, OfferFactory, member

# Real commits, so that mails (sent on commit) go out when the service returns.
pytestmark = pytest.mark.django_db(transaction=True)


def _match(**kwargs):
    return MatchFactory(
        offer=OfferFactory(organisation=member(name="Mentor")),
        request=HelpRequestFactory(organisation=member(name="Leerling"), status="matched"),
        **kwargs,
    )


def test_one_acceptance_waits_for_the_other_side_and_holds_nothing():
    match = _match()
    match = match_accept(match=match, organisation=match.mentor)
    assert match.state == MatchState.PROPOSED
    assert match.mentor_answer == Answer.ACCEPTED
    assert free_places(match.offer) == 2


def test_the_second_acceptance_makes_the_match_and_takes_a_place():
    match = _match()
    match_accept(match=match, organisation=match.learner)
    match = match_accept(match=match, organisation=match.mentor)
    assert match.state == MatchState.ACCEPTED
    assert match.accepted_at is not None
    assert free_places(match.offer) == 1
    assert {m.subject for m in mail.outbox} == {"[Olievlek] Pay it Forward: de match is gemaakt"}
    assert len(mail.outbox) == 2


def test_accepting_twice_or_for_someone_else_is_refused():
    match = _match()
    match_accept(match=match, organisation=match.mentor)
    with pytest.raises(ValidationError, match="al op dit voorstel geantwoord"):
        match_accept(match=match, organisation=match.mentor)
    with pytest.raises(PermissionDenied):
        match_accept(match=match, organisation=member(name="Buitenstaander"))


def test_accept_is_refused_after_the_deadline_even_before_the_expiry_run():
    match = _match(deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="verstreken"):
        match_accept(match=match, organisation=match.learner)
    match.refresh_from_db()
    assert match.learner_answer == Answer.PENDING


def test_the_last_place_cannot_be_taken_twice():
    offer = OfferFactory(places=1)
    first = MatchFactory(offer=offer, learner_answer=Answer.ACCEPTED)
    second = MatchFactory(offer=offer, learner_answer=Answer.ACCEPTED)
    match_accept(match=first, organisation=offer.organisation)
    with pytest.raises(ValidationError, match="plekken"):
        match_accept(match=second, organisation=offer.organisation)
    second.refresh_from_db()
    assert second.state == MatchState.PROPOSED


def test_decline_needs_a_reason_frees_the_learner_and_mails_the_other_side():
    match = _match()
    with pytest.raises(ValidationError):
        match_decline(match=match, organisation=match.mentor, reason="  ")
    match = match_decline(match=match, organisation=match.mentor, reason="Geen tijd dit kwartaal")
    assert match.state == MatchState.DECLINED
    assert (match.declined_by, match.mentor_answer) == ("mentor", Answer.DECLINED)
    match.request.refresh_from_db()
    assert match.request.status == RequestStatus.OPEN
    (sent,) = mail.outbox
    assert sent.to == [match.learner.contacts.get().user.email]
    assert "Geen tijd dit kwartaal" in sent.body
    with pytest.raises(ValidationError):
        match_accept(match=match, organisation=match.learner)


def test_expiry_closes_overdue_proposals_only_and_returns_learners_to_the_pool():
    overdue = _match(deadline=timezone.now() - timedelta(hours=1))
    current = MatchFactory()
    accepted_late = MatchFactory(accepted=True, deadline=timezone.now() - timedelta(days=1))
    assert matches_expire() == 1
    overdue.refresh_from_db()
    overdue.request.refresh_from_db()
    assert overdue.state == MatchState.EXPIRED
    assert overdue.request.status == RequestStatus.OPEN
    current.refresh_from_db()
    accepted_late.refresh_from_db()
    assert (current.state, accepted_late.state) == (MatchState.PROPOSED, MatchState.ACCEPTED)
    assert len(mail.outbox) == 2


def test_the_expire_command_runs_the_expiry():
    _match(deadline=timezone.now() - timedelta(hours=1))
    out = StringIO()
    call_command("payitforward_expire", stdout=out)
    assert "1 proposal(s) expired" in out.getvalue()


def test_staff_match_by_hand_and_both_sides_are_asked(staff_user):
    offer = OfferFactory(organisation=member(name="Mentor"), themes=["apk"])
    request = HelpRequestFactory(
        organisation=member(name="Leerling", province="NL-LI"), themes=["apk"]
    )
    match = match_propose_by_staff(offer=offer, request=request, actor=staff_user, days=7)
    assert (match.origin, match.state) == (Origin.STAFF, MatchState.PROPOSED)
    assert (match.mentor_answer, match.learner_answer) == (Answer.PENDING, Answer.PENDING)
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHED
    assert len(mail.outbox) == 2
    # The learner is now in a match: no second proposal for the same request.
    with pytest.raises(ValidationError, match="al in een match"):
        match_propose_by_staff(offer=OfferFactory(), request=request, actor=staff_user)


def test_by_hand_still_needs_a_shared_theme_and_respects_exclusions(staff_user):
    offer = OfferFactory(themes=["apk"])
    with pytest.raises(ValidationError, match="geen thema gemeen"):
        match_propose_by_staff(
            offer=offer, request=HelpRequestFactory(themes=["gezondheid"]), actor=staff_user
        )
    rival = HelpRequestFactory(themes=["apk"])
    ExclusionFactory(organisation=offer.organisation, excluded=rival.organisation)
    with pytest.raises(ValidationError, match="niet met elkaar"):
        match_propose_by_staff(offer=offer, request=rival, actor=staff_user)


def test_a_learner_asks_a_mentor_directly():
    offer = OfferFactory(organisation=member(name="Mentor"))
    request = HelpRequestFactory(organisation=member(name="Leerling"))
    match = match_ask(offer=offer, request=request, organisation=request.organisation)
    assert (match.origin, match.learner_answer) == (Origin.DIRECT, Answer.ACCEPTED)
    (sent,) = mail.outbox
    assert sent.to == [offer.organisation.contacts.get().user.email]
    match = match_accept(match=match, organisation=offer.organisation)
    assert match.state == MatchState.ACCEPTED


def test_nobody_asks_on_behalf_of_another_organisation():
    request = HelpRequestFactory()
    with pytest.raises(PermissionDenied):
        match_ask(offer=OfferFactory(), request=request, organisation=member())


def test_withdrawing_an_offer_lapses_open_proposals_but_keeps_accepted_matches():
    offer = OfferFactory(places=3)
    open_proposal = MatchFactory(offer=offer)
    running = MatchFactory(offer=offer, accepted=True)
    offer_withdraw(offer=offer)
    open_proposal.refresh_from_db()
    running.refresh_from_db()
    assert open_proposal.state == MatchState.CANCELLED
    assert running.state == MatchState.ACCEPTED
    open_proposal.request.refresh_from_db()
    assert open_proposal.request.status == RequestStatus.OPEN
