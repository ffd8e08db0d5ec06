"""Members take it up themselves: a member's own activity waits for the project team,
then shows in the calendar and counts as taken up by the network."""

from __future__ import annotations

import pytest

from olievlek.events.choices import ReviewState
from olievlek.events.models import Event
from olievlek.events.selectors import network_initiatives_count
from olievlek.events.tests.test_manage import form_data

from .factories import ProgrammeLineFactory

pytestmark = pytest.mark.django_db


def _data(**changes):
    data = form_data(kind="workshop", title="Workshop vitaal team")
    for name in ("audience", "registration_opens_at"):
        data.pop(name)
    data.update(changes)
    return data


def test_a_member_proposes_an_activity_that_waits_for_review(client_for, user_a, org_a):
    line = ProgrammeLineFactory()
    response = client_for(user_a).post("/mijn/activiteiten/nieuw", _data(lines=[line.pk]))
    assert response.status_code == 302
    event = Event.objects.get(title="Workshop vitaal team")
    assert event.proposed_by == org_a
    assert event.review_state == ReviewState.PENDING
    assert list(event.programme_lines.all()) == [line]


def test_a_look_in_the_kitchen_is_hosted_by_the_proposing_member(client_for, user_a, org_a):
    client_for(user_a).post("/mijn/activiteiten/nieuw", _data(kind="kijkje"))
    assert list(Event.objects.get().hosts.all()) == [org_a]


def test_a_member_cannot_propose_a_masterclass(client_for, user_a):
    response = client_for(user_a).post("/mijn/activiteiten/nieuw", _data(kind="masterclass"))
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_the_member_sees_the_state_of_its_proposals(client_for, user_a):
    client = client_for(user_a)
    client.post("/mijn/activiteiten/nieuw", _data())
    assert "Workshop vitaal team" in client.get("/mijn/activiteiten/").content.decode()


def test_a_published_proposal_counts_as_taken_up_by_the_network(client_for, user_a, staff_user):
    client_for(user_a).post("/mijn/activiteiten/nieuw", _data())
    assert network_initiatives_count() == 0
    event = Event.objects.get()
    client_for(staff_user).post(f"/beheer/bijeenkomsten/{event.pk}/publiceren")
    assert network_initiatives_count() == 1
