"""The project team approves or rejects registrations."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from olievlek.audit.models import AuditEntry

from .. import services
from ..choices import Status
from .factories import ContactPersonFactory


@pytest.fixture
def pending(db):
    return ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name="Zorggroep De Linde",
        user__email="linde@example.nl",
    ).organisation


@pytest.mark.django_db
def test_approval_publishes_mails_and_audits(
    pending, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_approve(organisation=pending, actor=staff_user)
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED and pending.reviewed_by == staff_user
    assert mail.outbox[0].to == ["linde@example.nl"]
    assert "Zorggroep De Linde" in mail.outbox[0].subject
    entry = AuditEntry.objects.get(action="organisation.approved")
    assert entry.actor == staff_user and entry.target_id == str(pending.pk)


@pytest.mark.django_db
def test_rejection_needs_a_reason_which_the_employer_receives(
    pending, staff_user, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        services.organisation_reject(organisation=pending, actor=staff_user, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_reject(
            organisation=pending, actor=staff_user, reason="Geen werkgever in Nederland."
        )
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED
    assert "Geen werkgever in Nederland." in mail.outbox[0].body


@pytest.mark.django_db
def test_a_registration_is_handled_only_once(pending, staff_user):
    services.organisation_approve(organisation=pending, actor=staff_user)
    with pytest.raises(ValidationError):
        services.organisation_reject(organisation=pending, actor=staff_user, reason="Toch niet")
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED


@pytest.mark.django_db
def test_staff_approve_through_the_queue_and_it_appears_in_the_directory(
    pending, staff_user, client_for
):
    client = client_for(staff_user)
    queue = client.get(reverse("backoffice:queue"))
    assert "Zorggroep De Linde" in queue.content.decode()
    response = client.post(reverse("backoffice:review", args=[pending.pk]), {"decision": "approve"})
    assert response.status_code == 302
    directory = client_for(None).get(reverse("network:directory"), {"q": "Linde"})
    assert "Zorggroep De Linde" in directory.content.decode()


@pytest.mark.django_db
def test_rejecting_without_reason_in_the_back_office_shows_an_error(
    pending, staff_user, client_for
):
    response = client_for(staff_user).post(
        reverse("backoffice:review", args=[pending.pk]), {"decision": "reject", "reason": ""}
    )
    assert response.status_code == 200
    assert "reason" in response.context["reject_form"].errors
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


@pytest.mark.django_db
def test_roles_are_set_and_audited(org_a, staff_user):
    services.organisation_set_roles(
        organisation=org_a, actor=staff_user, is_koploper=True, is_ambassador=False, is_partner=True
    )
    org_a.refresh_from_db()
    assert org_a.is_koploper and org_a.is_partner and not org_a.is_ambassador
    entry = AuditEntry.objects.get(action="organisation.roles")
    assert entry.data["after"]["is_koploper"] is True
