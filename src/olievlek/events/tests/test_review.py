"""A partner's meeting waits for the project team: hidden from the calendar until staff
publish it, and the partner hears the outcome."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.network.tests.factories import ContactPersonFactory

from .. import selectors, services
from ..choices import ReviewState
from ..models import Event
from .factories import EventFactory
from .test_manage import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return ContactPersonFactory(organisation__is_partner=True, user__email="p@example.nl")


def _propose(client_for, partner, title="Mkb-middag") -> Event:
    client_for(partner.user).post("/beheer/bijeenkomsten/nieuw", form_data(title=title))
    return Event.objects.get(title=title)


def test_a_partners_new_meeting_waits_for_review(client_for, partner):
    assert _propose(client_for, partner).review_state == ReviewState.PENDING


def test_a_meeting_by_staff_starts_as_a_draft_not_waiting_for_review(client_for, staff_user):
    client_for(staff_user).post("/beheer/bijeenkomsten/nieuw", form_data(title="Teamdag"))
    assert Event.objects.get(title="Teamdag").review_state == ReviewState.DRAFT
    assert not selectors.review_queue().filter(title="Teamdag").exists()


def test_a_meeting_waiting_for_review_is_not_in_the_calendar(client, client_for, partner, user_a):
    event = _propose(client_for, partner)
    assert "Mkb-middag" not in client.get("/bijeenkomsten/").content.decode()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert not selectors.events_visible_to(user_a).filter(pk=event.pk).exists()
    assert not selectors.public_feed_events().filter(pk=event.pk).exists()


def test_the_partner_sees_the_state_of_its_meeting(client_for, partner):
    event = _propose(client_for, partner)
    page = client_for(partner.user).get(f"/beheer/bijeenkomsten/{event.pk}/").content.decode()
    assert "Wacht op controle" in page


def test_staff_publish_and_the_partner_is_told(client, client_for, partner, staff_user, on_commit):
    event = _propose(client_for, partner)
    with on_commit():
        response = client_for(staff_user).post(f"/beheer/bijeenkomsten/{event.pk}/publiceren")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.review_state == ReviewState.PUBLISHED
    assert "Mkb-middag" in client.get("/bijeenkomsten/").content.decode()
    assert mail.outbox[-1].to == ["p@example.nl"]


def test_staff_reject_with_a_reason_that_is_mailed(client_for, partner, staff_user, on_commit):
    event = _propose(client_for, partner)
    with on_commit():
        client_for(staff_user).post(
            f"/beheer/bijeenkomsten/{event.pk}/afwijzen", {"reason": "Dubbel met 5 maart."}
        )
    event.refresh_from_db()
    assert event.review_state == ReviewState.REJECTED
    assert "Dubbel met 5 maart." in mail.outbox[-1].body


def test_a_rejection_needs_a_reason(staff_user):
    event = EventFactory(review_state=ReviewState.PENDING)
    with pytest.raises(ValidationError):
        services.event_reject(event=event, actor=staff_user, reason=" ")


def test_a_published_meeting_cannot_be_published_again(staff_user):
    with pytest.raises(ValidationError):
        services.event_publish(event=EventFactory(), actor=staff_user)


def test_member_initiatives_count_only_published_proposals(org_a):
    EventFactory(proposed_by=org_a)
    EventFactory(proposed_by=org_a, review_state=ReviewState.PENDING)
    EventFactory()
    assert selectors.network_initiatives_count() == 1
