"""Our own identity on every page: the logo, favicons, the social preview with absolute
URLs, and the search box in the header."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db
PAGES = ["/", "/payitforward/keten", "/verhalen/", "/accounts/login/"]


def _meta(html: str, key: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return found.group(1) if found else ""


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_search_box_in_the_header_to_the_search_page(client, path):
    html = client.get(path).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    form = re.search(r'<form class="ov-header-search"[^>]*>', header).group(0)
    assert f'action="{reverse("knowledge:search")}"' in form and 'method="get"' in form
    assert 'role="search"' in form
    assert '<label class="ov-visually-hidden" for="ov-header-q">' in header
    assert 'type="search" id="ov-header-q" name="q"' in header


def test_the_header_search_leads_to_results(client):
    response = client.get(reverse("knowledge:search"), {"q": "gezond"})
    assert response.status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_the_logo_and_names_its_icons(client, path):
    html = client.get(path).content.decode()
    assert '<img class="ov-brand__logo" src="/static/img/logo.svg" alt=""' in html
    assert '<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">' in html
    assert 'rel="icon" href="/static/img/favicon.ico"' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html


def test_the_social_preview_uses_absolute_urls_and_the_page_title(client, settings):
    settings.SITE_URL = "https://olievlek.example"
    html = client.get(reverse("payitforward:chain")).content.decode()
    assert _meta(html, "og:url") == "https://olievlek.example/payitforward/keten"
    assert _meta(html, "og:image") == "https://olievlek.example/static/img/social-preview.png"
    assert _meta(html, "twitter:image") == _meta(html, "og:image")
    assert _meta(html, "og:title") == "De keten"
    assert _meta(html, "twitter:card") == "summary_large_image"
    assert _meta(html, "og:description").startswith("Het netwerk van werkgevers")
    assert _meta(html, "og:locale") == "nl_NL"


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("img/social-preview.png", (1200, 630)),
        ("img/favicon-32.png", (32, 32)),
        ("img/apple-touch-icon.png", (180, 180)),
    ],
)
def test_the_raster_images_have_their_sizes(name, size):
    with Image.open(finders.find(name)) as image:
        assert image.size == size


def test_the_favicon_ico_holds_the_small_sizes():
    with Image.open(finders.find("img/favicon.ico")) as icon:
        assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


def test_the_logo_is_our_own_small_svg():
    text = open(finders.find("img/logo.svg"), encoding="utf-8").read()
    assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"')
    assert "<title>Olievlek</title>" in text
    assert "<script" not in text and "href" not in text
