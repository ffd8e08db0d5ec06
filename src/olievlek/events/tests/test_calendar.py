"""The public calendar, a meeting's page, and registering through the pages."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail

from ..choices import RegistrationState
from ..models import Registration
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [e.title for e in response.context["page_obj"]]


def test_the_calendar_shows_upcoming_public_meetings_in_date_order(client):
    later = EventFactory(title="Later")
    sooner = EventFactory(title="Eerder", starts_at=later.starts_at - timedelta(days=2))
    EventFactory(title="Geweest", past=True)
    EventFactory(title="Voor leden", members_only=True)
    assert titles(client.get("/bijeenkomsten/")) == [sooner.title, later.title]


def test_filters_by_theme_province_type_and_past(client):
    EventFactory(title="Zorg Groningen", province="NL-GR", themes=["gezondheid"])
    EventFactory(title="APK Utrecht", themes=["apk"], kind="masterclass")
    EventFactory(title="Oud", past=True, themes=["apk"])
    assert titles(client.get("/bijeenkomsten/?theme=apk")) == ["APK Utrecht"]
    assert titles(client.get("/bijeenkomsten/?province=NL-GR")) == ["Zorg Groningen"]
    assert titles(client.get("/bijeenkomsten/?kind=masterclass")) == ["APK Utrecht"]
    assert titles(client.get("/bijeenkomsten/?when=past&theme=apk")) == ["Oud"]


def test_an_unknown_filter_value_is_ignored_not_an_error(client):
    EventFactory(title="Open")
    assert titles(client.get("/bijeenkomsten/?theme=bestaat-niet")) == ["Open"]


def test_htmx_gets_only_the_results(client):
    EventFactory(title="Open")
    response = client.get("/bijeenkomsten/?theme=gezondheid", HTTP_HX_REQUEST="true")
    assert response.templates[0].name == "events/_calendar_results.html"


def test_members_see_members_only_meetings_and_invited_ones_of_their_own(
    client_for, user_a, org_a, org_b
):
    EventFactory(title="Leden", members_only=True)
    mine = EventFactory(title="Uitgenodigd A", invited_only=True)
    mine.invited_organisations.add(org_a)
    other = EventFactory(title="Uitgenodigd B", invited_only=True)
    other.invited_organisations.add(org_b)
    assert sorted(titles(client_for(user_a).get("/bijeenkomsten/"))) == ["Leden", "Uitgenodigd A"]


def test_the_calendar_is_paginated(client):
    EventFactory.create_batch(25)
    response = client.get("/bijeenkomsten/?page=2")
    assert len(response.context["page_obj"]) == 5


def test_a_full_meeting_says_so_and_offers_the_waiting_list(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, waiting=True)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Aanmelden voor de wachtlijst" in page and "1 persoon op de wachtlijst" in page
    assert "Vol: wachtlijst" in client.get("/bijeenkomsten/").content.decode()


def test_visitor_registers_confirms_and_cancels_through_the_pages(client, on_commit):
    event = EventFactory(capacity=1)
    url = f"/bijeenkomsten/{event.slug}/aanmelden"
    response = client.post(url, {"name": "", "email": "geen-adres", "organisation_name": "X"})
    assert response.status_code == 200  # errors shown, input kept
    assert 'value="geen-adres"' in response.content.decode()
    assert not event.registrations.exists()
    with on_commit():
        response = client.post(
            url,
            {"name": "Piet", "email": "piet@example.nl", "organisation_name": "X", "consent": "on"},
        )
    assert response.url == f"/bijeenkomsten/{event.slug}/aanmelden/verstuurd"
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0)
    token_path = link.removeprefix("http://127.0.0.1:8000")
    assert "Mijn aanmelding bevestigen" in client.get(token_path).content.decode()
    with on_commit():
        client.post(token_path, {"action": "confirm"})
    piet = Registration.objects.get(email="piet@example.nl")
    assert piet.state == RegistrationState.CONFIRMED
    kees = RegistrationFactory(event=event, waiting=True, email="kees@example.nl")
    mail.outbox.clear()
    with on_commit():
        response = client.post(token_path, {"action": "cancel"})
    assert "Uw aanmelding is geannuleerd." in client.get(response.url).content.decode()
    piet.refresh_from_db()
    kees.refresh_from_db()
    assert (piet.state, kees.state) == (RegistrationState.CANCELLED, RegistrationState.CONFIRMED)
    assert sorted(m.to[0] for m in mail.outbox) == ["kees@example.nl", "piet@example.nl"]


def test_a_member_registers_colleagues_through_the_form(client_for, user_a, org_a):
    event = EventFactory(capacity=2)
    response = client_for(user_a).post(
        f"/bijeenkomsten/{event.slug}/aanmelden",
        {
            "contacts": [user_a.email],
            "name_1": "Bram Bakker",
            "email_1": "bram@bakkerij-a.nl",
            "name_2": "Carla",
            "email_2": "carla@bakkerij-a.nl",
        },
    )
    assert response.url == "/mijn/bijeenkomsten/"
    states = dict(event.registrations.values_list("email", "state"))
    assert states == {
        user_a.email: RegistrationState.CONFIRMED,
        "bram@bakkerij-a.nl": RegistrationState.CONFIRMED,
        "carla@bakkerij-a.nl": RegistrationState.WAITING,
    }
    assert set(event.registrations.values_list("organisation", flat=True)) == {org_a.pk}


def test_a_member_must_choose_someone(client_for, user_a):
    event = EventFactory()
    response = client_for(user_a).post(f"/bijeenkomsten/{event.slug}/aanmelden", {"name_1": "Bram"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vul het e-mailadres van deze collega in." in page
    assert not event.registrations.exists()


def test_visitors_are_asked_to_log_in_for_a_members_only_meeting(client_for, user_a):
    event = EventFactory(members_only=True)
    # Visible to the member; for a logged-out visitor the page does not exist.
    assert client_for(user_a).get(f"/bijeenkomsten/{event.slug}/aanmelden").status_code == 200
    assert client_for(None).get(f"/bijeenkomsten/{event.slug}/aanmelden").status_code == 404


def test_a_past_meeting_cannot_be_registered_for(client):
    event = EventFactory(past=True)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Deze bijeenkomst is geweest." in page
    response = client.post(
        f"/bijeenkomsten/{event.slug}/aanmelden",
        {"name": "P", "email": "p@x.nl", "organisation_name": "X", "consent": "on"},
    )
    assert response.status_code == 200
    assert not event.registrations.exists()


def test_an_unknown_token_is_a_404(client):
    assert client.get("/bijeenkomsten/aanmelding/onbekend").status_code == 404
