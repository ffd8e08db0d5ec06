"""Cancelling a registration in the back office asks first (without JavaScript) and says
who was emailed."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ..choices import RegistrationState
from .factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_cancelling_a_registration_asks_for_confirmation_first(staff_user, client_for):
    registration = RegistrationFactory(name="Kees", email="kees@example.nl")
    url = reverse("events:manage_cancel", args=[registration.event.pk, registration.pk])
    response = client_for(staff_user).post(url, {"step": "confirm"})
    html = response.content.decode()
    assert "Aanmelding van Kees annuleren?" in html and "kees@example.nl" in html
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED


def test_confirming_cancels_and_names_the_address_mailed(staff_user, client_for):
    registration = RegistrationFactory(name="Kees", email="kees@example.nl")
    url = reverse("events:manage_cancel", args=[registration.event.pk, registration.pk])
    response = client_for(staff_user).post(url, {"confirmed": "1"})
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CANCELLED
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.endswith("Er is een e-mail gestuurd naar kees@example.nl.")


def test_the_registration_list_sorts_by_name_and_filters_by_status(staff_user, client_for):
    first = RegistrationFactory(name="Zara")
    RegistrationFactory(event=first.event, name="Anna")
    RegistrationFactory(event=first.event, name="Bert", cancelled=True)
    client = client_for(staff_user)
    url = reverse("events:manage_registrations", args=[first.event.pk])
    by_name = client.get(url, {"sort": "name"}).content.decode()
    assert by_name.index("Anna") < by_name.index("Bert") < by_name.index("Zara")
    cancelled = client.get(url, {"status": "cancelled"}).content.decode()
    assert "Bert" in cancelled and "Zara" not in cancelled
