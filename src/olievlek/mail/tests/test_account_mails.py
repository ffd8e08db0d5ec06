"""Security review, findings 5 and 16 for allauth's mails: queued like every other mail,
in Dutch and in our words, naming the platform and linking to the public address
(`SITE_URL`), never to the host a request named, nor "example.com"."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from olievlek.accounts.tests.support import login_with_mfa, totp_now
from olievlek.network.tests.factories import PASSWORD, UserFactory

from ..models import OutboundMail
from .test_regressions import SIGN_UP

pytestmark = pytest.mark.django_db

SITE = "https://olievlek.example.nl"
NOT_OURS = ("example.com", "testserver", "127.0.0.1:8000", "Hallo van", "Hello from")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def assert_ours(message):
    for text in (message.subject, message.body, message.alternatives[0][0]):
        for foreign in NOT_OURS:
            assert foreign not in text, (foreign, text)
    assert "&amp;" not in message.body and "&#x27;" not in message.body
    assert "Het projectteam van Olievlek" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_the_verification_mail_is_dutch_names_the_platform_and_links_to_site_url(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/aanmelden", {**SIGN_UP, "first_name": "Noor & Co's"})
    (message,) = mail.outbox
    assert message.subject == "[Olievlek] Bevestig uw e-mailadres voor Olievlek"
    assert message.body.startswith("Beste Noor & Co's,")
    assert "Bedankt voor het aanmelden van uw organisatie bij Olievlek" in message.body
    assert f"{SITE}/accounts/confirm-email/" in message.body
    assert_ours(message)
    queued = OutboundMail.objects.get()
    assert (queued.kind, queued.state) == (
        "account/email/email_confirmation_signup",
        OutboundMail.State.SENT,
    )


def test_the_password_reset_link_uses_site_url_not_the_host_the_request_named(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="eva@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_reset_password"),
            {"email": "eva@example.nl"},
            HTTP_HOST="localhost",
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "[Olievlek] Kies een nieuw wachtwoord voor Olievlek"
    assert f"{SITE}/accounts/password/reset/key/" in message.body
    assert "localhost" not in message.body
    assert_ours(message)


def test_a_password_reset_for_an_unknown_address_points_to_registering_the_organisation(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "onbekend@example.nl"})
    (message,) = mail.outbox
    assert message.subject == "[Olievlek] Uw verzoek aan Olievlek"
    assert "Er is geen account met dit adres." in message.body
    assert f"{SITE}/aanmelden" in message.body
    assert_ours(message)


def test_turning_on_two_factor_login_is_notified_by_mail(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(staff=True, email="team@olievlek.test")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    (message,) = mail.outbox
    assert message.to == ["team@olievlek.test"]
    assert message.subject == "[Olievlek] Inloggen bij Olievlek vraagt nu om een code"
    assert "Heeft u dit niet zelf gedaan?" in message.body
    assert f"{SITE}/accounts/password/reset/" in message.body
    assert_ours(message)


def test_a_password_change_is_notified_by_mail(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="eva@example.nl")
    login_with_mfa(client, user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_change_password"),
            {
                "oldpassword": PASSWORD,
                "password1": "nieuw-wachtwoord-88",
                "password2": "nieuw-wachtwoord-88",
            },
        )
    (message,) = mail.outbox
    assert message.subject == "[Olievlek] Uw wachtwoord voor Olievlek is veranderd"
    assert_ours(message)


def test_a_password_reset_is_written_in_the_persons_own_language(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="eva@example.nl", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "eva@example.nl"})
    (message,) = mail.outbox
    assert message.subject == "[Olievlek] Set a new password for Olievlek"
