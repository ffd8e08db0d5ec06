"""Security review finding 4: guessing passwords and two-factor codes is limited, per
account and per address, in every configuration a person runs (the test settings switch
the limits off; these tests switch the configured ones back on)."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client, override_settings
from django.urls import reverse

from olievlek.accounts.tests.support import TOTP_SECRET, totp_now
from olievlek.network.tests.factories import PASSWORD, UserFactory
from olievlek.site import settings as configured

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
limits_on = override_settings(ACCOUNT_RATE_LIMITS=configured.ACCOUNT_RATE_LIMITS)


def _client(address: str = "198.51.100.7") -> Client:
    return Client(REMOTE_ADDR=address)


def _login(client, email: str, password: str):
    return client.post(LOGIN, {"login": email, "password": password})


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_demo_and_production_configuration_limit_failed_logins():
    """The settings a person runs (`make demo` is not production) have the limits on."""
    assert not configured.IS_PRODUCTION
    rates = configured.ACCOUNT_RATE_LIMITS
    assert isinstance(rates, dict)
    assert rates["login_failed"] == "20/15m/ip,5/15m/key"


@limits_on
def test_an_account_is_locked_after_five_wrong_passwords(user_a):
    client = _client()
    for _ in range(5):
        response = _login(client, user_a.email, "fout-wachtwoord")
        assert response.status_code == 200 and not _logged_in(client)
    response = _login(_client("203.0.113.9"), user_a.email, PASSWORD)  # the right one
    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()
    assert not _logged_in(client)


@limits_on
def test_below_the_limit_the_right_password_still_works(user_a):
    client = _client()
    for _ in range(4):
        _login(client, user_a.email, "fout-wachtwoord")
    assert _login(client, user_a.email, PASSWORD).status_code == 302
    assert _logged_in(client)


@limits_on
def test_an_address_is_locked_after_twenty_failures_on_any_accounts(user_a):
    client = _client()
    for n in range(20):
        _login(client, f"gok{n % 5}@example.nl", "fout-wachtwoord")
    response = _login(client, user_a.email, PASSWORD)
    assert response.status_code == 200 and not _logged_in(client)
    assert "Te veel inlogpogingen" in response.content.decode()
    other = _client("203.0.113.9")  # another address still logs in
    assert _login(other, user_a.email, PASSWORD).status_code == 302


@limits_on
def test_two_factor_codes_are_limited_per_account():
    user = UserFactory(staff=True, email="team@olievlek.test")
    TOTP.activate(user, TOTP_SECRET)
    client = _client()
    assert _login(client, user.email, PASSWORD).url == reverse("mfa_authenticate")
    for _ in range(5):
        assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"code": totp_now()})
    assert response.status_code == 200
    assert not _logged_in(client)
    assert client.get("/beheer/").status_code == 302


def test_without_limits_the_suite_may_fail_logins_freely(user_a):
    """The switch in settings_test: the lockout above comes from the configured limits."""
    client = _client()
    for _ in range(8):
        _login(client, user_a.email, "fout-wachtwoord")
    assert _login(client, user_a.email, PASSWORD).status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS={"login": "2/m/ip"})
def test_too_many_login_posts_from_one_address_get_a_dutch_429_page(user_a):
    client = _client()
    for _ in range(2):
        _login(client, user_a.email, "fout-wachtwoord")
    response = _login(client, user_a.email, PASSWORD)
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    assert not _logged_in(client)
