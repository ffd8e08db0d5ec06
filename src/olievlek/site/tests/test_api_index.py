"""`GET /api/v1/`: an index of the API's resources with links to the documentation."""

from __future__ import annotations

import pytest
from django.urls import get_resolver

from .test_api_document import conforms, document  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

# Collections without a list to read: the business case is a calculation (POST only).
NOT_LISTS = {"api-businesscase-calculate", "api-schema", "api-docs", "api-index"}


def _collections() -> set[str]:
    """The names of every API URL without a parameter: the lists a client can start from."""
    names = set()
    for name, entries in get_resolver().reverse_dict.lists():
        if not isinstance(name, str):
            continue
        for _bits, pattern, _defaults, converters in entries:
            if pattern.startswith("api/v1/") and not converters and name not in NOT_LISTS:
                names.add(name)
    return names


def test_the_api_root_lists_every_collection_with_its_address(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    hrefs = {r["href"].removeprefix("http://testserver") for r in response.json()["resources"]}
    resolver = get_resolver()
    assert {resolver.resolve(href).url_name for href in hrefs} == _collections()


def test_the_api_root_links_to_the_documentation_and_the_schema(client):
    body = client.get("/api/v1/").json()
    assert body["documentation"] == "http://testserver/api/v1/docs"
    assert body["schema"] == "http://testserver/api/v1/schema"
    assert client.get("/api/v1/docs").status_code == 200
    assert client.get("/api/v1/schema").status_code == 200


def test_every_link_of_the_api_root_answers_for_the_project_team(client_for, staff_user):
    client = client_for(staff_user)
    for resource in client.get("/api/v1/").json()["resources"]:
        assert client.get(resource["href"]).status_code == 200, resource["href"]


def test_the_api_root_matches_the_document(client, document):  # noqa: F811
    response = client.get("/api/v1/")
    assert conforms(document, "/api/v1/", "GET", "/api/v1/", response)
