"""The directory API (`/api/v1/organisaties`): pagination, the same filters as the
directory page, problem+json errors, the API-Version header, changes through the
service, and a number of queries that does not grow with the network."""

from __future__ import annotations

import itertools
import random
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .. import selectors
from ..choices import Status
from ..models import Organisation
from .factories import ContactPersonFactory, OrganisationFactory, ThemeProfileFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/organisaties"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [o["id"] for o in response.json()["results"]]


# --- Pagination ------------------------------------------------------------------------------


@pytest.fixture
def many(db):
    return OrganisationFactory.create_batch(45)


def test_a_page_has_count_next_and_results(many, client):
    body = client.get(LIST).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 45
    assert len(body["results"]) == settings.REST_FRAMEWORK["PAGE_SIZE"]
    assert body["previous"] is None
    assert parse_qs(urlsplit(body["next"]).query) == {"page": ["2"]}


def test_page_size_and_walking_through_all_pages(many, client):
    seen, url, pages = [], f"{LIST}?pageSize=10", 0
    while url:
        body = client.get(url).json()
        assert body["count"] == 45
        assert len(body["results"]) <= 10
        seen += [o["id"] for o in body["results"]]
        url, pages = body["next"], pages + 1
    assert pages == 5
    assert seen == list(
        selectors.organisation_directory(filters=selectors.DirectoryFilters()).values_list(
            "id", flat=True
        )
    )


def test_page_size_has_a_maximum(db, client):
    OrganisationFactory.create_batch(105)
    body = client.get(f"{LIST}?pageSize=1000").json()
    assert body["count"] == 105
    assert len(body["results"]) == 100


def test_a_page_beyond_the_last_is_a_problem(many, client):
    response = client.get(f"{LIST}?page=9")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    assert response.json()["detail"]


# --- Filters: the API and the directory page use the same selector ----------------------


@pytest.fixture
def varied(db):
    """Organisations differing in every filtered property, plus ones never listed."""
    rng = random.Random(20)
    now = timezone.now()
    words = ["Bakkerij", "Zorg", "Bouw", "Haven", "Techniek", "Onderwijs"]
    cities = ["Utrecht", "Zwolle", "Leeuwarden", "Maastricht", "Zorgvliet"]
    for n in range(40):
        org = OrganisationFactory(
            name=f"{rng.choice(words)} {rng.choice(['Noord', 'Zuid', 'de Groot'])} {n}",
            city=rng.choice(cities),
            province=rng.choice(["NL-UT", "NL-FR", "NL-OV", "NL-LI"]),
            sector=rng.choice("CFQP"),
            size_class=rng.choice(["micro", "klein", "midden", "groot"]),
            is_koploper=rng.random() < 0.3,
            is_ambassador=rng.random() < 0.3,
            is_partner=rng.random() < 0.3,
        )
        Organisation.objects.filter(pk=org.pk).update(created_at=now - timedelta(days=n))
        for theme in rng.sample(["gezondheid", "apk", "ontwikkeling", "betrokkenheid"], 2):
            ThemeProfileFactory(
                organisation=org, theme=theme, has_experience=rng.random() < 0.6, wants_help=True
            )
    # Matching everything, but not approved.
    for status in (Status.PENDING, Status.REJECTED):
        org = OrganisationFactory(
            name="Bakkerij Verborgen",
            status=status,
            province="NL-UT",
            is_koploper=True,
            is_ambassador=True,
            is_partner=True,
        )
        ThemeProfileFactory(organisation=org, theme="gezondheid")


SINGLE_FILTERS = [
    {"q": "bakkerij"},
    {"q": "ZORG"},  # in names and in the city Zorgvliet
    {"q": "de groot"},
    {"theme": "gezondheid"},
    {"theme": "apk"},
    {"theme": "betrokkenheid"},
    {"sector": "Q"},
    {"size_class": "groot"},
    {"province": "NL-FR"},
    {"role": "koploper"},
    {"role": "ambassadeur"},
    {"role": "partner"},
]
SORTS = [{"sort": s} for s in selectors.SORTS]


