"""The API: members write their own offers and requests and answer proposals; staff run
rounds; everything is in the OpenAPI document."""

from __future__ import annotations

import pytest

from ..choices import MatchState, RoundState
from ..models import HelpRequest, MatchRound, Offer
from .factories import HelpRequestFactory, MatchFactory, OfferFactory, member

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_creates_and_changes_its_offer(org_a, user_a, client_for):
    client = client_for(user_a)
    response = client.post(
        "/api/v1/aanbod",
        {"themes": ["gezondheid", "apk"], "offers_visit": True},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["places"], body["status"], body["organisation"]) == (2, "open", org_a.name)
    offer = Offer.objects.get(pk=body["id"])
    response = client.patch(
        f"/api/v1/aanbod/{offer.pk}", {"places": 3}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["places"] == 3
    assert response.json()["themes"] == ["gezondheid", "apk"]


def test_bad_input_is_a_problem_document(org_a, user_a, client_for):
    client = client_for(user_a)
    response = client.post(
        "/api/v1/aanbod", {"themes": ["bestaat-niet"]}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "themes"
    client.post("/api/v1/aanbod", {"themes": ["apk"]}, content_type="application/json")
    second = client.post("/api/v1/aanbod", {"themes": ["apk"]}, content_type="application/json")
    assert second.status_code == 400
    assert "al een open hulpaanbod" in str(second.json())


def test_a_member_asks_for_help_through_the_api(org_b, user_b, client_for):
    response = client_for(user_b).post(
        "/api/v1/hulpvragen",
        {"themes": ["ontwikkeling"], "question": "Hoe maken we een leerbudget?"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert HelpRequest.objects.get(organisation=org_b).preferred_mode == "either"


def test_both_sides_accept_through_the_api(client_for):
    match = MatchFactory(
        offer=OfferFactory(organisation=member(name="Mentor")),
        request=HelpRequestFactory(organisation=member(name="Leerling"), status="matched"),
    )
    mentor = client_for(match.mentor.contacts.get().user)
    learner = client_for(match.learner.contacts.get().user)
    assert mentor.post(f"/api/v1/matches/{match.pk}/accepteren").json()["state"] == "proposed"
    body = learner.post(f"/api/v1/matches/{match.pk}/accepteren").json()
    assert body["state"] == "accepted"
    assert body["reasons"][0].startswith("Gedeelde thema's")
    again = learner.post(f"/api/v1/matches/{match.pk}/accepteren")
    assert again.status_code == 400


def test_decline_through_the_api_needs_a_reason(client_for):
    match = MatchFactory(request=HelpRequestFactory(organisation=member(), status="matched"))
    learner = client_for(match.learner.contacts.get().user)
    assert learner.post(f"/api/v1/matches/{match.pk}/afwijzen", {}).status_code == 400
    response = learner.post(
        f"/api/v1/matches/{match.pk}/afwijzen",
        {"reason": "We hebben al hulp gevonden"},
        content_type="application/json",
    )
    assert response.json()["state"] == MatchState.DECLINED


def test_staff_run_and_publish_a_round_through_the_api(staff_user, client_for):
    OfferFactory()
    HelpRequestFactory()
    client = client_for(staff_user)
    response = client.post(
        "/api/v1/matchrondes", {"response_days": 7}, content_type="application/json"
    )
    assert response.status_code == 202
    round_id = response.json()["id"]
    detail = client.get(f"/api/v1/matchrondes/{round_id}").json()
    assert detail["state"] == RoundState.READY and detail["progress"] == 100
    assert len(detail["proposals"]) == 1 and detail["proposals"][0]["state"] == "draft"
    published = client.post(f"/api/v1/matchrondes/{round_id}/publiceren").json()
    assert published["state"] == RoundState.PUBLISHED
    assert published["proposals"][0]["state"] == "proposed"
    assert MatchRound.objects.get().response_days == 7


def test_staff_read_but_do_not_write_member_resources(staff_user, client_for):
    client = client_for(staff_user)
    response = client.post("/api/v1/aanbod", {"themes": ["apk"]}, content_type="application/json")
    assert response.status_code == 403


def test_the_openapi_document_lists_the_endpoints(client):
    schema = client.get("/api/v1/schema", HTTP_ACCEPT="application/json").content.decode()
    for path in (
        "/api/v1/aanbod",
        "/api/v1/hulpvragen",
        "/api/v1/matches/{id}/accepteren",
        "/api/v1/matches/{id}/afwijzen",
        "/api/v1/matchrondes",
        "/api/v1/matchrondes/{id}/publiceren",
    ):
        assert path in schema
