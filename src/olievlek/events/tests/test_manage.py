"""Creating and changing meetings through the management pages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from olievlek.audit.models import AuditEntry
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory

from ..models import Event
from .factories import EventFactory

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "kind": "bijeenkomst",
        "title": "Regiobijeenkomst Oost",
        "description": "Samen verder.",
        "themes": ["gezondheid", "apk"],
        "audience": "public",
        "starts_at": "2031-03-30T14:00",  # the day summer time starts: UTC+2
        "ends_at": "2031-03-30T17:00",
        "venue": "Het Huis",
        "address": "Markt 1",
        "city": "Zwolle",
        "province": "NL-OV",
        "online_url": "",
        "capacity": "40",
        "registration_opens_at": "",
        "registration_closes_at": "",
    }
    data.update(changes)
    return data


def test_staff_create_a_meeting_times_are_amsterdam_stored_in_utc(client_for, staff_user):
    host = OrganisationFactory(name="Gastheer")
    response = client_for(staff_user).post(
        "/beheer/bijeenkomsten/nieuw", form_data(hosts=[host.pk])
    )
    event = Event.objects.get()
    assert response.url == f"/beheer/bijeenkomsten/{event.pk}/"
    assert event.starts_at == datetime(2031, 3, 30, 12, 0, tzinfo=UTC)
    assert event.slug == "regiobijeenkomst-oost-2031-03-30"
    assert sorted(event.theme_values) == ["apk", "gezondheid"]
    assert list(event.hosts.all()) == [host]
    assert event.organisation is None and event.created_by == staff_user
    assert AuditEntry.objects.filter(action="event.create").exists()
    edit = client_for(staff_user).get(f"/beheer/bijeenkomsten/{event.pk}/").content.decode()
    assert 'value="2031-03-30T14:00"' in edit  # shown again in Dutch time


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_at": "2031-03-30T13:00"}, "ends_at", "Het einde moet na het begin liggen."),
        ({"address": "", "city": ""}, "address", "Vul een adres in, een link"),
        ({"kind": "kijkje"}, "hosts", "heeft een lid nodig"),
        ({"themes": []}, "themes", "Dit veld is vereist."),
        (
            {
                "registration_opens_at": "2031-03-01T10:00",
                "registration_closes_at": "2031-02-01T10:00",
            },
            "registration_closes_at",
            "moet sluiten nadat het opent",
        ),
    ],
)
def test_invalid_meetings_are_refused_with_a_clear_message(
    client_for, staff_user, changes, field, message
):
    response = client_for(staff_user).post("/beheer/bijeenkomsten/nieuw", form_data(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Event.objects.exists()
    assert 'value="Regiobijeenkomst Oost"' in response.content.decode()  # input kept


def test_an_online_meeting_needs_no_address(client_for, staff_user):
    client_for(staff_user).post(
        "/beheer/bijeenkomsten/nieuw",
        form_data(address="", city="", venue="", province="", online_url="meet.example/x"),
    )
    assert Event.objects.get().online_url == "https://meet.example/x"


def test_a_partner_creates_a_meeting_of_its_own_and_sees_only_its_own(client_for):
    partner = ContactPersonFactory(organisation__is_partner=True)
    other = EventFactory(title="Van het projectteam")
    client = client_for(partner.user)
    client.post("/beheer/bijeenkomsten/nieuw", form_data(title="Mkb-middag"))
    event = Event.objects.get(title="Mkb-middag")
    assert event.organisation == partner.organisation
    listed = [e.title for e in client.get("/beheer/bijeenkomsten/").context["page_obj"]]
    assert listed == ["Mkb-middag"]
    assert other.title not in listed
    assert not AuditEntry.objects.filter(action="event.create").exists()  # not staff


def test_staff_edit_a_meeting(client_for, staff_user):
    event = EventFactory(title="Oud")
    data = form_data(title="Nieuw", capacity="10")
    response = client_for(staff_user).post(f"/beheer/bijeenkomsten/{event.pk}/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.capacity, event.sequence) == ("Nieuw", 10, 1)
    assert AuditEntry.objects.get(action="event.update").data["changes"]["title"] == [
        "Oud",
        "Nieuw",
    ]


def test_the_management_list_filters_and_sorts(client_for, staff_user):
    EventFactory(title="Bijeenkomst B")
    EventFactory(title="Bijeenkomst A", past=True)
    client = client_for(staff_user)

    def titles(query):
        page = client.get("/beheer/bijeenkomsten/" + query).context["page_obj"]
        return [e.title for e in page]

    assert titles("?sort=titel") == ["Bijeenkomst A", "Bijeenkomst B"]
    assert titles("?when=upcoming") == ["Bijeenkomst B"]
    assert titles("?q=A") == ["Bijeenkomst A"]


def test_staff_cancel_a_registration_and_the_waiting_list_moves_up(client_for, staff_user):
    from .factories import RegistrationFactory

    event = EventFactory(capacity=1)
    anna = RegistrationFactory(event=event, sequence=1)
    bram = RegistrationFactory(event=event, waiting=True, sequence=2)
    client_for(staff_user).post(
        f"/beheer/bijeenkomsten/{event.pk}/aanmeldingen/{anna.pk}/annuleren"
    )
    bram.refresh_from_db()
    assert bram.state == "confirmed"
    assert AuditEntry.objects.filter(action="registration.cancel").exists()
