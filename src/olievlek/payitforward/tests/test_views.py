"""Pages: forms keep their input on errors, destructive actions ask first, and the
round page polls while it calculates."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ..choices import MatchState, OfferStatus, RoundState
from ..models import Offer
from .factories import HelpRequestFactory, MatchFactory, MatchRoundFactory, OfferFactory, member

pytestmark = pytest.mark.django_db


def test_the_offer_form_keeps_input_on_error(org_a, user_a, client_for):
    response = client_for(user_a).post(
        "/mijn/payitforward/aanbod/nieuw",
        {"themes": ["apk"], "places": 2, "description": "Wij laten ons rooster zien"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies ten minste één manier van helpen." in html
    assert "Wij laten ons rooster zien" in html
    assert re.search(r'value="apk"[^>]*checked', html)
    assert not Offer.objects.exists()


def test_withdrawing_asks_first(org_a, user_a, client_for):
    offer = OfferFactory(organisation=org_a)
    client = client_for(user_a)
    page = client.get(f"/mijn/payitforward/aanbod/{offer.pk}/intrekken").content.decode()
    assert "Hulpaanbod intrekken?" in page
    offer.refresh_from_db()
    assert offer.status == OfferStatus.OPEN
    client.post(f"/mijn/payitforward/aanbod/{offer.pk}/intrekken")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN


def test_declining_through_the_page_needs_a_reason(client_for):
    match = MatchFactory(request=HelpRequestFactory(organisation=member(), status="matched"))
    client = client_for(match.learner.contacts.get().user)
    response = client.post(f"/mijn/payitforward/matches/{match.pk}/afwijzen", {"reason": ""})
    assert response.status_code == 200
    match.refresh_from_db()
    assert match.state == MatchState.PROPOSED
    client.post(f"/mijn/payitforward/matches/{match.pk}/afwijzen", {"reason": "Te ver weg"})
    match.refresh_from_db()
    assert (match.state, match.decline_reason) == (MatchState.DECLINED, "Te ver weg")


def test_the_round_page_polls_while_calculating(staff_user, client_for):
    running = MatchRoundFactory(state=RoundState.RUNNING, progress=0.42)
    client = client_for(staff_user)
    html = client.get(f"/beheer/payitforward/rondes/{running.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="42"' in html
    fragment = client.get(
        f"/beheer/payitforward/rondes/{running.pk}/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in fragment and "42%" in fragment
    ready = MatchRoundFactory(state=RoundState.READY)
    assert "every 1s" not in client.get(f"/beheer/payitforward/rondes/{ready.pk}/").content.decode()


def test_staff_change_a_proposal_through_the_page(
    staff_user, client_for, django_capture_on_commit_callbacks
):
    OfferFactory(organisation=member(name="Eerste", sector="C"))
    second = OfferFactory(organisation=member(name="Tweede", sector="F"))
    HelpRequestFactory(organisation=member(sector="C"))
    client = client_for(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/beheer/payitforward/rondes/", {"response_days": 14})
    round_url = response.url
    page = client.get(round_url).content.decode()
    assert "Eerste" in page and "Dezelfde sector" in page
    draft = MatchRoundFactory._meta.model.objects.get().matches.get()
    response = client.post(f"{round_url}voorstellen/{draft.pk}/wijzigen", {"offer": second.pk})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.offer == second


@pytest.mark.django_db
def test_the_rating_is_asked_once(client_for):
    match = MatchFactory(
        accepted=True,
        offer=OfferFactory(organisation=member(name="Mentor")),
        request=HelpRequestFactory(organisation=member(name="Leerling"), status="matched"),
    )
    client = client_for(match.mentor.contacts.get().user)
    url = reverse("payitforward:member_match", args=[match.pk])
    meeting = reverse("payitforward:member_match_meeting", args=[match.pk])
    assert 'name="rating"' in client.get(meeting).content.decode()
    today = timezone.localdate().isoformat()
    client.post(meeting, {"held_on": today, "mode": "advice", "rating": "4"})
    match.refresh_from_db()
    assert match.mentor_rating == 4
    assert 'name="rating"' not in client.get(url).content.decode()
    assert 'name="rating"' not in client.get(meeting).content.decode()
    client.post(reverse("payitforward:member_match_rate", args=[match.pk]), {"rating": "1"})
    match.refresh_from_db()
    assert match.mentor_rating == 4
