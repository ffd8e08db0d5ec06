"""Security review findings 1 and 2: staff powers only after the second factor."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

from olievlek.accounts.access import is_team
from olievlek.accounts.tests.support import TOTP_SECRET, login_with_mfa, totp_now
from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.tests.factories import PASSWORD, UserFactory
from olievlek.payitforward.tests.factories import MatchFactory

pytestmark = pytest.mark.django_db


def _staff(totp: bool = True):
    user = UserFactory(staff=True, email="team@olievlek.test")
    if totp:
        TOTP.activate(user, TOTP_SECRET)
    return user


def test_admin_login_form_does_not_accept_a_password(client):
    """Finding 1: POST /admin/login/ with a staff password used to open the back office."""
    _staff()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "team@olievlek.test", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/beheer/").status_code == 302
    assert client.get("/admin/").status_code == 302


def test_admin_login_page_sends_to_the_one_allauth_login(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/accounts/user/"


def test_password_only_session_of_staff_with_totp_is_sent_to_log_in_again(client):
    user = _staff()
    client.force_login(user)  # a session without the second factor
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session  # logged out; logging in asks the code
    client.force_login(user)
    assert client.get("/admin/").status_code == 302


def test_staff_without_totp_is_sent_to_set_it_up(client):
    client.force_login(_staff(totp=False))
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_allauth_login_with_totp_code_gives_the_back_office(client):
    _staff()
    response = client.post(
        reverse("account_login"), {"login": "team@olievlek.test", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/beheer/").status_code == 302  # not logged in yet
    code = totp_now()
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db(transaction=True)  # allauth records the activation after commit
def test_activating_totp_in_the_session_completes_the_second_factor(client):
    _staff(totp=False)
    client.post(reverse("account_login"), {"login": "team@olievlek.test", "password": PASSWORD})
    assert client.get("/beheer/").url == reverse("mfa_activate_totp")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # allauth asks it
    assert client.get("/beheer/").status_code == 302  # a password is still not enough
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200


def test_completed_second_factor_marks_the_request_user(client, rf):
    user = _staff()
    login_with_mfa(client, user)
    response = client.get("/")
    assert is_team(response.wsgi_request.user)


@pytest.fixture
def password_only_staff(client):
    """Finding 2: a staff account logged in with a password only (no TOTP set up)."""
    client.force_login(_staff(totp=False))
    return client


def test_password_only_staff_cannot_read_registrants(password_only_staff):
    event = EventFactory()
    registration = RegistrationFactory(event=event, email="geheim@example.nl")
    response = password_only_staff.get(f"/api/v1/bijeenkomsten/{event.pk}/aanmeldingen")
    assert response.status_code in (403, 404)
    assert registration.email not in response.content.decode()


def test_password_only_staff_cannot_list_every_match(password_only_staff):
    MatchFactory.create_batch(3)
    response = password_only_staff.get("/api/v1/matches")
    assert response.status_code == 403


def test_password_only_staff_cannot_start_a_match_round(password_only_staff):
    response = password_only_staff.post("/api/v1/matchrondes", {}, content_type="application/json")
    assert response.status_code == 403


def test_password_only_staff_cannot_read_draft_stories(password_only_staff):
    story = StoryFactory(title="Nog geheim concept")
    assert password_only_staff.get(f"/verhalen/{story.slug}/").status_code == 404


def test_password_only_staff_cannot_see_invite_only_meetings(password_only_staff):
    event = EventFactory(invited_only=True, title="Besloten sessie")
    assert password_only_staff.get(f"/bijeenkomsten/{event.slug}/").status_code == 404
    assert "Besloten sessie" not in password_only_staff.get("/bijeenkomsten/").content.decode()


def test_password_only_staff_cannot_cancel_someone_elses_registration(password_only_staff):
    registration = RegistrationFactory()
    response = password_only_staff.post(
        f"/mijn/bijeenkomsten/aanmeldingen/{registration.pk}/annuleren"
    )
    assert response.status_code in (403, 404)
    registration.refresh_from_db()
    assert registration.state == "confirmed"


def test_password_only_staff_sees_no_back_office_link(password_only_staff):
    assert "/beheer/" not in password_only_staff.get("/").content.decode()
