"""A logged-in member gets the directory's filters and results from the shared cache,
inside a layout of its own; a change makes them fresh at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from olievlek.network import services
from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/netwerk/?q=Linde"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.OLIEVLEK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _content(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_members_share_the_results_but_keep_their_own_menu(client, client_for, user_a, user_b):
    OrganisationFactory(name="Zorggroep De Linde")
    anonymous = client.get(URL).content.decode()
    member_a, member_b = client_for(user_a), client_for(user_b)
    first = member_a.get(URL).content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = member_b.get(URL).content.decode()
    directory = ('FROM "network_organisation"', '"network_themeprofile"')
    assert not [q for q in queries if any(table in q["sql"] for table in directory)]
    assert "Zorggroep De Linde" in _content(first)
    assert _content(first) == _content(second) == _content(anonymous)
    assert "Mijn organisatie" in first and "Mijn organisatie" not in anonymous
    htmx = member_a.get(URL, headers={"HX-Request": "true"}).content.decode()
    assert "Zorggroep De Linde" in htmx and "<main" not in htmx


def test_an_approval_shows_in_the_members_directory_at_once(
    client_for, user_a, staff_user, django_capture_on_commit_callbacks
):
    member = client_for(user_a)
    assert "Zorggroep De Linde" not in member.get(URL).content.decode()
    pending = ContactPersonFactory(
        organisation__name="Zorggroep De Linde", organisation__status=Status.PENDING
    ).organisation
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_approve(organisation=pending, actor=staff_user)
    assert "Zorggroep De Linde" in member.get(URL).content.decode()


def test_each_query_and_language_has_its_own_results(client_for, user_a):
    OrganisationFactory(name="Zorggroep De Linde")
    member = client_for(user_a)
    assert "Zorggroep De Linde" in member.get(URL).content.decode()
    assert "Zorggroep De Linde" not in member.get("/netwerk/?q=Eik").content.decode()
    member.get(reverse("choose_language", args=["en"]) + "?next=/netwerk/")
    assert "Show results" in member.get(URL).content.decode()
