"""Breadcrumbs on every page below the top level, found from the URL's parent pages."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from olievlek.site.breadcrumbs import Crumb, parents

pytestmark = pytest.mark.django_db


def _trail(html: str) -> str:
    found = re.search(r'<nav class="ov-breadcrumbs".*?</nav>', html, re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("path", ["/", "/verhalen/", "/privacy", "/netwerk/"])
def test_pages_of_the_top_level_have_no_trail(path):
    assert parents(path) == []


def test_the_parents_are_the_named_pages_above_the_path():
    assert parents("/payitforward/keten") == [
        Crumb("Home", "/"),
        Crumb("Pay it Forward", "/payitforward/"),
    ]


def test_parents_are_named_by_the_menus_of_the_apps():
    trail = parents("/beheer/payitforward/rondes/")
    assert [c.url for c in trail] == ["/", "/beheer/", "/beheer/payitforward/"]
    assert trail[2].title == "Overzicht Pay it Forward"


def test_a_parent_without_a_name_is_left_out_rather_than_guessed():
    # /verhalen/<slug>/ is a story: its name is the story's title, unknown from the URL.
    assert parents("/verhalen/een-verhaal/afbeeldingen/3") == [
        Crumb("Home", "/"),
        Crumb("Verhalen", "/verhalen/"),
    ]


def test_the_trail_is_a_labelled_navigation_ending_in_the_current_page(client):
    html = client.get(reverse("payitforward:chain")).content.decode()
    trail = _trail(html)
    assert 'aria-label="Kruimelpad"' in trail
    assert (
        '<a class="utrecht-link ov-breadcrumbs__link" href="/payitforward/">Pay it Forward</a>'
        in trail
    )
    assert 'href="/payitforward/keten" aria-current="page">De keten</a>' in trail


def test_the_home_page_has_no_trail(client):
    assert _trail(client.get("/").content.decode()) == ""


def test_a_page_names_itself_in_the_trail_with_its_own_title_not_escaped_twice():
    template = Template(
        "{% extends 'base.html' %}{% block title %}Tom &amp; <b>Jerry</b>{% endblock %}"
    )
    request = RequestFactory().get("/payitforward/keten")
    request.user = AnonymousUser()
    html = template.render(Context({"request": request}))
    assert 'aria-current="page">Tom &amp; <b>Jerry</b></a>' in _trail(html)


def test_a_template_may_replace_the_whole_trail():
    template = Template(
        "{% extends 'base.html' %}{% block breadcrumbs %}<p>eigen</p>{% endblock %}"
    )
    request = RequestFactory().get("/payitforward/keten")
    request.user = AnonymousUser()
    html = template.render(Context({"request": request}))
    assert "<p>eigen</p>" in html and _trail(html) == ""
