"""Who may do what: every page and API endpoint of meetings, tried by every kind of
visitor: anonymous, the contacts of approved organisations A and B, the project team
(staff, with two-factor login), the contact of a pending organisation, and the contact
of a partner organisation that organises a meeting of its own."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest

from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome, row_maker

from ..models import Division, DivisionInvitee, FollowUp
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "b", "staff", "pending", "partner")
API_LOGIN = 401


@pytest.fixture
def world(org_a, org_b, user_a, user_b, staff_user):
    pending = ContactPersonFactory(organisation__status=Status.PENDING)
    partner = ContactPersonFactory(organisation__is_partner=True, organisation__name="Branche P")
    pub = EventFactory(title="Open")
    members = EventFactory(members_only=True)
    invited = EventFactory(invited_only=True)
    invited.invited_organisations.add(org_a)
    own = EventFactory(organisation=partner.organisation, today=True)
    past = EventFactory(past=True)
    reg_a = RegistrationFactory(event=pub, organisation=org_a, email=user_a.email)
    reg_b = RegistrationFactory(event=pub, organisation=org_b, email=user_b.email)
    reg_own = RegistrationFactory(event=own)
    past_a = RegistrationFactory(event=past, organisation=org_a)
    past_b = RegistrationFactory(event=past, organisation=org_b)
    due = past.starts_at.date() + timedelta(days=30)
    session = EventFactory(session=True, capacity=10)
    division = Division.objects.create(title="Indeling")
    division.sessions.add(session)
    invitee = DivisionInvitee.objects.create(division=division, organisation=org_b)
    return SimpleNamespace(
        pub=pub,
        members=members,
        invited=invited,
        own=own,
        reg_a=reg_a,
        reg_b=reg_b,
        reg_own=reg_own,
        fu_a=FollowUp.objects.create(
            event=past,
            registration=past_a,
            organisation=org_a,
            description="x",
            theme="apk",
            due_date=due,
        ),
        fu_b=FollowUp.objects.create(
            event=past,
            registration=past_b,
            organisation=org_b,
            description="y",
            theme="apk",
            due_date=due,
        ),
        division=division,
        invitee=invitee,
        session=session,
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
            "partner": partner.user,
        },
    )


row = row_maker(VISITORS)


ALL_200 = (200,) * 6
MEMBERS_ONLY = (404, 200, 200, 200, 404, 200)
MEMBER = (LOGIN, 200, 200, 403, 403, 200)
ORGANISER = (LOGIN, 403, 403, 200, 403, 200)
STAFF_ONLY = (LOGIN, 403, 403, 200, 403, 403)
STAFF_POST = (LOGIN, 403, 403, 302, 403, 403)
OWN_EVENT = (LOGIN, 403, 403, 200, 403, 200)
PEOPLE = {"people": [{"name": "Nieuw", "email": "nieuw@example.nl"}]}

MATRIX = [
    # The public calendar and the personal links from the mails.
    row("get", "/bijeenkomsten/", *ALL_200),
    row("get", "/bijeenkomsten/?when=past", *ALL_200),
    row("get", "/bijeenkomsten/agenda.ics", *ALL_200),
    row("get", "/bijeenkomsten/{pub.slug}/", *ALL_200),
    row("get", "/bijeenkomsten/{pub.slug}/agenda.ics", *ALL_200),
    row("get", "/bijeenkomsten/{pub.slug}/aanmelden", *ALL_200),
    row("get", "/bijeenkomsten/{pub.slug}/aanmelden/verstuurd", *ALL_200),
    # Only the visitor whose registration in this session waits for confirmation.
    row("post", "/bijeenkomsten/{pub.slug}/aanmelden/opnieuw-mailen", *(404,) * 6),
    row("get", "/bijeenkomsten/{members.slug}/", *MEMBERS_ONLY),
    row("get", "/bijeenkomsten/{members.slug}/agenda.ics", *MEMBERS_ONLY),
    row("get", "/bijeenkomsten/{invited.slug}/", 404, 200, 404, 200, 404, 404),
    row("get", "/bijeenkomsten/{own.slug}/", *ALL_200),
    row("get", "/bijeenkomsten/aanmelding/{reg_a.token}", *ALL_200),
    row("get", "/bijeenkomsten/aanmelding/{reg_a.token}/agenda.ics", *ALL_200),
    row("get", "/bijeenkomsten/aanmelding/onbekend/agenda.ics", *(404,) * 6),
    row("get", "/bijeenkomsten/beschikbaarheid/{invitee.token}", *ALL_200),
    row("get", "/bijeenkomsten/beschikbaarheid/onbekend", *(404,) * 6),
    # The member area.
    row("get", "/mijn/bijeenkomsten/", *MEMBER),
    row("get", "/mijn/vervolgactiviteiten/nieuw", *MEMBER),
    row(
        "post",
        "/mijn/bijeenkomsten/aanmeldingen/{reg_a.pk}/annuleren",
        LOGIN,
        302,
        404,
        403,
        403,
        404,
    ),
    row("post", "/mijn/vervolgactiviteiten/{fu_a.pk}/afgerond", LOGIN, 302, 404, 403, 403, 404),
    # Managing meetings: staff everything, a partner its own meetings.
    row("get", "/beheer/bijeenkomsten/", *ORGANISER),
    row("get", "/beheer/bijeenkomsten/nieuw", *ORGANISER),
    row("get", "/beheer/bijeenkomsten/{pub.pk}/", *STAFF_ONLY),
    row("get", "/beheer/bijeenkomsten/{pub.pk}/aanmeldingen", *STAFF_ONLY),
    row("get", "/beheer/bijeenkomsten/{pub.pk}/presentielijst", *STAFF_ONLY),
    row("get", "/beheer/bijeenkomsten/{pub.pk}/vervolgactiviteiten", *STAFF_ONLY),
    row("get", "/beheer/bijeenkomsten/{own.pk}/", *OWN_EVENT),
    row("get", "/beheer/bijeenkomsten/{own.pk}/aanmeldingen", *OWN_EVENT),
    row("get", "/beheer/bijeenkomsten/{own.pk}/presentielijst", *OWN_EVENT),
    row("get", "/beheer/bijeenkomsten/{own.pk}/vervolgactiviteiten", *OWN_EVENT),
    row("get", "/beheer/bijeenkomsten/999999/", LOGIN, 404, 404, 404, 404, 404),
    # Reviewing a partner's meeting: the project team only.
    row("post", "/beheer/bijeenkomsten/{own.pk}/publiceren", *STAFF_POST),
    row("post", "/beheer/bijeenkomsten/{own.pk}/afwijzen", *STAFF_POST, {"reason": "Nee"}),
    row("post", "/beheer/bijeenkomsten/{pub.pk}/aanmeldingen/{reg_b.pk}/annuleren", *STAFF_POST),
    row(
        "post",
        "/beheer/bijeenkomsten/{own.pk}/presentielijst/{reg_own.pk}",
        LOGIN,
        403,
        403,
        302,
        403,
        302,
        {"attendance": "present"},
    ),
    # Dividing over sessions: the project team.
    row("get", "/beheer/bijeenkomsten/indelingen/", *STAFF_ONLY),
    row("get", "/beheer/bijeenkomsten/indelingen/nieuw", *STAFF_ONLY),
    row("get", "/beheer/bijeenkomsten/indelingen/{division.pk}/", *STAFF_ONLY),
    row("post", "/beheer/bijeenkomsten/indelingen/{division.pk}/uitnodigen", *STAFF_POST),
    row("post", "/beheer/bijeenkomsten/indelingen/{division.pk}/berekenen", *STAFF_POST),
    row("post", "/beheer/bijeenkomsten/indelingen/{division.pk}/publiceren", *STAFF_POST),
    row(
        "post",
        "/beheer/bijeenkomsten/indelingen/{division.pk}/verplaatsen/{invitee.pk}",
        *STAFF_POST,
        {"session": ""},
    ),
    # The API.
    row("get", "/api/v1/bijeenkomsten", *ALL_200),
    row("get", "/api/v1/bijeenkomsten/{pub.pk}", *ALL_200),
    row("get", "/api/v1/bijeenkomsten/{members.pk}", *MEMBERS_ONLY),
    row("get", "/api/v1/bijeenkomsten/{pub.pk}/aanmeldingen", API_LOGIN, 200, 200, 200, 403, 200),
    row(
        "get",
        "/api/v1/bijeenkomsten/{pub.pk}/aanmeldingen/{reg_a.pk}",
        API_LOGIN,
        200,
        404,
        200,
        403,
        404,
    ),
    row(
        "delete",
        "/api/v1/bijeenkomsten/{pub.pk}/aanmeldingen/{reg_a.pk}",
        API_LOGIN,
        204,
        404,
        204,
        403,
        404,
    ),
    row(
        "post",
        "/api/v1/bijeenkomsten/{pub.pk}/aanmeldingen",
        API_LOGIN,
        201,
        201,
        403,
        403,
        201,
        "json",
    ),
    row(
        "post",
        "/api/v1/bijeenkomsten/{invited.pk}/aanmeldingen",
        API_LOGIN,
        201,
        404,
        403,
        403,
        404,
        "json",
    ),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    client = client_for(world.users[visitor])
    if data == "json":
        response = client.post(url, PEOPLE, content_type="application/json")
    else:
        response = getattr(client, method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


def test_a_partner_cannot_edit_another_organisations_meeting(world, client_for):
    partner = world.users["partner"]
    response = client_for(partner).post(f"/beheer/bijeenkomsten/{world.pub.pk}/", {"title": "x"})
    assert response.status_code == 403
    world.pub.refresh_from_db()
    assert world.pub.title == "Open"


def test_staff_without_two_factor_login_are_sent_to_set_it_up(world, client_for):
    from olievlek.network.tests.factories import UserFactory

    response = client_for(UserFactory(staff=True)).get("/beheer/bijeenkomsten/")
    assert response.status_code == 302 and "/accounts/2fa/" in response.url
