"""A database that is away answers 503 (a Dutch page, problem+json under /api/) with
Retry-After and without any detail of the error; other errors stay a plain 500 page."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from .urls_database_down import SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.urls("olievlek.site.tests.urls_database_down")]


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def _no_details(response) -> None:
    body = response.content.decode()
    assert SECRET not in body and "10.0.0.7" not in body and "Traceback" not in body


def test_a_page_that_meets_a_database_that_is_away_answers_503_in_dutch(anonymous):
    response = anonymous.get("/test-db-down")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    assert "Tijdelijk niet beschikbaar" in response.content.decode()
    _no_details(response)


def test_a_closed_connection_answers_503_too(anonymous):
    assert anonymous.get("/test-db-closed").status_code == 503


def test_the_api_answers_a_503_problem_with_retry_after(anonymous):
    response = anonymous.get("/api/v1/test-db-down")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/problem+json")
    assert json.loads(response.content)["status"] == 503
    assert response["Retry-After"] == "30"
    _no_details(response)


def test_a_middleware_that_meets_a_database_that_is_away_answers_503(anonymous, settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "olievlek.site.tests.urls_database_down.RefusingMiddleware",
    ]

    response = anonymous.get("/test-db-middleware")

    assert response.status_code == 503
    assert "Tijdelijk niet beschikbaar" in response.content.decode()
    _no_details(response)


@pytest.mark.urls("olievlek.site.tests.urls_crash")
def test_other_errors_stay_a_500_page_without_details(anonymous):
    response = anonymous.get("/test-crash")

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "secret detail" not in response.content.decode()
