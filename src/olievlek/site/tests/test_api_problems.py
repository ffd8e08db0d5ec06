"""Every error under /api/ answers application/problem+json (RFC 9457), also when the
request never reaches DRF; never an HTML page, never a stack trace."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith(PROBLEM), response["Content-Type"]
    body = json.loads(response.content)
    assert body["status"] == status and body["title"] and body["type"] == "about:blank"
    return body


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/api/v1/bestaat-niet", "/api/bestaat-niet", "/api/"])
def test_an_unknown_url_under_the_api_is_a_problem(anonymous, url):
    _problem(anonymous.get(url), 404)


def test_an_unknown_object_is_a_problem(anonymous):
    _problem(anonymous.get("/api/v1/organisaties/999999"), 404)


def test_a_method_that_is_not_allowed_is_a_problem_that_says_which_are(anonymous):
    response = anonymous.delete("/api/v1/organisaties")
    _problem(response, 405)
    assert "GET" in response["Allow"]


def test_an_anonymous_request_for_team_data_is_a_problem(anonymous):
    response = anonymous.get("/api/v1/matchrondes")
    assert response.status_code in (401, 403)
    _problem(response, response.status_code)


def test_an_unsupported_media_type_is_a_problem(client_for, staff_user):
    client = client_for(staff_user)
    response = client.post("/api/v1/matchrondes", "naam=x", content_type="text/plain")
    _problem(response, 415)


@pytest.mark.urls("olievlek.site.tests.urls_crash")
def test_an_unhandled_exception_under_the_api_is_a_problem_without_details(anonymous):
    response = anonymous.get("/api/v1/test-crash")
    _problem(response, 500)
    assert b"secret" not in response.content and b"Traceback" not in response.content


@pytest.mark.urls("olievlek.site.tests.urls_crash")
def test_an_html_error_of_a_plain_django_view_under_the_api_is_a_problem(anonymous):
    response = anonymous.get("/api/v1/test-html-error")
    _problem(response, 400)
    assert b"<html" not in response.content


@pytest.mark.urls("olievlek.site.tests.urls_crash")
def test_errors_outside_the_api_stay_html_pages(anonymous):
    assert anonymous.get("/bestaat-niet")["Content-Type"].startswith("text/html")
    assert anonymous.get("/test-crash")["Content-Type"].startswith("text/html")
