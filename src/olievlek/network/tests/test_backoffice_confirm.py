"""Approving and rejecting sign-ups in the back office: a confirm step first, a message
afterwards that says to whom mail went, and approving several at once."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from olievlek.audit.models import AuditEntry

from ..choices import Status
from ..models import Organisation
from .factories import ContactPersonFactory

pytestmark = pytest.mark.django_db


def _pending(name: str, email: str, *, verified: bool = True) -> Organisation:
    return ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name=name,
        user__email=email,
        user__verified=verified,
    ).organisation


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_approve_button_asks_for_confirmation_and_changes_nothing(staff_user, client_for):
    linde = _pending("Zorggroep De Linde", "linde@example.nl")
    response = client_for(staff_user).post(
        reverse("backoffice:review", args=[linde.pk]), {"decision": "approve", "step": "confirm"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zorggroep De Linde goedkeuren?" in html
    assert "linde@example.nl" in html and 'name="confirmed" value="1"' in html
    linde.refresh_from_db()
    assert linde.status == Status.PENDING and not mail.outbox


def test_confirming_approves_and_says_to_whom_the_mail_went(
    staff_user, client_for, django_capture_on_commit_callbacks
):
    linde = _pending("Zorggroep De Linde", "linde@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff_user).post(
            reverse("backoffice:review", args=[linde.pk]),
            {"decision": "approve", "confirmed": "1"},
        )
    assert response.status_code == 302
    assert _messages(response) == [
        "Zorggroep De Linde is goedgekeurd. Er is een e-mail gestuurd naar linde@example.nl."
    ]
    assert mail.outbox[0].to == ["linde@example.nl"]


def test_the_reject_confirm_step_shows_the_reason_the_employer_will_read(staff_user, client_for):
    linde = _pending("Zorggroep De Linde", "linde@example.nl")
    response = client_for(staff_user).post(
        reverse("backoffice:review", args=[linde.pk]),
        {"decision": "reject", "reason": "Geen werkgever in Nederland.", "step": "confirm"},
    )
    html = response.content.decode()
    assert "Geen werkgever in Nederland." in html
    assert 'name="reason" value="Geen werkgever in Nederland."' in html
    linde.refresh_from_db()
    assert linde.status == Status.PENDING


def test_bulk_approval_asks_for_confirmation_listing_names_and_addresses(staff_user, client_for):
    a = _pending("Bakkerij Aarts", "aarts@example.nl")
    b = _pending("Bouwbedrijf Bos", "bos@example.nl")
    response = client_for(staff_user).post(
        reverse("backoffice:queue_bulk"), {"action": "approve", "ids": [a.pk, b.pk]}
    )
    html = response.content.decode()
    assert "2 aanmeldingen goedkeuren?" in html
    assert "Bakkerij Aarts" in html and "bos@example.nl" in html
    assert not Organisation.objects.filter(status=Status.APPROVED).exists()


def test_bulk_approval_approves_each_through_the_service_with_audit_and_mail(
    staff_user, client_for, django_capture_on_commit_callbacks
):
    a = _pending("Bakkerij Aarts", "aarts@example.nl")
    b = _pending("Bouwbedrijf Bos", "bos@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff_user).post(
            reverse("backoffice:queue_bulk"),
            {"action": "approve", "ids": [a.pk, b.pk], "confirmed": "1"},
        )
    assert response.status_code == 302
    assert set(Organisation.objects.values_list("status", flat=True)) == {Status.APPROVED}
    assert AuditEntry.objects.filter(action="organisation.approved").count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["aarts@example.nl", "bos@example.nl"]
    assert _messages(response) == [
        "Goedgekeurd: Bakkerij Aarts, Bouwbedrijf Bos. "
        "Er is een e-mail gestuurd naar aarts@example.nl, bos@example.nl."
    ]


def test_bulk_approval_reports_the_one_that_fails_and_approves_the_others(staff_user, client_for):
    good = _pending("Bakkerij Aarts", "aarts@example.nl")
    unconfirmed = _pending("Bouwbedrijf Bos", "bos@example.nl", verified=False)
    response = client_for(staff_user).post(
        reverse("backoffice:queue_bulk"),
        {"action": "approve", "ids": [good.pk, unconfirmed.pk], "confirmed": "1"},
    )
    good.refresh_from_db()
    unconfirmed.refresh_from_db()
    assert good.status == Status.APPROVED and unconfirmed.status == Status.PENDING
    texts = _messages(response)
    assert any(t.startswith("Bouwbedrijf Bos is niet goedgekeurd:") for t in texts)
    assert any(t.startswith("Goedgekeurd: Bakkerij Aarts.") for t in texts)


def test_bulk_approval_without_a_selection_or_action_does_nothing(staff_user, client_for):
    a = _pending("Bakkerij Aarts", "aarts@example.nl")
    client = client_for(staff_user)
    none_selected = client.post(reverse("backoffice:queue_bulk"), {"action": "approve"})
    unknown_action = client.post(
        reverse("backoffice:queue_bulk"), {"action": "delete", "ids": [a.pk], "confirmed": "1"}
    )
    assert none_selected.status_code == unknown_action.status_code == 302
    a.refresh_from_db()
    assert a.status == Status.PENDING


def test_the_queue_offers_a_checkbox_only_for_a_sign_up_that_can_be_approved(
    staff_user, client_for
):
    good = _pending("Bakkerij Aarts", "aarts@example.nl")
    unconfirmed = _pending("Bouwbedrijf Bos", "bos@example.nl", verified=False)
    html = client_for(staff_user).get(reverse("backoffice:queue")).content.decode()
    assert f'name="ids" value="{good.pk}"' in html
    assert f'name="ids" value="{unconfirmed.pk}"' not in html


def test_a_profile_change_is_published_after_a_confirm_step_naming_the_address(
    org_a, user_a, staff_user, client_for
):
    from .. import services
    from ..models import ProfileChange

    services.organisation_update(
        organisation=org_a, actor=user_a, data={"name": "Bakkerij A Groep"}
    )
    change = org_a.profile_changes.get()
    client = client_for(staff_user)
    url = reverse("backoffice:profile_change_review", args=[change.pk])
    asked = client.post(url, {"decision": "approve", "step": "confirm"}).content.decode()
    assert "Bakkerij A Groep" in asked and "a@example.nl" in asked
    change.refresh_from_db()
    assert change.state == ProfileChange.State.PENDING
    response = client.post(url, {"decision": "approve", "confirmed": "1"})
    change.refresh_from_db()
    assert change.state == ProfileChange.State.APPROVED
    assert _messages(response) == [
        "De wijziging is gepubliceerd. Er is een e-mail gestuurd naar a@example.nl."
    ]
