"""Declining a proposal: the reason has a maximum length, and the member can first see
the mail the other side will get, without anything being declined or sent."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from ..choices import MatchState
from ..services import match_decline
from .factories import HelpRequestFactory, MatchFactory, OfferFactory, member

pytestmark = pytest.mark.django_db


def _proposal():
    return MatchFactory(
        offer=OfferFactory(organisation=member(name="Mentor")),
        request=HelpRequestFactory(organisation=member(name="Leerling"), status="matched"),
    )


def test_declining_shows_the_mail_to_the_other_side_first(client_for):
    match = _proposal()
    mentor = match.mentor.contacts.get().user
    response = client_for(mentor).post(
        f"/mijn/payitforward/matches/{match.pk}/afwijzen",
        {"reason": "Geen tijd dit kwartaal.", "preview": "1"},
    )
    page = response.content.decode()
    assert "Voorbeeld van de e-mail" in page
    assert match.learner.contacts.get().user.email in page
    assert page.count("Geen tijd dit kwartaal.") == 2
    match.refresh_from_db()
    assert match.state == MatchState.PROPOSED and mail.outbox == []


def test_a_too_long_decline_reason_is_refused_in_dutch():
    match = _proposal()
    with pytest.raises(ValidationError, match="hoogstens 1000 tekens"):
        match_decline(match=match, organisation=match.mentor, reason="x" * 1001)
