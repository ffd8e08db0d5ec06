"""Email addresses, phone numbers and passwords on the forms where people enter them:
sign-up, profile, invitations, meeting registration and allauth's own forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from olievlek.events.tests.factories import EventFactory

from ..models import ContactPerson, Organisation
from .factories import InvitationFactory
from .test_registration import VALID, post

pytestmark = pytest.mark.django_db

TOO_LONG = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".nl"


def test_the_sign_up_stores_the_phone_number_in_international_notation(client):
    post(client, phone="06-12345678")
    contact = ContactPerson.objects.get(organisation__kvk_number=VALID["kvk_number"])
    assert contact.phone == "+31 6 12345678"


def test_the_sign_up_refuses_an_impossible_phone_number_and_keeps_what_was_typed(client):
    response = post(client, phone="12345")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een geldig telefoonnummer in" in html
    assert 'value="12345"' in html and 'value="Drukkerij Het Anker"' in html
    assert not Organisation.objects.filter(kvk_number=VALID["kvk_number"]).exists()


def test_the_sign_up_refuses_an_email_address_over_254_characters(client):
    response = post(client, email=TOO_LONG)
    assert "Een e-mailadres heeft hoogstens 254 tekens." in response.content.decode()


def test_the_sign_up_shows_the_password_rules_before_anything_is_typed(client):
    html = client.get(reverse("network:register")).content.decode()
    assert "Uw wachtwoord moet minstens 10 tekens lang zijn." in html
    assert "Uw wachtwoord mag niet volledig uit cijfers bestaan." in html


def test_the_sign_up_refuses_a_weak_password_in_dutch(client):
    response = post(client, password="12345678")
    html = response.content.decode()
    assert "Dit wachtwoord is te kort." in html and "Dit wachtwoord bevat alleen cijfers." in html


def test_the_profile_stores_an_international_phone_number(client_for, org_a, user_a):
    data = {
        "name": org_a.name,
        "city": "Utrecht",
        "province": org_a.province,
        "sector": org_a.sector,
        "size_class": org_a.size_class,
        "website": "",
        "email": "",
        "phone": "+32 2 512 34 56",
        "description": "",
    }
    assert client_for(user_a).post(reverse("network:member_profile"), data).status_code == 302
    org_a.refresh_from_db()
    assert org_a.phone == "+32 2 512 34 56"


def test_an_invitation_refuses_an_email_address_over_254_characters(client_for, user_a):
    response = client_for(user_a).post(reverse("network:member_contacts"), {"email": TOO_LONG})
    assert "Een e-mailadres heeft hoogstens 254 tekens." in response.content.decode()


def test_accepting_an_invitation_shows_the_password_rules(client):
    invitation = InvitationFactory()
    html = client.get(reverse("network:invitation_accept", args=[invitation.token])).content
    assert "Uw wachtwoord mag geen veelgebruikt wachtwoord zijn." in html.decode()


def test_meeting_registration_refuses_an_email_address_over_254_characters(client):
    event = EventFactory()
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Noor", "email": TOO_LONG, "organisation_name": "Anker", "consent": "on"},
    )
    assert "Een e-mailadres heeft hoogstens 254 tekens." in response.content.decode()


def test_meeting_registration_explains_a_malformed_address_with_an_example(client):
    event = EventFactory()
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Noor", "email": "noor@", "organisation_name": "Anker", "consent": "on"},
    )
    assert "zoals naam@organisatie.nl" in response.content.decode()


def test_adding_an_email_address_in_the_account_refuses_over_254_characters(client_for, user_a):
    response = client_for(user_a).post(
        reverse("account_email"), {"action_add": "", "email": TOO_LONG}
    )
    assert "254" in response.content.decode()
    assert not user_a.emailaddress_set.filter(email=TOO_LONG).exists()
