"""The public directory: filters, sorting, paging, and a constant number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..selectors import DirectoryFilters, organisation_directory
from .factories import ContactPersonFactory, OrganisationFactory, ThemeProfileFactory


def names(**filters) -> list[str]:
    return [o.name for o in organisation_directory(filters=DirectoryFilters(**filters))]


@pytest.fixture
def network(db):
    a = OrganisationFactory(
        name="Bakkerij Aa",
        city="Zwolle",
        province="NL-OV",
        sector="C",
        size_class="micro",
        is_koploper=True,
    )
    b = OrganisationFactory(
        name="Zorg Bee",
        city="Leiden",
        province="NL-ZH",
        sector="Q",
        size_class="groot",
        is_ambassador=True,
    )
    c = OrganisationFactory(
        name="Bouw Cee",
        city="Zwolle",
        province="NL-OV",
        sector="F",
        size_class="groot",
        is_partner=True,
    )
    OrganisationFactory(name="Wachtend", pending=True)
    OrganisationFactory(name="Afgewezen", rejected=True)
    ThemeProfileFactory(organisation=a, theme="gezondheid", has_experience=True)
    ThemeProfileFactory(organisation=b, theme="gezondheid", has_experience=False, wants_help=True)
    ThemeProfileFactory(organisation=c, theme="apk", has_experience=True)
    return a, b, c


def test_only_approved_organisations_are_listed(network):
    assert names() == ["Bakkerij Aa", "Bouw Cee", "Zorg Bee"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"q": "zwolle"}, ["Bakkerij Aa", "Bouw Cee"]),
        ({"q": "bee"}, ["Zorg Bee"]),
        ({"theme": "gezondheid"}, ["Bakkerij Aa"]),  # a question for help is not experience
        ({"sector": "F"}, ["Bouw Cee"]),
        ({"size_class": "groot"}, ["Bouw Cee", "Zorg Bee"]),
        ({"province": "NL-ZH"}, ["Zorg Bee"]),
        ({"role": "koploper"}, ["Bakkerij Aa"]),
        ({"role": "ambassadeur"}, ["Zorg Bee"]),
        ({"role": "partner"}, ["Bouw Cee"]),
        ({"province": "NL-OV", "size_class": "groot"}, ["Bouw Cee"]),
        ({"sort": "-naam"}, ["Zorg Bee", "Bouw Cee", "Bakkerij Aa"]),
        ({"sort": "plaats"}, ["Zorg Bee", "Bakkerij Aa", "Bouw Cee"]),
    ],
)
def test_filters_and_sorting(network, filters, expected):
    assert names(**filters) == expected


def test_the_page_filters_by_theme_and_links_to_the_organisation(network, client):
    response = client.get(reverse("network:directory"), {"theme": "apk"})
    html = response.content.decode()
    assert "Bouw Cee" in html and "Bakkerij Aa" not in html
    assert 'href="/netwerk/' in html


def test_htmx_requests_get_only_the_results(network, client):
    response = client.get(reverse("network:directory"), {"q": "Zwolle"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "Bakkerij Aa" in html


def test_an_empty_result_explains_what_to_do(network, client):
    response = client.get(reverse("network:directory"), {"q": "bestaat-niet"})
    assert response.context["page_obj"].paginator.count == 0
    assert 'class="utrecht-alert' in response.content.decode()


def test_unknown_filter_values_are_ignored_not_an_error(network, client):
    response = client.get(reverse("network:directory"), {"theme": "onzin", "page": "999"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_pages_hold_twenty_organisations(client):
    OrganisationFactory.create_batch(45)
    response = client.get(reverse("network:directory"), {"page": 3})
    assert len(response.context["page_obj"].object_list) == 5
    assert response.context["page_obj"].paginator.num_pages == 3


def _queries(client, url) -> int:
    client.get(url)  # a member's first request fills the cache (the menu's unread count)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(n: int) -> None:
    for _ in range(n):
        contact = ContactPersonFactory()
        ThemeProfileFactory(organisation=contact.organisation, theme="gezondheid")
        ThemeProfileFactory(organisation=contact.organisation, theme="apk")


@pytest.mark.django_db
@pytest.mark.parametrize("member", [False, True])
def test_queries_per_page_do_not_grow_with_the_network(client, member):
    _grow(3)
    if member:
        client.force_login(ContactPersonFactory().user)
    slug = OrganisationFactory(name="Vast").slug
    pages = [
        reverse("network:directory") + "?theme=gezondheid",
        reverse("network:organisation_detail", args=[slug]),
    ]
    small = [_queries(client, url) for url in pages]
    _grow(40)
    large = [_queries(client, url) for url in pages]
    assert large == small


@pytest.mark.django_db
def test_organisation_page_shows_themes_and_hides_contacts_from_visitors(client, org_a):
    url = reverse("network:organisation_detail", args=[org_a.slug])
    html = client.get(url).content.decode()
    assert "Bakkerij A" in html and "a@example.nl" not in html
    client.force_login(org_a.contacts.get().user)
    assert "a@example.nl" in client.get(url).content.decode()
