"""Rejecting a partner's meeting: the reason has a maximum length, and "Show the mail
first" shows the mail to the organiser without rejecting or sending anything."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.reasons import MAX_REASON_LENGTH

from .. import services
from ..choices import ReviewState
from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending():
    author = ContactPersonFactory(organisation__is_partner=True, user__email="p@example.nl").user
    return EventFactory(pending=True, title="Mkb-middag", created_by=author)


def test_the_edit_page_has_the_limited_reason_field(client_for, staff_user, pending):
    page = client_for(staff_user).get(f"/beheer/bijeenkomsten/{pending.pk}/").content.decode()
    assert f'maxlength="{MAX_REASON_LENGTH}"' in page and "Eerst de e-mail bekijken" in page


def test_the_preview_shows_the_mail_and_keeps_the_meeting_waiting(client_for, staff_user, pending):
    response = client_for(staff_user).post(
        f"/beheer/bijeenkomsten/{pending.pk}/afwijzen",
        {"reason": "Dubbel met 5 maart.", "preview": "1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voorbeeld van de e-mail" in page and "p@example.nl" in page
    assert page.count("Dubbel met 5 maart.") == 2
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PENDING and mail.outbox == []


def test_a_too_long_reason_is_shown_again_with_a_dutch_message(client_for, staff_user, pending):
    response = client_for(staff_user).post(
        f"/beheer/bijeenkomsten/{pending.pk}/afwijzen", {"reason": "x" * 1001}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["reject_form"].errors["reason"])
    assert "Houd het kort: hoogstens 1000 tekens (nu 1001)." in errors
    pending.refresh_from_db()
    assert pending.review_state == ReviewState.PENDING


def test_the_service_refuses_a_too_long_reason(staff_user, pending):
    with pytest.raises(ValidationError, match="hoogstens 1000 tekens"):
        services.event_reject(event=pending, actor=staff_user, reason="x" * 1001)
