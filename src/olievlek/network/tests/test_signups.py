"""Finding 9 and 17: an unconfirmed address cannot be approved; unconfirmed sign-ups
expire after 7 days and free their KvK number; old pending and rejected sign-ups are
purged after the retention period."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from olievlek.audit.models import AuditEntry

from .. import services
from ..choices import Source, Status
from ..models import Organisation
from .factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def sign_up(*, days_ago: int = 0, verified: bool = False, status=Status.PENDING, **org):
    contact = ContactPersonFactory(
        organisation__status=status,
        organisation__source=Source.REGISTRATION,
        user__verified=verified,
        **{f"organisation__{k}": v for k, v in org.items()},
    )
    organisation = contact.organisation
    when = timezone.now() - timedelta(days=days_ago)
    Organisation.objects.filter(pk=organisation.pk).update(created_at=when)
    if status == Status.REJECTED:
        Organisation.objects.filter(pk=organisation.pk).update(reviewed_at=when)
    if not verified:
        EmailAddress.objects.create(user=contact.user, email=contact.user.email, verified=False)
    return organisation


# --- Approval needs a confirmed address ----------------------------------------------------


def test_an_unconfirmed_address_cannot_be_approved(staff_user):
    organisation = sign_up(verified=False)
    with pytest.raises(ValidationError):
        services.organisation_approve(organisation=organisation, actor=staff_user)
    organisation.refresh_from_db()
    assert organisation.status == Status.PENDING


def test_the_queue_shows_it_and_the_review_refuses_with_a_message(staff_user, client_for):
    organisation = sign_up(verified=False, name="Onbevestigd BV")
    client = client_for(staff_user)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    queue = client.get(reverse("backoffice:queue")).content.decode()
    assert "No, cannot be approved yet" in queue
    page = client.get(reverse("backoffice:review", args=[organisation.pk])).content.decode()
    assert 'value="approve"' not in page
    response = client.post(
        reverse("backoffice:review", args=[organisation.pk]), {"decision": "approve"}
    )
    assert response.status_code == 200
    assert "has not been confirmed" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Status.PENDING


def test_a_confirmed_address_can_be_approved(staff_user):
    organisation = sign_up(verified=True)
    services.organisation_approve(organisation=organisation, actor=staff_user)
    organisation.refresh_from_db()
    assert organisation.status == Status.APPROVED


# --- Unconfirmed sign-ups expire ---------------------------------------------------------------


def test_an_unconfirmed_sign_up_expires_after_7_days_and_frees_the_kvk_number(client):
    old = sign_up(days_ago=8, kvk_number="12345678")
    email = old.contacts.get().user.email
    assert services.signups_expire() == 1
    assert not Organisation.objects.filter(pk=old.pk).exists()
    assert not get_user_model().objects.filter(email=email).exists()
    assert AuditEntry.objects.filter(action="organisation.expired").exists()
    from .test_registration import VALID

    response = client.post(reverse("network:register"), VALID)
    assert response.status_code == 302
    assert Organisation.objects.filter(kvk_number="12345678").exists()


@pytest.mark.parametrize(
    ("days_ago", "verified", "status"),
    [
        (6, False, Status.PENDING),
        (8, True, Status.PENDING),
        (8, False, Status.APPROVED),
    ],
)
def test_what_does_not_expire(days_ago, verified, status):
    organisation = sign_up(days_ago=days_ago, verified=verified, status=status)
    assert services.signups_expire() == 0
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_an_imported_organisation_without_contacts_does_not_expire():
    organisation = OrganisationFactory(pending=True, source=Source.IMPORT)
    Organisation.objects.filter(pk=organisation.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    assert services.signups_expire() == 0


def test_the_expire_command_reports_its_count():
    sign_up(days_ago=10)
    out = StringIO()
    call_command("signups_expire", stdout=out)
    assert "1 unconfirmed sign-up(s) expired." in out.getvalue()


# --- Retention of pending and rejected sign-ups ---------------------------------------------


def test_old_pending_and_rejected_sign_ups_are_purged(settings):
    settings.OLIEVLEK_SIGNUP_RETENTION_DAYS = 90
    purged = [
        sign_up(days_ago=91, verified=True),
        sign_up(days_ago=91, verified=True, status=Status.REJECTED),
    ]
    kept = [
        sign_up(days_ago=89, verified=True),
        sign_up(days_ago=89, verified=True, status=Status.REJECTED),
        sign_up(days_ago=400, verified=True, status=Status.APPROVED),
    ]
    emails = [o.contacts.get().user.email for o in purged]
    assert services.signups_purge() == 2
    assert not Organisation.objects.filter(pk__in=[o.pk for o in purged]).exists()
    assert not get_user_model().objects.filter(email__in=emails).exists()
    assert Organisation.objects.filter(pk__in=[o.pk for o in kept]).count() == 3
    assert AuditEntry.objects.filter(action="organisation.purged").count() == 2


def test_the_retention_period_is_a_setting(settings):
    organisation = sign_up(days_ago=20, verified=True, status=Status.REJECTED)
    settings.OLIEVLEK_SIGNUP_RETENTION_DAYS = 30
    assert services.signups_purge() == 0
    settings.OLIEVLEK_SIGNUP_RETENTION_DAYS = 10
    out = StringIO()
    call_command("signups_purge", stdout=out)
    assert "1 old sign-up(s) purged." in out.getvalue()
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
