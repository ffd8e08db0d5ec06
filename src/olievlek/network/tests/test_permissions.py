"""Who may do what: every page and API endpoint, tried by every kind of visitor.

Visitors: anonymous, the contact of approved organisation A, the contact of approved
organisation B, the project team (staff, with two-factor login), and the contact of an
organisation whose registration is still pending.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from olievlek.accounts.tests.support import api_key_for
from olievlek.site.tests.permission_matrix import (
    ALL_200,
    BACKOFFICE,
    BACKOFFICE_POST,
    LOGIN,
    MEMBER,
    VISITORS,
    assert_outcome,
    row_maker,
)

from ..choices import Status
from ..models import ContactPerson, ImportJob, Organisation, ProfileChange
from .factories import ContactPersonFactory, InvitationFactory, OrganisationFactory, UserFactory
from .import_helpers import csv_bytes, org_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, org_b, user_a, user_b, staff_user):
    org_a.email = "algemeen@bakkerij-a.nl"
    org_a.save()
    pending = ContactPersonFactory(
        organisation__name="Wacht BV", organisation__status=Status.PENDING
    )
    return SimpleNamespace(
        a=org_a,
        b=org_b,
        a2=ContactPersonFactory(organisation=org_a, is_primary=False, user__email="a2@x.nl"),
        b2=ContactPersonFactory(organisation=org_b, is_primary=False, user__email="b2@x.nl"),
        pending=pending.organisation,
        rejected=OrganisationFactory(name="Afgewezen BV", rejected=True),
        invitation=InvitationFactory(organisation=org_a),
        change=ProfileChange.objects.create(
            organisation=org_b, changes={"name": "B nieuw"}, previous={"name": "Bouwbedrijf B"}
        ),
        job=ImportJob.objects.create(
            filename="leden.csv", file="imports/leden.csv", state=ImportJob.State.VALID
        ),
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
        },
    )


row = row_maker()
OWN_DATA = (LOGIN, 200, 200, 403, 200)


MATRIX = [
    # The public site and the API's read side.
    row("get", "/", *ALL_200),
    row("get", "/netwerk/", *ALL_200),
    row("get", "/netwerk/{a.slug}/", *ALL_200),
    row("get", "/netwerk/{pending.slug}/", *(404,) * 5),
    row("get", "/netwerk/{rejected.slug}/", *(404,) * 5),
    row("get", "/aanmelden", 200, "/mijn/", "/mijn/", "/mijn/", "/mijn/"),
    row("get", "/aanmelden/verstuurd", *ALL_200),
    row("get", "/uitnodiging/{invitation.token}", *ALL_200),
    row("get", "/uitnodiging/onbekend", *(404,) * 5),
    row("get", "/toegankelijkheid", *ALL_200),
    row("get", "/privacy", *ALL_200),
    row("get", "/api/v1/organisaties", *ALL_200),
    row("get", "/api/v1/organisaties/{a.pk}", *ALL_200),
    row("get", "/api/v1/organisaties/{pending.pk}", *(404,) * 5),
    row("get", "/api/v1/organisaties/{rejected.pk}", *(404,) * 5),
    row("get", "/api/v1/schema", *ALL_200),
    row("get", "/api/v1/docs", *ALL_200),
    # The member area: only for contacts of an approved organisation.
    row("get", "/mijn/", LOGIN, 200, 200, "/beheer/", 200),
    row("get", "/mijn/profiel", *MEMBER),
    row("get", "/mijn/themas", *MEMBER),
    row("get", "/mijn/contactpersonen", *MEMBER),
    row("post", "/mijn/contactpersonen/{b2.pk}/verwijderen", LOGIN, 404, 302, 403, 403),
    # One's own data: also for the contact of a pending registration.
    row("get", "/mijn/gegevens", *OWN_DATA),
    row("get", "/mijn/gegevens/download", *OWN_DATA),
    row("get", "/mijn/account-verwijderen", *OWN_DATA),
    row("post", "/mijn/account-verwijderen", *OWN_DATA, {"password": "fout"}),
    # The back office: only for staff.
    row("get", "/beheer/", *BACKOFFICE),
    row("get", "/beheer/aanmeldingen/", *BACKOFFICE),
    row("get", "/beheer/aanmeldingen/{pending.pk}/", *BACKOFFICE),
    row("get", "/beheer/organisaties/", *BACKOFFICE),
    row("get", "/beheer/organisaties/{a.pk}/", *BACKOFFICE),
    row("get", "/beheer/export.csv", *BACKOFFICE),
    row("get", "/beheer/export.xlsx", *BACKOFFICE),
    row("get", "/beheer/import/", *BACKOFFICE),
    row("get", "/beheer/import/voorbeeld.csv", *BACKOFFICE),
    row("get", "/beheer/import/{job.pk}/", *BACKOFFICE),
    row("get", "/beheer/logboek/", *BACKOFFICE),
    row("get", "/beheer/profielwijzigingen/", *BACKOFFICE),
    row("get", "/beheer/profielwijzigingen/{change.pk}/", *BACKOFFICE),
    row(
        "post",
        "/beheer/profielwijzigingen/{change.pk}/",
        *BACKOFFICE_POST,
        {"decision": "approve"},
    ),
    row("get", "/beheer/organisaties/{b.pk}/verwijderen", *BACKOFFICE),
    row("post", "/beheer/organisaties/{b.pk}/verwijderen", *BACKOFFICE_POST, {"confirm": "on"}),
    row("post", "/beheer/aanmeldingen/{pending.pk}/", *BACKOFFICE_POST, {"decision": "approve"}),
    row(
        "post", "/beheer/organisaties/{b.pk}/contactpersonen/{b2.pk}/verwijderen", *BACKOFFICE_POST
    ),
    row("post", "/beheer/import/{job.pk}/start", *BACKOFFICE_POST),
    row("post", "/beheer/import/", *BACKOFFICE_POST, "upload"),
    row("get", "/admin/", "/admin/login/", "/admin/login/", "/admin/login/", 200, "/admin/login/"),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    if data == "upload":
        data = {"file": SimpleUploadedFile("leden.csv", csv_bytes([org_row(1)]))}
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


@pytest.mark.parametrize(
    ("visitor", "allowed"),
    [("anon", False), ("a", False), ("b", False), ("pending", False), ("staff", True)],
)
def test_only_staff_approve_and_remove_in_the_back_office(visitor, allowed, world, client_for):
    client = client_for(world.users[visitor])
    client.post(f"/beheer/aanmeldingen/{world.pending.pk}/", {"decision": "approve"})
    client.post(f"/beheer/organisaties/{world.b.pk}/contactpersonen/{world.b2.pk}/verwijderen")
    world.pending.refresh_from_db()
    assert (world.pending.status == Status.APPROVED) is allowed
    assert ContactPerson.objects.filter(pk=world.b2.pk).exists() is not allowed


@pytest.mark.parametrize(
    ("visitor", "allowed"),
    [("anon", False), ("a", False), ("b", False), ("pending", False), ("staff", True)],
)
def test_only_staff_decide_profile_changes_and_delete_organisations(
    visitor, allowed, world, client_for
):
    client = client_for(world.users[visitor])
    client.post(f"/beheer/profielwijzigingen/{world.change.pk}/", {"decision": "approve"})
    client.post(f"/beheer/organisaties/{world.a.pk}/verwijderen", {"confirm": "on"})
    world.change.refresh_from_db()
    assert (world.change.state == ProfileChange.State.APPROVED) is allowed
    assert (Organisation.objects.get(pk=world.a.pk).status == Status.DELETED) is allowed


def test_a_member_cannot_remove_a_contact_of_another_organisation(world, client_for):
    response = client_for(world.users["a"]).post(f"/mijn/contactpersonen/{world.b2.pk}/verwijderen")
    assert response.status_code == 404
    assert ContactPerson.objects.filter(pk=world.b2.pk).exists()
    response = client_for(world.users["a"]).post(f"/mijn/contactpersonen/{world.a2.pk}/verwijderen")
    assert response.status_code == 302
    assert not ContactPerson.objects.filter(pk=world.a2.pk).exists()


def test_the_profile_form_only_ever_changes_ones_own_organisation(world, client_for):
    data = {
        "name": "Gekaapt",
        "city": "Gekaapt-stad",
        "province": "NL-UT",
        "sector": "C",
        "size_class": "klein",
        "website": "",
        "email": "",
        "phone": "",
        "description": "",
    }
    response = client_for(world.users["b"]).post(f"/mijn/profiel?organisation={world.a.pk}", data)
    assert response.status_code == 302
    a, b = Organisation.objects.get(pk=world.a.pk), Organisation.objects.get(pk=world.b.pk)
    assert (a.name, a.city) == ("Bakkerij A", "Utrecht")
    assert b.city == "Gekaapt-stad"
    # A new name waits for the project team (finding 8), and only ever for one's own.
    assert not a.profile_changes.exists()
    assert b.profile_changes.get().changes == {"name": "Gekaapt"}


# --- Contact details: for members of the network and the project team only ------------

SEES_CONTACTS = {"anon": False, "a": True, "b": True, "staff": True, "pending": False}
# The API pages through every organisation at once: contact details only for the team.
SEES_CONTACTS_IN_API = {"anon": False, "a": False, "b": False, "staff": True, "pending": False}


@pytest.mark.parametrize("visitor", VISITORS)
def test_contact_details_on_the_organisation_page(visitor, world, client_for):
    html = client_for(world.users[visitor]).get(f"/netwerk/{world.a.slug}/").content.decode()
    for secret in ("a@example.nl", "a2@x.nl", "algemeen@bakkerij-a.nl"):
        assert (secret in html) is SEES_CONTACTS[visitor]


@pytest.mark.parametrize("visitor", VISITORS)
def test_contact_details_in_the_api(visitor, world, client_for):
    client = client_for(world.users[visitor])
    listed = client.get("/api/v1/organisaties").json()["results"]
    detail = client.get(f"/api/v1/organisaties/{world.a.pk}").json()
    a = next(o for o in listed if o["id"] == world.a.pk)
    for body in (a, detail):
        # A contact of A reads its own organisation in full; nobody else's.
        sees = SEES_CONTACTS_IN_API[visitor] or (visitor == "a" and body is detail)
        assert ("contacts" in body) is sees
        assert ("email" in body) is sees
        assert ("a@example.nl" in str(body)) is sees
        if sees:
            assert {c["email"] for c in body["contacts"]} == {"a@example.nl", "a2@x.nl"}
            assert body["email"] == "algemeen@bakkerij-a.nl"


@pytest.mark.parametrize("visitor", VISITORS)
def test_pending_and_rejected_organisations_are_nowhere_in_the_directory(
    visitor, world, client_for
):
    client = client_for(world.users[visitor])
    html = client.get("/netwerk/").content.decode()
    api = client.get("/api/v1/organisaties?pageSize=100").json()
    names = {o["name"] for o in api["results"]}
    assert names == {"Bakkerij A", "Bouwbedrijf B"}
    assert api["count"] == 2
    assert "Bakkerij A" in html and "Bouwbedrijf B" in html
    assert "Wacht BV" not in html and "Afgewezen BV" not in html


# --- Changing a profile through the API --------------------------------------------------

PATCHES = [
    ("a", "session", "a", 200),
    ("a", "token", "a", 200),
    ("a", "session", "b", 403),
    ("a", "token", "b", 403),
    ("b", "token", "a", 403),
    ("staff", "session", "a", 403),
    ("pending", "token", "a", 403),
    ("pending", "token", "pending", 404),
    ("anon", None, "a", 401),
    ("anon", "bad-token", "a", 401),
]


@pytest.mark.parametrize(("visitor", "auth", "target", "status"), PATCHES)
def test_patch_an_organisation(visitor, auth, target, status, world, client_for, client):
    user = world.users[visitor]
    organisation = getattr(world, target)
    headers = {}
    if auth == "session":
        client = client_for(user)
    elif auth == "token":
        headers["Authorization"] = f"Token {api_key_for(user)}"
    elif auth == "bad-token":
        headers["Authorization"] = "Token 0123456789abcdef0123456789abcdef01234567"
    response = client.patch(
        f"/api/v1/organisaties/{organisation.pk}",
        {"city": "Gewijzigd"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == status
    organisation.refresh_from_db()
    assert (organisation.city == "Gewijzigd") is (status == 200)
    if status == 200:
        assert response.json()["city"] == "Gewijzigd"
    else:
        assert response["Content-Type"] == "application/problem+json"
    if status == 401:
        assert response["WWW-Authenticate"].startswith("Token")


@pytest.mark.parametrize("method", ["put", "delete", "post"])
def test_the_api_only_allows_patch_for_changes(method, world, client_for):
    response = getattr(client_for(world.users["a"]), method)(
        f"/api/v1/organisaties/{world.a.pk}", {}, content_type="application/json"
    )
    assert response.status_code == 405
    assert Organisation.objects.filter(pk=world.a.pk).exists()


# --- Two-factor login for staff ------------------------------------------------------------


@pytest.mark.parametrize("url", ["/beheer/", "/beheer/organisaties/", "/beheer/export.csv"])
def test_staff_without_two_factor_login_are_sent_to_set_it_up(url, client_for, db):
    staff = UserFactory(staff=True)
    response = client_for(staff).get(url)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    assert client_for(staff).get("/netwerk/").status_code == 200
