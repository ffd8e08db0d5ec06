"""Finding 17: a contact downloads all of its organisation's data and deletes its own
account; deleting an organisation anonymises its personal data everywhere while the
programme's totals stay right."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from olievlek.audit.models import AuditEntry
from olievlek.events.models import Registration
from olievlek.events.tests.factories import RegistrationFactory
from olievlek.knowledge.tests.factories import StoryFactory, UsageRequestFactory
from olievlek.payitforward.models import Match
from olievlek.payitforward.tests.factories import HelpRequestFactory, MatchFactory, OfferFactory

from .. import services
from ..choices import Status
from ..models import ContactPerson, Invitation, Organisation
from .factories import PASSWORD, ContactPersonFactory, InvitationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(org_a, org_b, user_a):
    """Organisation A with something in every app, and B with data of its own."""
    mentor = OfferFactory(organisation=org_b)
    match = MatchFactory(offer=mentor, request=HelpRequestFactory(organisation=org_a))
    OfferFactory(organisation=org_a, description="Wij helpen graag")
    RegistrationFactory(organisation=org_a, name="Eva A", email="a@example.nl")
    RegistrationFactory(organisation=org_b, name="Bram B", email="b@example.nl")
    StoryFactory(organisation=org_a, title="Ons verhaal van A")
    StoryFactory(organisation=org_b, title="Het verhaal van B")
    UsageRequestFactory(organisation=org_a, requested_by=user_a)
    InvitationFactory(organisation=org_a, email="collega@example.nl")
    return match


def download(client) -> zipfile.ZipFile:
    response = client.get(reverse("network:member_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_download_holds_every_part_as_json_and_csv(busy, user_a, client_for):
    archive = download(client_for(user_a))
    data = json.loads(archive.read("gegevens.json"))
    expected = {
        "organisatie",
        "themas",
        "contactpersonen",
        "uitnodigingen",
        "pif_aanbod",
        "pif_hulpvragen",
        "pif_matches",
        "aanmeldingen_bijeenkomsten",
        "verhalen",
        "campagne_aanvragen",
    }
    assert expected <= set(data)
    assert {f"{name}.csv" for name in data} <= set(archive.namelist())
    assert data["organisatie"][0]["name"] == "Bakkerij A"
    assert data["contactpersonen"][0]["email"] == "a@example.nl"
    assert [m["id"] for m in data["pif_matches"]] == [busy.pk]
    assert data["pif_aanbod"][0]["description"] == "Wij helpen graag"
    assert [r["name"] for r in data["aanmeldingen_bijeenkomsten"]] == ["Eva A"]
    assert [s["title"] for s in data["verhalen"]] == ["Ons verhaal van A"]
    assert len(data["campagne_aanvragen"]) == 1
    assert [i["email"] for i in data["uitnodigingen"]] == ["collega@example.nl"]
    rows = list(
        csv.DictReader(io.StringIO(archive.read("verhalen.csv").decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0]["title"] == "Ons verhaal van A"


def test_the_download_holds_nothing_of_another_organisation_and_no_links(busy, user_a, client_for):
    archive = download(client_for(user_a))
    everything = " ".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    assert "Het verhaal van B" not in everything
    assert "Bram B" not in everything and "b@example.nl" not in everything
    for registration in Registration.objects.all():
        assert registration.token not in everything
    for invitation in Invitation.objects.all():
        assert invitation.token not in everything


def test_the_data_page_links_to_the_download_and_the_deletion(user_a, client_for):
    html = client_for(user_a).get(reverse("network:member_data")).content.decode()
    assert reverse("network:member_data_download") in html
    assert reverse("network:member_account_delete") in html


# --- Deleting one's own account ------------------------------------------------------------


def test_deleting_the_account_needs_the_right_password(org_a, user_a, client_for):
    colleague = ContactPersonFactory(organisation=org_a, is_primary=False)
    response = client_for(colleague.user).post(
        reverse("network:member_account_delete"), {"password": "fout-wachtwoord-1"}
    )
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert get_user_model().objects.filter(pk=colleague.user.pk).exists()


def test_a_contact_deletes_its_account_and_the_organisation_stays(org_a, user_a, client_for):
    colleague = ContactPersonFactory(
        organisation=org_a, is_primary=False, user__email="collega@example.nl"
    )
    RegistrationFactory(organisation=org_a, name="Collega", email="collega@example.nl")
    client = client_for(colleague.user)
    response = client.post(reverse("network:member_account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="collega@example.nl").exists()
    assert "_auth_user_id" not in client.session
    org_a.refresh_from_db()
    assert org_a.status == Status.APPROVED and org_a.contacts.count() == 1
    registration = Registration.objects.get(organisation=org_a)
    assert "collega" not in registration.email and registration.name != "Collega"
    entry = AuditEntry.objects.get(action="contact.delete_self")
    assert entry.actor is None and entry.actor_email == "collega@example.nl"


def test_the_primary_contact_leaving_passes_the_role_on(org_a, user_a, client_for):
    colleague = ContactPersonFactory(organisation=org_a, is_primary=False)
    client_for(user_a).post(reverse("network:member_account_delete"), {"password": PASSWORD})
    colleague.refresh_from_db()
    assert colleague.is_primary


def test_the_last_contact_deleting_its_account_deletes_the_organisation(
    busy, org_a, user_a, client_for
):
    page = client_for(user_a).get(reverse("network:member_account_delete"))
    assert page.context["last_contact"] is True
    client_for(user_a).post(reverse("network:member_account_delete"), {"password": PASSWORD})
    org_a.refresh_from_db()
    assert org_a.status == Status.DELETED


# --- Deleting an organisation ------------------------------------------------------------------


def test_deleting_an_organisation_anonymises_it_and_keeps_the_totals(busy, org_a, staff_user):
    ContactPersonFactory(organisation=org_a, is_primary=False, user__email="a2@example.nl")
    RegistrationFactory(name="Bezoeker", email="a2@example.nl", organisation=None)
    before = {
        "matches": Match.objects.count(),
        "registrations": Registration.objects.count(),
        "a_registrations": org_a.event_registrations.count(),
        "organisations": Organisation.objects.count(),
    }
    services.organisation_delete(organisation=org_a, actor=staff_user)
    after = {
        "matches": Match.objects.count(),
        "registrations": Registration.objects.count(),
        "a_registrations": org_a.event_registrations.count(),
        "organisations": Organisation.objects.count(),
    }
    assert after == before
    org_a.refresh_from_db()
    assert org_a.status == Status.DELETED
    assert "Bakkerij A" not in (org_a.name, org_a.slug)
    assert (org_a.city, org_a.email, org_a.website) == ("", "", "")
    assert not ContactPerson.objects.filter(organisation=org_a).exists()
    assert not get_user_model().objects.filter(email__in=["a@example.nl", "a2@example.nl"]).exists()
    assert not Invitation.objects.filter(organisation=org_a).exists()
    for registration in Registration.objects.exclude(email="b@example.nl"):
        assert registration.name not in ("Eva A", "Bezoeker")
        assert registration.email.endswith(".invalid")
    assert Registration.objects.get(email="b@example.nl").name == "Bram B"
    entry = AuditEntry.objects.get(action="organisation.delete")
    assert entry.target_label == "Bakkerij A" and entry.actor == staff_user


def test_a_deleted_organisation_leaves_the_directory_and_frees_its_kvk_number(
    org_a, staff_user, client_for
):
    kvk = org_a.kvk_number
    services.organisation_delete(organisation=org_a, actor=staff_user)
    assert client_for(None).get(f"/netwerk/{org_a.slug}/").status_code == 404
    assert "Bakkerij A" not in client_for(None).get("/netwerk/").content.decode()
    assert OrganisationFactory(kvk_number=kvk).kvk_number == kvk


def test_staff_delete_an_organisation_in_the_back_office(busy, org_a, staff_user, client_for):
    url = reverse("backoffice:organisation_delete", args=[org_a.pk])
    client = client_for(staff_user)
    response = client.post(url, {})
    assert response.status_code == 200 and "confirm" in response.context["form"].errors
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.status == Status.DELETED
    assert client.get(url).status_code == 404
