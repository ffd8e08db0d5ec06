"""Rejecting a sign-up: the reason has a sensible maximum, a counter, and the project team
can read the mail the employer will get before anything is decided or sent."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from olievlek.mail.models import OutboundMail

from ..choices import Status
from ..forms import MAX_REASON_LENGTH
from .factories import ContactPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(db):
    return ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name="Zorggroep De Linde",
        user__email="linde@example.nl",
    ).organisation


def _url(organisation) -> str:
    return reverse("backoffice:review", args=[organisation.pk])


def test_the_preview_shows_the_mail_with_the_reason_and_decides_nothing(
    pending, staff_user, client_for
):
    response = client_for(staff_user).post(
        _url(pending), {"decision": "preview", "reason": "Geen werkgever in Nederland."}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld van de mail" in html
    assert "[Olievlek] Uw aanmelding van Zorggroep De Linde" in html
    assert "Het projectteam heeft de aanmelding van Zorggroep De Linde niet goedgekeurd" in html
    assert html.count("Geen werkgever in Nederland.") == 2  # in the box and in the preview
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    assert not OutboundMail.objects.exists() and not mail.outbox


def test_a_reason_longer_than_the_maximum_is_refused(pending, staff_user, client_for):
    response = client_for(staff_user).post(
        _url(pending), {"decision": "reject", "reason": "x" * (MAX_REASON_LENGTH + 1)}
    )
    assert response.status_code == 200
    assert f"niet meer dan {MAX_REASON_LENGTH} tekens" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_the_reason_box_has_a_counter(pending, staff_user, client_for):
    html = client_for(staff_user).get(_url(pending)).content.decode()
    assert f"0 van {MAX_REASON_LENGTH} tekens" in html
    assert 'data-counter-for="id_reason"' in html
