"""A first meeting planned in the past and an offer of 0 places are refused with a
clear Dutch message, in the form and in the service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..forms import OfferForm, PlanForm
from ..services import match_plan
from .factories import HelpRequestFactory, MatchFactory, OfferFactory, member

pytestmark = pytest.mark.django_db


def test_the_plan_form_refuses_a_moment_in_the_past():
    form = PlanForm({"planned_at": "2020-01-06T10:00", "mode": "advice"})
    assert not form.is_valid()
    assert "niet in het verleden" in " ".join(form.errors["planned_at"])


def test_the_plan_form_accepts_a_moment_to_come():
    when = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert PlanForm({"planned_at": when, "mode": "advice"}).is_valid()


def test_the_service_refuses_planning_in_the_past():
    match = MatchFactory(
        accepted=True,
        offer=OfferFactory(organisation=member(name="Mentor")),
        request=HelpRequestFactory(organisation=member(name="Leerling"), status="matched"),
    )
    with pytest.raises(ValidationError, match="niet in het verleden"):
        match_plan(
            match=match,
            organisation=match.learner,
            planned_at=timezone.now() - timedelta(hours=1),
            mode="advice",
        )


def test_an_offer_of_zero_places_is_refused_in_dutch():
    form = OfferForm({"themes": ["apk"], "places": "0", "offers_advice": "on"})
    assert not form.is_valid()
    assert form.errors["places"] == ["Bied minstens 1 plaats aan; 0 plaatsen kan niet."]
