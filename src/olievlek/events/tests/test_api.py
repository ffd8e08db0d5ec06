"""`/api/v1/bijeenkomsten`: meetings and a member's own registrations."""

from __future__ import annotations

import pytest
from django.core import mail

from olievlek.accounts.tests.support import api_key_for

from ..choices import RegistrationState
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LIST = "/api/v1/bijeenkomsten"


def test_the_list_has_upcoming_public_meetings_with_seat_counts(client):
    event = EventFactory(title="Open", capacity=2, themes=["apk"])
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, waiting=True)
    EventFactory(past=True)
    EventFactory(members_only=True)
    response = client.get(LIST)
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["count"] == 1
    (item,) = body["results"]
    assert (item["title"], item["places_taken"], item["waiting"], item["themes"]) == (
        "Open",
        1,
        1,
        ["apk"],
    )
    assert item["registration_status"] == "open"
    assert item["url"] == f"http://testserver/bijeenkomsten/{event.slug}/"
    assert item["starts_at"].endswith(("+01:00", "+02:00"))  # ISO 8601 with the offset


def test_the_list_filters_like_the_calendar(client):
    EventFactory(title="Groningen", province="NL-GR")
    EventFactory(title="Oud", past=True)
    assert [e["title"] for e in client.get(f"{LIST}?province=NL-GR").json()["results"]] == [
        "Groningen"
    ]
    assert [e["title"] for e in client.get(f"{LIST}?when=past").json()["results"]] == ["Oud"]


def test_a_bad_filter_is_a_problem_json_error(client):
    response = client.get(f"{LIST}?when=morgen")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "when"


def test_a_member_registers_people_with_its_api_key_and_cancels(client, user_a, org_a):
    event = EventFactory(capacity=1)
    auth = {"HTTP_AUTHORIZATION": f"Token {api_key_for(user_a)}"}
    url = f"{LIST}/{event.pk}/aanmeldingen"
    response = client.post(
        url,
        {
            "people": [
                {"name": "Anna", "email": "anna@a.nl"},
                {"name": "Bram", "email": "bram@a.nl"},
            ]
        },
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 201
    assert [(r["name"], r["status"], r["waiting_position"]) for r in response.json()] == [
        ("Anna", "confirmed", None),
        ("Bram", "waiting", 1),
    ]
    listed = client.get(url, **auth).json()
    assert [r["name"] for r in listed] == ["Anna", "Bram"]
    anna_id = listed[0]["id"]
    assert client.delete(f"{url}/{anna_id}", **auth).status_code == 204
    assert client.get(f"{url}/{anna_id}", **auth).json()["status"] == "cancelled"
    assert event.registrations.get(name="Bram").state == RegistrationState.CONFIRMED


def test_refusals_come_back_as_problem_json(client_for, user_a):
    event = EventFactory()
    RegistrationFactory(event=event, email="anna@a.nl")
    response = client_for(user_a).post(
        f"{LIST}/{event.pk}/aanmeldingen",
        {"people": [{"name": "Anna", "email": "anna@a.nl"}]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "anna@a.nl" in response.json()["invalidParams"][0]["reason"]


def test_an_empty_list_of_people_is_refused(client_for, user_a):
    event = EventFactory()
    response = client_for(user_a).post(
        f"{LIST}/{event.pk}/aanmeldingen", {"people": []}, content_type="application/json"
    )
    assert response.status_code == 400
    assert not event.registrations.exists()


def test_members_see_only_their_own_registrations_staff_see_all(
    client_for, user_a, org_a, org_b, staff_user
):
    event = EventFactory()
    RegistrationFactory(event=event, organisation=org_a, name="Van A")
    RegistrationFactory(event=event, organisation=org_b, name="Van B")
    RegistrationFactory(event=event, name="Bezoeker")
    url = f"{LIST}/{event.pk}/aanmeldingen"
    assert [r["name"] for r in client_for(user_a).get(url).json()] == ["Van A"]
    assert len(client_for(staff_user).get(url).json()) == 3


def test_cancelling_twice_is_a_400(client_for, user_a, org_a):
    registration = RegistrationFactory(event=EventFactory(), organisation=org_a, cancelled=True)
    response = client_for(user_a).delete(
        f"{LIST}/{registration.event_id}/aanmeldingen/{registration.pk}"
    )
    assert response.status_code == 400
    assert mail.outbox == []


def test_the_openapi_document_describes_the_endpoints(client):
    schema = client.get("/api/v1/schema?format=json").json()
    paths = {p: sorted(ops) for p, ops in schema["paths"].items() if "bijeenkomsten" in p}
    assert paths == {
        "/api/v1/bijeenkomsten": ["get"],
        "/api/v1/bijeenkomsten/{id}": ["get"],
        "/api/v1/bijeenkomsten/{id}/aanmeldingen": ["get", "post"],
        "/api/v1/bijeenkomsten/{id}/aanmeldingen/{registration_pk}": ["delete", "get"],
    }
