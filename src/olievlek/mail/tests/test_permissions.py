"""Who may see outgoing mail and send it again: the project team only (with its second
factor). Everyone else is sent to log in, refused, or (staff without the second factor)
sent to set it up."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome, row_maker

from .factories import OutboundMailFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "b", "staff", "pending", "staff_without_mfa")
TOTP_SETUP = reverse("mfa_activate_totp")
TEAM = (LOGIN, 403, 403, 200, 403, TOTP_SETUP)
TEAM_POST = (LOGIN, 403, 403, 302, 403, TOTP_SETUP)


@pytest.fixture
def world(user_a, user_b, staff_user, staff_without_mfa):
    pending = ContactPersonFactory(organisation__status=Status.PENDING)
    return SimpleNamespace(
        sent=OutboundMailFactory(sent=True, recipient=user_a.email),
        failed=OutboundMailFactory(failed=True, recipient=user_b.email),
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
            "staff_without_mfa": staff_without_mfa,
        },
    )


row = row_maker(VISITORS)

MATRIX = [
    row("get", "/beheer/mail/", *TEAM),
    row("get", "/beheer/mail/?state=failed&page=2", *TEAM),
    row("get", "/beheer/mail/{sent.pk}/", *TEAM),
    row("get", "/beheer/mail/{failed.pk}/", *TEAM),
    row("post", "/beheer/mail/{failed.pk}/opnieuw-versturen", *TEAM_POST),
    row("get", "/beheer/mail/{failed.pk}/opnieuw-versturen", *(405,) * 5, TOTP_SETUP),
    row("get", "/beheer/mail/999999/", LOGIN, 403, 403, 404, 403, TOTP_SETUP),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


def test_the_list_filters_by_state_newest_first(world, client_for, staff_user):
    newer_failed = OutboundMailFactory(failed=True, recipient="nieuwer@example.nl")
    html = client_for(staff_user).get("/beheer/mail/?state=failed").content.decode()
    assert world.users["a"].email not in html  # sent, not failed
    assert html.index("nieuwer@example.nl") < html.index(world.users["b"].email)
    assert newer_failed.subject in html


def test_the_list_is_paged(client_for, staff_user):
    OutboundMailFactory.create_batch(51, sent=True)
    staff = client_for(staff_user)
    first = staff.get("/beheer/mail/").content.decode()
    assert first.count('href="/beheer/mail/') - first.count('href="/beheer/mail/?') >= 50
    assert 'rel="next"' in first
    assert staff.get("/beheer/mail/?page=2").status_code == 200