def _combinations() -> list[dict]:
    rng = random.Random(3)
    values = {
        "q": ["", "o", "zorg"],
        "theme": ["", "gezondheid", "ontwikkeling"],
        "sector": ["", "C", "F"],
        "size_class": ["", "klein", "groot"],
        "province": ["", "NL-UT", "NL-LI"],
        "role": ["", "koploper", "partner"],
        "sort": ["", *selectors.SORTS],
    }
    every = [dict(zip(values, combo, strict=True)) for combo in itertools.product(*values.values())]
    return [{k: v for k, v in f.items() if v} for f in rng.sample(every, 40)]


def _expected(filters: dict) -> list[int]:
    query = selectors.DirectoryFilters(**filters)
    return list(selectors.organisation_directory(filters=query).values_list("id", flat=True))


@pytest.mark.parametrize("filters", SINGLE_FILTERS + SORTS, ids=lambda f: urlencode(f))
def test_each_filter_gives_what_the_directory_gives(filters, varied, client):
    expected = _expected(filters)
    total = Organisation.objects.filter(status=Status.APPROVED).count()
    if "sort" not in filters:
        assert 0 < len(expected) < total, "the data set must make the filter matter"
    assert ids(client.get(LIST, {**filters, "pageSize": 100})) == expected
    html = client.get("/netwerk/", {**filters}).context["page_obj"].paginator.object_list
    assert [o.id for o in html] == expected


def test_combined_filters_give_what_the_directory_gives(varied, client):
    for filters in _combinations():
        assert ids(client.get(LIST, {**filters, "pageSize": 100})) == _expected(filters), filters


