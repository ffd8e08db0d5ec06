"""The layout's head links and footer are rendered once per process and language
(settings: CACHES["fragments"]); what differs per page stays out of them."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.test import override_settings

pytestmark = pytest.mark.django_db

PRODUCTION_FRAGMENTS = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "d"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "f"},
}


def _meta(html: str, name: str) -> str:
    return re.search(rf'<meta property="{name}" content="([^"]*)"', html).group(1)


@pytest.fixture
def fragments():
    with override_settings(CACHES=PRODUCTION_FRAGMENTS, OLIEVLEK_PAGE_CACHE=False):
        caches["fragments"].clear()
        yield caches["fragments"]


def test_each_page_keeps_its_own_title_and_address_under_the_cached_head(fragments, client):
    privacy = client.get("/privacy").content.decode()
    accessibility = client.get("/toegankelijkheid").content.decode()
    assert _meta(privacy, "og:url").endswith("/privacy")
    assert _meta(accessibility, "og:url").endswith("/toegankelijkheid")
    assert _meta(privacy, "og:title") != _meta(accessibility, "og:title")
    assert 'rel="stylesheet"' in accessibility and "utrecht-page-footer" in accessibility


def test_each_language_gets_its_own_head_and_footer(fragments, client):
    dutch = client.get("/privacy").content.decode()
    client.get("/taal/en?next=/privacy")
    english = client.get("/privacy").content.decode()
    assert _meta(dutch, "og:locale") == "nl_NL"
    assert _meta(english, "og:locale") == "en_GB"
    assert "Accessibility" in english.split("utrecht-page-footer", 1)[1]
    assert "Toegankelijkheid" in dutch.split("utrecht-page-footer", 1)[1]


def _menu(html: str) -> str:
    return html.split('id="ov-menu"', 1)[1].split("</nav>", 1)[0]


def test_the_cached_header_and_menu_keep_each_visitors_own_items(
    fragments, client, client_for, user_a
):
    anonymous = _menu(client.get("/privacy").content.decode())
    member = _menu(client_for(user_a).get("/privacy").content.decode())
    assert "Inloggen" in anonymous and "Mijn organisatie" not in anonymous
    assert "Mijn organisatie" in member and "Uitloggen" in member and "Inloggen" not in member
    assert anonymous.split("</a></li>", 1)[0] == member.split("</a></li>", 1)[0]  # "Netwerk"


def test_the_cached_menu_follows_the_language_and_the_switch_keeps_the_page(fragments, client):
    client.get("/taal/en?next=/privacy")
    html = client.get("/toegankelijkheid").content.decode()
    assert ">Network</a>" in _menu(html) and "Skip to main content" in html
    assert "next=/toegankelijkheid" in html.split("ov-lang__button", 1)[1].split(">", 1)[0]
