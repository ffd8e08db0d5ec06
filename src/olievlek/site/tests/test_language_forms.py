"""One form of address in Dutch (u, never je/jij/jouw) and a complete English interface."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[2]
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", re.IGNORECASE)


def _dutch_catalogues() -> list[Path]:
    return sorted(PACKAGE.glob("**/locale/nl/LC_MESSAGES/django.po"))


def _dutch_templates() -> list[Path]:
    """Templates written in Dutch: the `_nl` pages, and every mail and text template is
    rendered in the reader's language from English msgids (so only `_nl` are Dutch)."""
    return sorted(PACKAGE.glob("**/templates/**/*_nl.html"))


def test_there_are_dutch_catalogues_and_templates_to_scan():
    assert len(_dutch_catalogues()) >= 10
    assert _dutch_templates()


def test_the_dutch_catalogues_address_the_reader_as_u():
    informal = []
    for path in _dutch_catalogues():
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text and INFORMAL.search(text):
                    informal.append(f"{path.relative_to(PACKAGE)}: {entry.msgid!r} → {text!r}")
    assert informal == []


def test_the_dutch_templates_address_the_reader_as_u():
    informal = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in _dutch_templates()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if INFORMAL.search(re.sub(r"<[^>]+>", " ", line))
    ]
    assert informal == []


class _VisibleText(HTMLParser):
    """The text a reader sees: no script, style, or code samples."""

    SKIP = {"script", "style", "code", "pre", "template"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        for name, value in attrs:
            if name in {"aria-label", "title", "placeholder", "alt"} and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


# Common Dutch words that no English sentence has (checked as whole words).
DUTCH_WORDS = re.compile(
    r"\b(het|een|uw|niet|wordt|zijn|bijeenkomst|bijeenkomsten|aanmelden|inloggen|"
    r"wachtwoord|opslaan|verwijderen|bekijken|werkgevers|thema's|verhalen)\b",
    re.IGNORECASE,
)


def _english_text(client, url: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    assert '<html lang="en"' in response.content.decode(), url
    parser = _VisibleText()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


PUBLIC_PAGES = [
    "home",
    "network:directory",
    "network:register",
    "events:calendar",
    "payitforward:index",
    "payitforward:offers",
    "accessibility",
    "privacy",
    "account_login",
    "account_reset_password",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_in_english_show_no_dutch_words(client, name):
    text = _english_text(client, reverse(name))
    assert DUTCH_WORDS.findall(text) == [], text


MEMBER_PAGES = [
    "network:member_home",
    "network:member_profile",
    "network:member_themes",
    "network:member_contacts",
    "knowledge:my_story_new",
    "account_change_password",
    "account_email",
    "mfa_index",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_pages_in_english_show_no_dutch_words(client_for, user_a, name):
    text = _english_text(client_for(user_a), reverse(name))
    assert DUTCH_WORDS.findall(text) == [], text
