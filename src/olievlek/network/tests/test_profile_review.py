"""Finding 8: a member's new name or website waits for the project team; the old values
stay public meanwhile, and every change is in the audit log."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib import messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from olievlek.audit.models import AuditEntry

from .. import services
from ..models import Organisation, ProfileChange

pytestmark = pytest.mark.django_db

PROFILE = {
    "name": "Bakkerij A",
    "city": "Utrecht",
    "province": "NL-UT",
    "sector": "C",
    "size_class": "klein",
    "website": "",
    "email": "",
    "phone": "",
    "description": "",
}


def post_profile(client, **changes):
    return client.post(reverse("network:member_profile"), {**PROFILE, **changes})


def test_a_members_new_name_waits_and_the_old_name_stays_public(org_a, user_a, client_for):
    response = post_profile(client_for(user_a), name="Ministerie van Brood")
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.name == "Bakkerij A"
    change = ProfileChange.objects.get(organisation=org_a)
    assert change.state == ProfileChange.State.PENDING
    assert change.changes == {"name": "Ministerie van Brood"}
    public = client_for(None).get(f"/netwerk/{org_a.slug}/").content.decode()
    assert "Bakkerij A" in public and "Ministerie van Brood" not in public
    api = client_for(None).get(f"/api/v1/organisaties/{org_a.pk}").json()
    assert api["name"] == "Bakkerij A"


def test_a_members_new_website_waits_too(org_a, user_a):
    services.organisation_update(
        organisation=org_a, actor=user_a, data={"website": "https://nep.example"}
    )
    org_a.refresh_from_db()
    assert org_a.website == ""
    assert org_a.profile_changes.get().changes == {"website": "https://nep.example"}


def test_the_member_sees_waiting_for_review(org_a, user_a, client_for):
    client = client_for(user_a)
    response = post_profile(client, name="Bakkerij A Groep")
    [message] = list(response.wsgi_request._messages)
    assert message.level == messages.INFO
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for url in (reverse("network:member_home"), reverse("network:member_profile")):
        html = client.get(url).content.decode()
        assert "Waiting for review" in html
        assert "Bakkerij A → Bakkerij A Groep" in html
    # The form shows the wish, so saving another field keeps the waiting change.
    assert client.get(reverse("network:member_profile")).context["form"]["name"].value() == (
        "Bakkerij A Groep"
    )
    post_profile(client, name="Bakkerij A Groep", city="Zeist")
    assert org_a.profile_changes.get().changes == {"name": "Bakkerij A Groep"}


def test_other_fields_change_at_once_and_are_audited_with_before_and_after(org_a, user_a):
    services.organisation_update(
        organisation=org_a, actor=user_a, data={"city": "Zeist", "name": "Bakkerij A"}
    )
    org_a.refresh_from_db()
    assert org_a.city == "Zeist"
    assert not org_a.profile_changes.exists()
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.actor == user_a
    assert entry.data["changes"] == {"city": ["Utrecht", "Zeist"]}


def test_the_request_is_audited(org_a, user_a):
    services.organisation_update(organisation=org_a, actor=user_a, data={"name": "Nieuw"})
    entry = AuditEntry.objects.get(action="organisation.change_requested")
    assert entry.actor_email == "a@example.nl"
    assert entry.data["changes"] == {"name": ["Bakkerij A", "Nieuw"]}


def test_giving_the_public_name_again_withdraws_the_change(org_a, user_a):
    services.organisation_update(organisation=org_a, actor=user_a, data={"name": "Nieuw"})
    services.organisation_update(organisation=org_a, actor=user_a, data={"name": "Bakkerij A"})
    assert not org_a.profile_changes.exists()
    assert AuditEntry.objects.filter(action="organisation.change_withdrawn").exists()


def test_an_invalid_new_name_is_refused(org_a, user_a):
    with pytest.raises(ValidationError):
        services.organisation_update(organisation=org_a, actor=user_a, data={"name": ""})
    assert not org_a.profile_changes.exists()


def test_a_name_change_through_the_api_waits_too(org_a, user_a, client_for):
    response = client_for(user_a).patch(
        f"/api/v1/organisaties/{org_a.pk}",
        {"name": "Gekaapt via API"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Bakkerij A"
    assert org_a.profile_changes.get().changes == {"name": "Gekaapt via API"}


def test_the_project_team_changes_the_name_at_once_and_it_is_audited(org_a, staff_user):
    services.organisation_update(organisation=org_a, actor=staff_user, data={"name": "Nieuw"})
    org_a.refresh_from_db()
    assert org_a.name == "Nieuw"
    assert not org_a.profile_changes.exists()
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.data["changes"] == {"name": ["Bakkerij A", "Nieuw"]}


@pytest.fixture
def waiting(org_a, user_a):
    services.organisation_update(
        organisation=org_a,
        actor=user_a,
        data={"name": "Bakkerij A Groep", "website": "https://groep.example"},
    )
    return org_a.profile_changes.get()


def test_staff_see_the_change_in_the_queue(waiting, staff_user, client_for):
    html = client_for(staff_user).get(reverse("backoffice:profile_changes")).content.decode()
    assert "Bakkerij A Groep" in html
    review = client_for(staff_user).get(
        reverse("backoffice:profile_change_review", args=[waiting.pk])
    )
    assert "https://groep.example" in review.content.decode()


def test_staff_approve_it_publishes_and_mails_the_member(
    waiting, staff_user, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff_user).post(
            reverse("backoffice:profile_change_review", args=[waiting.pk]), {"decision": "approve"}
        )
    assert response.status_code == 302
    org = Organisation.objects.get(pk=waiting.organisation_id)
    assert (org.name, org.website) == ("Bakkerij A Groep", "https://groep.example")
    waiting.refresh_from_db()
    assert waiting.state == ProfileChange.State.APPROVED and waiting.decided_by == staff_user
    assert [m.to for m in mail.outbox] == [["a@example.nl"]]
    assert "Bakkerij A Groep" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="organisation.change_approved")
    assert entry.data["changes"]["name"] == ["Bakkerij A", "Bakkerij A Groep"]
    assert "Bakkerij A Groep" in client_for(None).get(f"/netwerk/{org.slug}/").content.decode()


def test_staff_reject_it_with_a_reason_the_member_reads(
    waiting, staff_user, client_for, django_capture_on_commit_callbacks
):
    url = reverse("backoffice:profile_change_review", args=[waiting.pk])
    client = client_for(staff_user)
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200 and "reason" in response.context["reject_form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Dit is niet uw handelsnaam."})
    org = Organisation.objects.get(pk=waiting.organisation_id)
    assert org.name == "Bakkerij A"
    waiting.refresh_from_db()
    assert waiting.state == ProfileChange.State.REJECTED
    assert "Dit is niet uw handelsnaam." in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="organisation.change_rejected").exists()


def test_a_change_is_handled_only_once(waiting, staff_user):
    services.profile_change_approve(change=waiting, actor=staff_user)
    with pytest.raises(ValidationError):
        services.profile_change_reject(change=waiting, actor=staff_user, reason="Toch niet")
