"""A rejection reason has a maximum length (a Dutch message, `maxlength` and a counter in
the form, and the same check in the service), and the team can first see the mail it
will send: nothing is decided or sent by the preview, and the typed text is kept."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.site.reasons import MAX_REASON_LENGTH

from .. import services
from ..choices import Status
from ..models import ProfileChange
from ..services.profile import profile_change_request
from .factories import ContactPersonFactory

pytestmark = pytest.mark.django_db
TOO_LONG = "x" * (MAX_REASON_LENGTH + 1)


@pytest.fixture
def pending():
    return ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name="Zorggroep De Linde",
        user__email="linde@example.nl",
    ).organisation


def _url(organisation) -> str:
    return f"/beheer/aanmeldingen/{organisation.pk}/"


def test_the_reason_field_has_maxlength_and_a_counter(client_for, staff_user, pending):
    page = client_for(staff_user).get(_url(pending)).content.decode()
    assert f'maxlength="{MAX_REASON_LENGTH}"' in page
    assert "data-counter=" in page and "Hoogstens 1000 tekens" in page


def test_a_too_long_reason_is_refused_in_dutch_and_kept(client_for, staff_user, pending):
    response = client_for(staff_user).post(
        _url(pending), {"decision": "reject", "reason": TOO_LONG}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["reject_form"].errors["reason"])
    assert "Houd het kort: hoogstens 1000 tekens (nu 1001)." in errors
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_the_service_refuses_a_too_long_reason(staff_user, pending):
    with pytest.raises(ValidationError, match="hoogstens 1000 tekens"):
        services.organisation_reject(organisation=pending, actor=staff_user, reason=TOO_LONG)


def test_the_preview_shows_the_mail_without_sending_or_deciding(client_for, staff_user, pending):
    response = client_for(staff_user).post(
        _url(pending),
        {"decision": "reject", "reason": "Geen werkgever in Nederland.", "preview": "1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voorbeeld van de e-mail" in page and "Er is nog niets verstuurd." in page
    assert "linde@example.nl" in page
    assert "Uw aanmelding van Zorggroep De Linde" in page  # the subject
    assert page.count("Geen werkgever in Nederland.") == 2  # in the mail and kept in the field
    assert mail.outbox == []
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_the_preview_is_the_mail_that_is_sent(
    staff_user, pending, django_capture_on_commit_callbacks
):
    reason = "Geen werkgever in Nederland."
    preview = services.organisation_reject_preview(organisation=pending, reason=reason)
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_reject(organisation=pending, actor=staff_user, reason=reason)
    (sent,) = mail.outbox
    assert (sent.subject, sent.body) == (preview.subject, preview.text)
    assert sent.to == list(preview.recipients) == ["linde@example.nl"]


def test_a_profile_change_rejection_has_a_preview_too(client_for, staff_user, org_a, user_a):
    profile_change_request(organisation=org_a, actor=user_a, wanted={"name": "Brood B.V."})
    change = ProfileChange.objects.get()
    response = client_for(staff_user).post(
        f"/beheer/profielwijzigingen/{change.pk}/",
        {"decision": "reject", "reason": "Die naam is van een ander.", "preview": "1"},
    )
    page = response.content.decode()
    assert "Voorbeeld van de e-mail" in page and "Die naam is van een ander." in page
    change.refresh_from_db()
    assert change.state == ProfileChange.State.PENDING and mail.outbox == []


def test_a_profile_change_reason_is_limited_too(client_for, staff_user, org_a, user_a):
    profile_change_request(organisation=org_a, actor=user_a, wanted={"name": "Brood B.V."})
    change = ProfileChange.objects.get()
    response = client_for(staff_user).post(
        f"/beheer/profielwijzigingen/{change.pk}/", {"decision": "reject", "reason": TOO_LONG}
    )
    assert "hoogstens 1000 tekens" in " ".join(response.context["reject_form"].errors["reason"])
