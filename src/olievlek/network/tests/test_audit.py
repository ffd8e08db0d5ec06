"""Finding 14: changes to members, contacts and partners are in the audit log with who,
what, before and after; the actor's name survives the account; the Django admin is
audited like the back office; the log page shows before and after."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from olievlek.accounts.tests.support import login_with_mfa
from olievlek.audit.models import AuditEntry
from olievlek.audit.services import audit_record

from .. import services
from ..models import ContactPerson, Invitation, Organisation
from .factories import PASSWORD, ContactPersonFactory, InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_actor_is_still_named_after_the_account_is_deleted(org_a):
    actor = UserFactory(first_name="Joke", last_name="Vermeer", email="joke@example.nl")
    audit_record(actor=actor, action="organisation.update", target=org_a, changes={})
    actor.delete()
    entry = AuditEntry.objects.get()
    assert entry.actor is None
    assert entry.actor_label == "Joke Vermeer (joke@example.nl)"


def test_the_system_is_the_actor_of_scheduled_work(org_a):
    entry = audit_record(actor=None, action="organisation.expired", target=org_a)
    assert (entry.actor_name, entry.actor_email) == ("", "")


def test_the_audit_log_page_shows_who_and_before_and_after(org_a, staff_user, client_for):
    services.organisation_update(organisation=org_a, actor=staff_user, data={"city": "Zeist"})
    client = client_for(staff_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("backoffice:audit")).content.decode()
    assert "staf@olievlek.test" in html
    assert "<del>Utrecht</del> → <ins>Zeist</ins>" in html
    assert "city" in html


def test_roles_of_a_partner_are_logged_with_before_and_after(org_a, staff_user):
    services.organisation_set_roles(
        organisation=org_a,
        actor=staff_user,
        is_koploper=False,
        is_ambassador=False,
        is_partner=True,
    )
    entry = AuditEntry.objects.get(action="organisation.roles")
    with translation.override("en"):
        changes = [(str(label), before, after) for label, before, after in entry.changes]
    assert ("partner organisation", False, True) in changes
    assert ("front-runner", False, False) in changes


def test_themes_are_logged_with_before_and_after(org_a, user_a):
    from ..services.profile import ThemeEntry

    services.theme_profiles_update(
        organisation=org_a,
        actor=user_a,
        entries={"apk": ThemeEntry(wants_help=True, help_question="Hoe?")},
    )
    entry = AuditEntry.objects.get(action="organisation.themes")
    assert entry.actor == user_a
    assert entry.data["before"] == {"gezondheid": "experience"}
    assert entry.data["after"] == {"apk": "help: Hoe?"}


def test_a_member_inviting_a_colleague_is_logged(org_a, user_a):
    services.invitation_create(organisation=org_a, actor=user_a, email="nieuw@example.nl")
    entry = AuditEntry.objects.get(action="contact.invite")
    assert entry.actor == user_a and entry.data["email"] == "nieuw@example.nl"


def test_a_contact_joining_is_logged(org_a):
    invitation = InvitationFactory(organisation=org_a, email="nieuw@example.nl")
    services.invitation_accept(
        invitation=invitation, first_name="Nieuw", last_name="Lid", password=PASSWORD
    )
    entry = AuditEntry.objects.get(action="contact.add")
    assert entry.actor_email == "nieuw@example.nl"
    assert entry.data["after"] == {"contact": "Nieuw Lid"}


def test_removing_a_contact_is_logged_with_before_and_after(org_a, user_a):
    colleague = ContactPersonFactory(
        organisation=org_a, is_primary=False, user__first_name="Piet", user__last_name="Post"
    )
    services.contact_remove(contact=colleague, actor=user_a)
    entry = AuditEntry.objects.get(action="contact.remove")
    assert entry.data["before"] == {"contact": "Piet Post"}
    assert entry.actor_email == "a@example.nl"


# --- The Django admin ---------------------------------------------------------------------


@pytest.fixture
def superuser(staff_user):
    staff_user.is_superuser = True
    staff_user.save()
    return staff_user


@pytest.fixture
def admin_client(superuser):
    client = Client()
    login_with_mfa(client, superuser)
    return client


def _admin_form(organisation: Organisation, **changes) -> dict:
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "kvk_number": organisation.kvk_number,
        "city": organisation.city,
        "province": organisation.province,
        "sector": organisation.sector,
        "size_class": organisation.size_class,
        "website": organisation.website,
        "description": organisation.description,
        "email": organisation.email,
        "phone": organisation.phone,
        "status": organisation.status,
        "status_reason": organisation.status_reason,
        "source": organisation.source,
        "theme_profiles-TOTAL_FORMS": "0",
        "theme_profiles-INITIAL_FORMS": "0",
        "theme_profiles-MIN_NUM_FORMS": "0",
        "theme_profiles-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_an_organisation_changed_in_the_admin_is_audited(org_a, admin_client, superuser):
    org_a.theme_profiles.all().delete()
    url = reverse("admin:network_organisation_change", args=[org_a.pk])
    response = admin_client.post(url, _admin_form(org_a, name="Via de admin"))
    assert response.status_code == 302, response.content[:2000]
    entry = AuditEntry.objects.get(action="organisation.admin_change")
    assert entry.actor == superuser
    assert entry.data["changes"]["name"] == ["Bakkerij A", "Via de admin"]


def test_a_contact_deleted_in_the_admin_is_audited(org_a, admin_client):
    colleague = ContactPersonFactory(organisation=org_a, is_primary=False)
    url = reverse("admin:network_contactperson_delete", args=[colleague.pk])
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not ContactPerson.objects.filter(pk=colleague.pk).exists()
    entry = AuditEntry.objects.get(action="contact.admin_delete")
    assert entry.target_id == str(org_a.pk)
    assert entry.data["object"] == str(colleague)


def test_an_invitation_added_in_the_admin_is_audited(org_a, admin_client, superuser):
    url = reverse("admin:network_invitation_add")
    response = admin_client.post(
        url,
        {
            "organisation": org_a.pk,
            "email": "admin-uitnodiging@example.nl",
            "token": "x" * 40,
            "invited_by": superuser.pk,
            "expires_at_0": "2030-01-01",
            "expires_at_1": "12:00:00",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert Invitation.objects.filter(email="admin-uitnodiging@example.nl").exists()
    assert AuditEntry.objects.filter(action="invitation.admin_add").exists()


def test_an_organisation_deleted_in_the_admin_is_anonymised_and_audited(org_a, admin_client):
    url = reverse("admin:network_organisation_delete", args=[org_a.pk])
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.status == "deleted" and org_a.name != "Bakkerij A"
    assert AuditEntry.objects.filter(action="organisation.delete").exists()
