"""Publishing a match round from the back office asks first and names who gets mail."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ..choices import RoundState
from ..models import MatchRound
from ..services import round_start
from .factories import HelpRequestFactory, OfferFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_round(staff_user, django_capture_on_commit_callbacks) -> MatchRound:
    OfferFactory(organisation=member(name="Mentor BV"))
    HelpRequestFactory(organisation=member(name="Leerling BV"))
    with django_capture_on_commit_callbacks(execute=True):
        match_round = round_start(actor=staff_user, response_days=10)
    match_round.refresh_from_db()
    assert match_round.state == RoundState.READY
    return match_round


def _emails(match_round: MatchRound) -> list[str]:
    match = match_round.matches.get()
    return sorted(org.contacts.get().user.email for org in (match.mentor, match.learner))


def test_publishing_a_round_asks_for_confirmation_naming_the_addresses(
    ready_round, staff_user, client_for
):
    response = client_for(staff_user).post(
        reverse("payitforward:bo_round_publish", args=[ready_round.pk]), {"step": "confirm"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 voorstel gaat uit" in html
    for email in _emails(ready_round):
        assert email in html
    ready_round.refresh_from_db()
    assert ready_round.state == RoundState.READY


def test_confirming_publishes_and_says_to_whom_the_mail_went(ready_round, staff_user, client_for):
    emails = _emails(ready_round)
    response = client_for(staff_user).post(
        reverse("payitforward:bo_round_publish", args=[ready_round.pk]), {"confirmed": "1"}
    )
    ready_round.refresh_from_db()
    assert ready_round.state == RoundState.PUBLISHED
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == (
        "De ronde is gepubliceerd. Er is een e-mail gestuurd naar " + ", ".join(emails) + "."
    )
