"""The API answers what the committed OpenAPI document (docs/openapi.yaml) says: the cases
schemathesis found (`make test-api-fuzz`), kept as fast regression tests. Each response
is validated by schemathesis against the document."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
import schemathesis
from schemathesis.core.transport import Response

from olievlek.events.tests.factories import EventFactory
from olievlek.network.tests.factories import OrganisationFactory
from olievlek.payitforward.tests.factories import MatchFactory

pytestmark = pytest.mark.django_db
DOCUMENT = Path(__file__).resolve().parents[4] / "docs" / "openapi.yaml"


@pytest.fixture(scope="module")
def document():
    return schemathesis.openapi.from_path(str(DOCUMENT))


def conforms(document, path: str, method: str, url: str, response) -> bool:
    """Whether a Django test response is one the document allows for the operation: a
    documented status code, its content type and body."""
    operation = document[path][method]
    documented = operation.definition.raw["responses"]
    assert str(response.status_code) in documented, (response.status_code, list(documented))
    media_types = documented[str(response.status_code)].get("content", {})
    assert not media_types or response["Content-Type"] in media_types
    request = requests.Request(method=method, url="http://testserver" + url).prepare()
    answer = Response(
        status_code=response.status_code,
        headers={name: [value] for name, value in response.headers.items()},
        content=response.content,
        request=request,
        elapsed=0.0,
        verify=False,
    )
    operation.validate_response(answer)
    return True


def test_an_online_meeting_without_a_province_matches_the_document(client, document):
    EventFactory(online=True)
    response = client.get("/api/v1/bijeenkomsten")
    assert response.json()["results"][0]["province"] == ""
    assert conforms(document, "/api/v1/bijeenkomsten", "GET", "/api/v1/bijeenkomsten", response)


def test_a_match_without_a_meeting_mode_matches_the_document(client_for, staff_user, document):
    match = MatchFactory()
    url = f"/api/v1/matches/{match.pk}"
    response = client_for(staff_user).get(url)
    assert response.json()["meeting_mode"] == ""
    assert conforms(document, "/api/v1/matches/{id}", "GET", url, response)


def test_organisations_without_contact_details_match_the_document(client, document):
    organisation = OrganisationFactory()
    for path, url in [
        ("/api/v1/organisaties", "/api/v1/organisaties"),
        ("/api/v1/organisaties/{id}", f"/api/v1/organisaties/{organisation.pk}"),
    ]:
        response = client.get(url)
        assert "contacts" not in response.content.decode()
        assert conforms(document, path, "GET", url, response)


def test_starting_a_round_answers_the_documented_202(client_for, staff_user, document):
    response = client_for(staff_user).post(
        "/api/v1/matchrondes", {"response_days": 7}, content_type="application/json"
    )
    assert response.status_code == 202
    assert conforms(document, "/api/v1/matchrondes", "POST", "/api/v1/matchrondes", response)


@pytest.mark.parametrize(
    ("path", "url", "status"),
    [
        ("/api/v1/aanbod", "/api/v1/aanbod", 401),
        ("/api/v1/bijeenkomsten", "/api/v1/bijeenkomsten?page=0", 404),
        ("/api/v1/organisaties/{id}", "/api/v1/organisaties/999999", 404),
        ("/api/v1/organisaties", "/api/v1/organisaties?province=XX-YY", 400),
    ],
)
def test_errors_are_documented_problems(client, document, path, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert conforms(document, path, "GET", url, response)


def test_a_url_under_the_api_that_matches_nothing_answers_a_problem(client):
    response = client.get("/api/v1/aanbod/null,null")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
