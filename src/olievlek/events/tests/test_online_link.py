"""The online meeting link is for confirmed registrants only (security review, finding 7):
public pages and files never show it; a registrant's own page and file do once confirmed."""

from __future__ import annotations

import pytest

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LINK = "https://meet.example/olie"


def test_the_public_page_of_an_online_meeting_hides_the_link(client):
    event = EventFactory(online=True)
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert LINK not in response.content.decode()


def test_a_member_without_a_confirmed_place_does_not_see_the_link(client_for, user_a, org_a):
    event = EventFactory(online=True)
    RegistrationFactory(event=event, organisation=org_a, waiting=True)
    RegistrationFactory(event=event, organisation=org_a, cancelled=True)
    response = client_for(user_a).get(event.get_absolute_url())
    assert response.status_code == 200
    assert LINK not in response.content.decode()


def test_a_member_with_a_confirmed_place_sees_the_link(client_for, user_a, org_a):
    event = EventFactory(online=True)
    RegistrationFactory(event=event, organisation=org_a)
    assert LINK in client_for(user_a).get(event.get_absolute_url()).content.decode()


def test_another_organisation_s_confirmed_place_does_not_show_the_link(client_for, user_b, org_a):
    event = EventFactory(online=True)
    RegistrationFactory(event=event, organisation=org_a)
    assert LINK not in client_for(user_b).get(event.get_absolute_url()).content.decode()


def test_the_personal_page_shows_the_link_and_own_calendar_file_once_confirmed(client):
    registration = RegistrationFactory(event=EventFactory(online=True))
    page = client.get(registration.get_absolute_url()).content.decode()
    assert LINK in page
    assert f"/bijeenkomsten/aanmelding/{registration.token}/agenda.ics" in page


def test_the_personal_page_of_a_waiting_registrant_hides_the_link(client):
    registration = RegistrationFactory(event=EventFactory(online=True), waiting=True)
    assert LINK not in client.get(registration.get_absolute_url()).content.decode()
