"""The privacy statement describes what the platform does: the periods it quotes are the
ones the code uses, and it claims nothing that does not exist."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils.html import strip_tags

from olievlek.accounts.tokens import MAX_LIFETIME_DAYS
from olievlek.mail.services import RETENTION as MAIL_RETENTION
from olievlek.network.services.erasure import DELETED_NAME
from olievlek.network.services.signups import UNVERIFIED_DAYS

pytestmark = pytest.mark.django_db


def _text(client, language: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get("/privacy").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(strip_tags(main).split())


DUTCH = {
    "signups_purge": "na {} dagen",
    "signups_expire": "binnen {} dagen is bevestigd",
    "werkvloer_retention": "{} maanden nadat een ronde is gesloten",
    "mail log": "Na {} dagen verwijderen wij die",
    "API keys": "hoogstens {} dagen geldig",
    "scan group": "minstens {} mensen",
}
ENGLISH = {
    "signups_purge": "deleted after {} days",
    "signups_expire": "not confirmed within {} days",
    "werkvloer_retention": "{} months after a round has closed",
    "mail log": "We delete it after {} days",
    "API keys": "at most {} days",
    "scan group": "at least {} people",
}


def _periods() -> dict:
    return {
        "signups_purge": settings.OLIEVLEK_SIGNUP_RETENTION_DAYS,
        "signups_expire": UNVERIFIED_DAYS,
        "werkvloer_retention": settings.OLIEVLEK_SCAN_RETENTION_MONTHS,
        "mail log": MAIL_RETENTION.days,
        "API keys": MAX_LIFETIME_DAYS,
        "scan group": settings.OLIEVLEK_SCAN_MIN_GROUP,
    }


@pytest.mark.parametrize(("language", "phrases"), [("nl", DUTCH), ("en", ENGLISH)])
def test_the_privacy_statement_names_the_retention_periods_the_code_uses(client, language, phrases):
    text = _text(client, language)
    for what, value in _periods().items():
        assert phrases[what].format(value) in text, what


def test_the_privacy_statement_follows_a_changed_retention_setting(client, settings):
    settings.OLIEVLEK_SIGNUP_RETENTION_DAYS = 45
    settings.OLIEVLEK_SCAN_RETENTION_MONTHS = 6
    text = _text(client, "nl")
    assert "na 45 dagen" in text and "6 maanden nadat een ronde is gesloten" in text


def test_the_privacy_statement_names_the_cookies_the_site_sets(client):
    text = _text(client, "nl")
    for name in (
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
    ):
        assert name in text
    assert f"hoogstens {settings.SESSION_COOKIE_AGE // 86400} dagen" in text


def test_the_privacy_statement_promises_no_deletion_that_the_code_does_not_do(client):
    text = _text(client, "nl")
    # There is no job that deletes contact details some months after leaving.
    assert not re.search(r"drie maanden nadat een organisatie", text)
    assert DELETED_NAME in text  # what deleting does instead


def test_the_privacy_statement_links_to_the_members_own_data(client):
    html = client.get("/privacy").content.decode()
    assert 'href="/mijn/gegevens"' in html
