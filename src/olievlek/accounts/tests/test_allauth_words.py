"""allauth's pages, messages and form errors speak our Dutch (formal "u", B1, the site's
own words) inside the site's layout."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from olievlek.network.tests.factories import PASSWORD
from olievlek.site.tests.test_language_forms import INFORMAL, _VisibleText

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "account_login",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]
ACCOUNT_PAGES = [
    "account_logout",
    "account_change_password",
    "account_email",
    "account_reauthenticate",
    "mfa_index",
]


def _dutch(client, url: str) -> tuple[str, str]:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    parser = _VisibleText()
    parser.feed(html)
    return html, " ".join(" ".join(parser.parts).split())


def _assert_ours(html: str, text: str) -> None:
    assert INFORMAL.findall(text) == [], text
    assert 'class="utrecht-heading-1"' in html  # our layout and elements, not allauth's
    assert 'href="#main"' in html or "ov-skip" in html


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_allauth_pages_for_visitors_speak_formal_dutch_in_our_layout(client, name):
    _assert_ours(*_dutch(client, reverse(name)))


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_allauth_pages_for_members_speak_formal_dutch_in_our_layout(client_for, user_a, name):
    _assert_ours(*_dutch(client_for(user_a), reverse(name)))


def test_the_two_step_pages_of_the_team_speak_formal_dutch(client_for, staff_user):
    html, text = _dutch(client_for(staff_user), reverse("mfa_index"))
    _assert_ours(html, text)
    assert "Inloggen met een code uit uw app staat aan." in text


def test_an_invalid_password_reset_link_says_so_in_our_words(client):
    url = reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"})
    html, text = _dutch(client, url)
    _assert_ours(html, text)
    assert "Deze link werkt niet meer." in text


def test_logging_out_uses_the_words_of_the_menu(client_for, user_a):
    client = client_for(user_a)
    _html, text = _dutch(client, reverse("account_logout"))
    assert "Wilt u uitloggen?" in text and "Afmelden" not in text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = client.post(reverse("account_logout"), follow=True)
    assert "U bent uitgelogd." in response.content.decode()


def test_a_wrong_password_is_refused_in_formal_dutch(client, user_a):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = client.post(
        reverse("account_login"), {"login": user_a.email, "password": PASSWORD + "x"}
    )
    html = response.content.decode()
    assert "Het e-mailadres of het wachtwoord klopt niet." in html
    assert not INFORMAL.search(re.sub(r"<[^>]+>", " ", html))


def test_the_new_password_field_explains_the_rules_before_typing(client_for, user_a):
    _html, text = _dutch(client_for(user_a), reverse("account_change_password"))
    assert "Uw wachtwoord moet minstens 10 tekens lang zijn." in text


def test_setting_up_the_authenticator_app_speaks_formal_dutch(client, staff_without_mfa):
    client.post(reverse("account_login"), {"login": staff_without_mfa.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    html, text = _dutch(client, reverse("mfa_activate_totp"))
    _assert_ours(html, text)
    assert "Scan de QR-code hieronder met uw app voor inlogcodes." in text