def test_sorting_really_sorts(varied, client):
    names = [
        o["name"] for o in client.get(LIST, {"sort": "-naam", "pageSize": 100}).json()["results"]
    ]
    assert names == sorted(names, reverse=True)
    newest = ids(client.get(LIST, {"sort": "nieuw", "pageSize": 100}))
    created = dict(Organisation.objects.values_list("id", "created_at"))
    assert [created[i] for i in newest] == sorted(created[i] for i in newest)[::-1]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("theme", "sport"),
        ("sector", "Z"),
        ("sector", "c"),
        ("size_class", "enorm"),
        ("province", "XX"),
        ("province", "Utrecht"),
        ("role", "baas"),
        ("sort", "prijs"),
        ("q", "x" * 101),
    ],
)
def test_an_invalid_filter_value_is_a_problem(param, value, varied, client):
    response = client.get(LIST, {param: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert body["title"] == "Bad Request"
    assert [p["name"] for p in body["invalidParams"]] == [param]
    assert body["invalidParams"][0]["reason"]


# --- The API-Version header -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [LIST, f"{LIST}?theme=sport", f"{LIST}/999999", "/api/v1/schema", "/api/v1/docs"],
)
def test_every_api_response_names_the_api_version(url, db, client):
    response = client.get(url)
    assert response["API-Version"] == settings.API_VERSION == "1.0.0"


def test_the_site_outside_the_api_has_no_api_version(db, client):
    assert "API-Version" not in client.get("/netwerk/")


# --- Changing a profile ---------------------------------------------------------------------


@pytest.fixture
def api_a(org_a, user_a, client_for):
    return client_for(user_a)


def patch(client, org, data):
    return client.patch(f"{LIST}/{org.pk}", data, content_type="application/json")


def test_patch_changes_the_profile_through_the_service(org_a, api_a, monkeypatch):
    from .. import services

    calls = []
    original = services.organisation_update

    def spy(**kwargs):
        calls.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(services, "organisation_update", spy)
    response = patch(
        api_a, org_a, {"city": "Gouda", "province": "NL-ZH", "email": "post@bakkerij-a.nl"}
    )
    assert response.status_code == 200
    assert calls and calls[0]["organisation"].pk == org_a.pk
    assert calls[0]["data"] == {"city": "Gouda", "province": "NL-ZH", "email": "post@bakkerij-a.nl"}
    org_a.refresh_from_db()
    assert (org_a.city, org_a.province, org_a.email) == ("Gouda", "NL-ZH", "post@bakkerij-a.nl")
    body = response.json()
    assert (body["city"], body["province"]) == ("Gouda", "NL-ZH")
    assert body["themes"] == [
        {
            "theme": "gezondheid",
            "has_experience": True,
            "experience": "",
            "wants_help": False,
            "help_question": "",
        }
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"province": "XX"}, "province"),
        ({"province": "Utrecht"}, "province"),
        ({"sector": "Z"}, "sector"),
        ({"size_class": "enorm"}, "size_class"),
        ({"name": ""}, "name"),
        ({"name": "N" * 201}, "name"),
        ({"website": "geen adres"}, "website"),
        ({"email": "geen-adres"}, "email"),
        ({"description": "x" * 2001}, "description"),
    ],
)
def test_patch_validates(data, field, org_a, api_a):
    before = Organisation.objects.filter(pk=org_a.pk).values().get()
    response = patch(api_a, org_a, {**data, "city": "Gouda"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == [field]
    assert Organisation.objects.filter(pk=org_a.pk).values().get() == before


def test_patch_cannot_change_what_only_the_project_team_decides(org_a, api_a):
    response = patch(
        api_a,
        org_a,
        {
            "is_koploper": True,
            "is_ambassador": True,
            "status": "rejected",
            "kvk_number": "99999999",
            "slug": "iets-anders",
            "id": 12345,
        },
    )
    assert response.status_code == 200
    org_a.refresh_from_db()
    assert not org_a.is_koploper and not org_a.is_ambassador
    assert org_a.status == Status.APPROVED
    assert org_a.kvk_number != "99999999" and org_a.slug != "iets-anders"
    assert Organisation.objects.filter(pk=org_a.pk).exists()


# --- The number of queries does not grow with the network ------------------------------------


def _network(size: int) -> None:
    for _ in range(size):
        contact = ContactPersonFactory(is_primary=True)
        ContactPersonFactory(organisation=contact.organisation, is_primary=False)
        ThemeProfileFactory(organisation=contact.organisation, theme="gezondheid")
        ThemeProfileFactory(organisation=contact.organisation, theme="apk", wants_help=True)


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("visitor", ["anonymous", "member", "staff"])
def test_the_list_takes_as_many_queries_for_60_organisations_as_for_5(
    visitor, org_a, user_a, staff_user, client_for
):
    client = client_for({"anonymous": None, "member": user_a, "staff": staff_user}[visitor])
    url = f"{LIST}?pageSize=100"
    _network(4)  # with org_a: 5
    small = _count_queries(client, url)
    assert client.get(url).json()["count"] == 5
    _network(55)
    large = _count_queries(client, url)
    body = client.get(url).json()
    assert body["count"] == 60
    assert all(len(o["themes"]) >= 1 for o in body["results"])
    if visitor == "staff":
        assert sum(len(o["contacts"]) for o in body["results"]) == 1 + 59 * 2
    else:
        assert all("contacts" not in o for o in body["results"])
    assert large == small
    assert large <= 10


def test_the_detail_takes_a_fixed_number_of_queries(
    org_a, staff_user, client_for, django_assert_max_num_queries
):
    client = client_for(staff_user)
    ContactPersonFactory.create_batch(10, organisation=org_a, is_primary=False)
    with django_assert_max_num_queries(8):
        response = client.get(f"{LIST}/{org_a.pk}")
    assert len(response.json()["contacts"]) == 11


# --- Contact details are for the project team (finding 15) ---------------------------------


def test_a_member_paging_through_the_api_gets_no_contact_people(org_a, org_b, user_a, client_for):
    ContactPersonFactory.create_batch(3)
    client = client_for(user_a)
    url, seen = f"{LIST}?pageSize=2", []
    while url:
        body = client.get(url).json()
        seen += body["results"]
        url = body["next"]
    assert len(seen) == 5
    assert all(set(o) == set(seen[0]) for o in seen)
    assert not {"contacts", "email", "phone"} & set(seen[0])
    other = client.get(f"{LIST}/{org_b.pk}").json()
    assert "contacts" not in other and "b@example.nl" not in str(other)


def test_the_project_team_gets_contact_people_in_the_api(org_a, staff_user, client_for):
    body = client_for(staff_user).get(f"{LIST}/{org_a.pk}").json()
    assert [c["email"] for c in body["contacts"]] == ["a@example.nl"]
