"""Contact people: invitations by members and staff, acceptance, removal."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from .. import services
from ..models import ContactPerson
from .factories import ContactPersonFactory, InvitationFactory


@pytest.mark.django_db
def test_member_invites_a_colleague_who_accepts_and_can_log_in(
    client_for, user_a, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user_a).post(
            reverse("network:member_contacts"), {"email": "Collega@Example.nl"}
        )
    assert response.status_code == 302
    path = re.search(r"/uitnodiging/\S+", mail.outbox[0].body).group(0)
    visitor = client_for(None)
    response = visitor.post(
        path, {"first_name": "Sem", "last_name": "de Vries", "password": "nog-een-wachtwoord-9"}
    )
    assert response.status_code == 302
    contact = ContactPerson.objects.get(user__email="collega@example.nl")
    assert contact.organisation == org_a and not contact.is_primary
    assert visitor.login(email="collega@example.nl", password="nog-een-wachtwoord-9")
    assert visitor.get(path).status_code == 410  # a used link is closed


@pytest.mark.django_db
def test_expired_invitation_is_refused(client):
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(minutes=1))
    assert (
        client.get(reverse("network:invitation_accept", args=[invitation.token])).status_code == 410
    )
    with pytest.raises(ValidationError):
        services.invitation_accept(
            invitation=invitation, first_name="A", last_name="B", password="nog-een-wachtwoord-9"
        )


@pytest.mark.django_db
def test_inviting_an_existing_account_or_twice_is_refused(org_a, user_a, user_b):
    with pytest.raises(ValidationError):
        services.invitation_create(organisation=org_a, email=user_b.email, actor=user_a)
    services.invitation_create(organisation=org_a, email="nieuw@example.nl", actor=user_a)
    with pytest.raises(ValidationError):
        services.invitation_create(organisation=org_a, email="NIEUW@example.nl", actor=user_a)


@pytest.mark.django_db
def test_the_last_contact_cannot_be_removed_and_primary_passes_on(org_a, staff_user):
    only = org_a.contacts.get()
    with pytest.raises(ValidationError):
        services.contact_remove(contact=only, actor=staff_user)
    second = ContactPersonFactory(organisation=org_a, is_primary=False)
    services.contact_remove(contact=only, actor=staff_user)
    second.refresh_from_db()
    assert second.is_primary
    assert list(org_a.contacts.all()) == [second]


@pytest.mark.django_db
def test_member_removes_a_colleague_but_not_themselves(client_for, org_a, user_a):
    colleague = ContactPersonFactory(organisation=org_a, is_primary=False)
    client = client_for(user_a)
    own = org_a.contacts.get(user=user_a)
    client.post(reverse("network:member_contact_remove", args=[own.pk]))
    assert ContactPerson.objects.filter(pk=own.pk).exists()
    client.post(reverse("network:member_contact_remove", args=[colleague.pk]))
    assert not ContactPerson.objects.filter(pk=colleague.pk).exists()


@pytest.mark.django_db
def test_member_edits_profile_and_themes(client_for, org_a, user_a):
    client = client_for(user_a)
    response = client.post(
        reverse("network:member_profile"),
        {
            "name": "Bakkerij A & Zn",
            "city": "Amersfoort",
            "province": "NL-UT",
            "sector": "C",
            "size_class": "midden",
            "website": "",
            "email": "",
            "phone": "",
            "description": "Brood",
        },
    )
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert (org_a.city, org_a.size_class) == ("Amersfoort", "midden")
    # A new name waits for the project team (see test_profile_review).
    assert org_a.name == "Bakkerij A"
    assert org_a.profile_changes.get().changes == {"name": "Bakkerij A & Zn"}
    data = {
        "apk-has_experience": "on",
        "apk-experience": "Loopbaangesprek",
        "gezondheid-wants_help": "on",
        "gezondheid-help_question": "Hoe start je?",
    }
    assert client.post(reverse("network:member_themes"), data).status_code == 302
    profiles = {p.theme: p for p in org_a.theme_profiles.all()}
    assert set(profiles) == {"apk", "gezondheid"}
    assert profiles["apk"].experience == "Loopbaangesprek"
    assert profiles["gezondheid"].wants_help and not profiles["gezondheid"].has_experience
