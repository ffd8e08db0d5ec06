"""The public page cache: anonymous visitors share cached pages, changes invalidate them,
and nothing personal is ever cached; members share the directory's results."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from olievlek.network import services
from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.OLIEVLEK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/netwerk/?theme=gezondheid", "/api/v1/organisaties", "/"])
def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, url):
    OrganisationFactory.create_batch(3)
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    # The only queries left are the cookieless visit counter's (impact), which counts
    # every page view, cached or not.
    assert [q["sql"] for q in queries if "impact_" not in q["sql"]] == []


@pytest.mark.django_db
def test_approval_makes_the_new_organisation_visible_at_once(
    client, staff_user, django_capture_on_commit_callbacks
):
    url = reverse("network:directory") + "?q=Linde"
    assert "Zorggroep De Linde" not in client.get(url).content.decode()
    # Approval needs a contact with a confirmed address (the factory's is).
    pending = ContactPersonFactory(
        organisation__name="Zorggroep De Linde", organisation__status=Status.PENDING
    ).organisation
    assert "Zorggroep De Linde" not in client.get(url).content.decode()  # still cached
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_approve(organisation=pending, actor=staff_user)
    response = client.get(url)
    assert "X-Cache" not in response
    assert "Zorggroep De Linde" in response.content.decode()


@pytest.mark.django_db
def test_logged_in_members_never_get_or_fill_the_cache(client, org_a, user_a):
    url = reverse("network:organisation_detail", args=[org_a.slug])
    client.get(url)  # anonymous fills the cache, without contact details
    client.force_login(user_a)
    response = client.get(url)
    assert "X-Cache" not in response
    assert "a@example.nl" in response.content.decode()
    client.logout()
    client.cookies.clear()
    assert "a@example.nl" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_api_calls_with_a_token_bypass_the_cache(client, org_a, user_a):
    from olievlek.accounts.tests.support import api_key_for

    key = api_key_for(user_a)
    url = f"/api/v1/organisaties/{org_a.pk}"
    client.get(url)
    response = client.get(url, HTTP_AUTHORIZATION=f"Token {key}")
    assert "X-Cache" not in response
    assert response.json()["contacts"][0]["email"] == "a@example.nl"


@pytest.mark.django_db
def test_languages_are_cached_apart(client):
    ContactPersonFactory()
    dutch = client.get(reverse("network:directory"))
    client.get(reverse("choose_language", args=["en"]))
    english = client.get(reverse("network:directory"))
    assert 'lang="nl"' in dutch.content.decode()
    assert 'lang="en"' in english.content.decode()


@pytest.mark.django_db
def test_language_switch_refuses_foreign_redirects_and_unknown_languages(client):
    response = client.get(
        reverse("choose_language", args=["en"]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert response.cookies["django_language"].value == "en"
    assert client.get(reverse("choose_language", args=["xx"])).status_code == 404


@pytest.mark.django_db
def test_a_lost_version_key_never_brings_back_an_old_page(client):
    """The cache may evict the version key; the next version must not equal an old one."""
    from olievlek.site.cache import _version_key, bump, version

    first = version("network")
    bump("network")
    second = version("network")
    cache.delete(_version_key("network"))
    assert len({first, second, version("network")}) == 3


@pytest.mark.django_db
def test_each_host_has_its_own_cached_pages(client):
    # The API's page links are absolute: a page cached for one host must not be served
    # (with that host's links) on another.
    OrganisationFactory.create_batch(21)
    url = "/api/v1/organisaties"
    first = client.get(url, HTTP_HOST="localhost")
    assert "http://localhost/api/v1/organisaties?page=2" in first.content.decode()
    other = client.get(url, HTTP_HOST="127.0.0.1")
    assert "X-Cache" not in other
    assert "http://127.0.0.1/api/v1/organisaties?page=2" in other.content.decode()
    assert client.get(url, HTTP_HOST="127.0.0.1")["X-Cache"] == "hit"


@pytest.mark.parametrize("bumped", ["events", "stories"])
def test_a_page_of_several_namespaces_goes_stale_when_any_of_them_changes(rf, bumped):
    from django.http import HttpResponse

    from olievlek.site.cache import bump, public_page

    calls = []

    @public_page("events", "stories")
    def view(request):
        calls.append(1)
        return HttpResponse(f"render {len(calls)}")

    assert view(rf.get("/x")).content == b"render 1"
    assert view(rf.get("/x")).content == b"render 1"
    bump("network")  # not shown on the page: still cached
    assert view(rf.get("/x")).content == b"render 1"
    bump(bumped)
    assert view(rf.get("/x")).content == b"render 2"


def test_a_page_names_at_least_one_namespace():
    from olievlek.site.cache import public_page

    with pytest.raises(TypeError):
        public_page()


# A logged-in member gets the directory's filters and results from the shared cache,
# inside a layout of its own; a change makes them fresh at once.
MEMBER_URL = "/netwerk/?q=Linde"


def _content(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_members_share_the_results_but_keep_their_own_menu(client, client_for, user_a, user_b):
    OrganisationFactory(name="Zorggroep De Linde")
    anonymous = client.get(MEMBER_URL).content.decode()
    member_a, member_b = client_for(user_a), client_for(user_b)
    first = member_a.get(MEMBER_URL).content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = member_b.get(MEMBER_URL).content.decode()
    directory = ('FROM "network_organisation"', '"network_themeprofile"')
    assert not [q for q in queries if any(table in q["sql"] for table in directory)]
    assert "Zorggroep De Linde" in _content(first)
    assert _content(first) == _content(second) == _content(anonymous)
    assert "Mijn organisatie" in first and "Mijn organisatie" not in anonymous
    htmx = member_a.get(MEMBER_URL, headers={"HX-Request": "true"}).content.decode()
    assert "Zorggroep De Linde" in htmx and "<main" not in htmx


@pytest.mark.django_db
def test_an_approval_shows_in_the_members_directory_at_once(
    client_for, user_a, staff_user, django_capture_on_commit_callbacks
):
    member = client_for(user_a)
    assert "Zorggroep De Linde" not in member.get(MEMBER_URL).content.decode()
    pending = ContactPersonFactory(
        organisation__name="Zorggroep De Linde", organisation__status=Status.PENDING
    ).organisation
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_approve(organisation=pending, actor=staff_user)
    assert "Zorggroep De Linde" in member.get(MEMBER_URL).content.decode()


@pytest.mark.django_db
def test_each_query_and_language_has_its_own_results(client_for, user_a):
    OrganisationFactory(name="Zorggroep De Linde")
    member = client_for(user_a)
    assert "Zorggroep De Linde" in member.get(MEMBER_URL).content.decode()
    assert "Zorggroep De Linde" not in member.get("/netwerk/?q=Eik").content.decode()
    member.get(reverse("choose_language", args=["en"]) + "?next=/netwerk/")
    assert "Show results" in member.get(MEMBER_URL).content.decode()
