"""Staff see who has not accepted an invitation and send it again: team only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from olievlek.mail.models import OutboundMail
from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome, row_maker

from ..models import Invitation
from .factories import InvitationFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "staff", "staff_without_mfa")
TOTP_SETUP = reverse("mfa_activate_totp")


@pytest.fixture
def world(user_a, staff_user, staff_without_mfa):
    return SimpleNamespace(
        open=InvitationFactory(invited_by=staff_user),
        users={
            "anon": None,
            "a": user_a,
            "staff": staff_user,
            "staff_without_mfa": staff_without_mfa,
        },
    )


row = row_maker(VISITORS)

MATRIX = [
    row("get", "/beheer/uitnodigingen/", LOGIN, 403, 200, TOTP_SETUP),
    row("post", "/beheer/uitnodigingen/{open.pk}/opnieuw-versturen", LOGIN, 403, 302, TOTP_SETUP),
    row("get", "/beheer/uitnodigingen/{open.pk}/opnieuw-versturen", 405, 405, 405, TOTP_SETUP),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


def test_resend_gives_a_new_link_and_mails_it(
    world, client_for, staff_user, django_capture_on_commit_callbacks
):
    old_token = world.open.token
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff_user).post(f"/beheer/uitnodigingen/{world.open.pk}/opnieuw-versturen")
    invitation = Invitation.objects.get(pk=world.open.pk)
    assert invitation.token != old_token
    assert invitation.token in OutboundMail.objects.get(recipient=invitation.email).body_text


def test_the_list_shows_only_invitations_not_accepted(world, client_for, staff_user):
    from django.utils import timezone

    accepted = InvitationFactory(accepted_at=timezone.now())
    html = client_for(staff_user).get("/beheer/uitnodigingen/").content.decode()
    assert world.open.email in html and accepted.email not in html
