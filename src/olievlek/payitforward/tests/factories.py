"""Factories for Pay it Forward, with traits for each match state."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory

from ..choices import Answer, MatchState, Origin
from ..models import Exclusion, HelpRequest, Match, MatchRound, Offer, Pledge


def member(**kwargs):
    """An approved organisation with one contact person; returns the organisation."""
    return ContactPersonFactory(**{f"organisation__{k}": v for k, v in kwargs.items()}).organisation


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    organisation = factory.SubFactory(OrganisationFactory, is_koploper=True)
    themes = factory.LazyFunction(lambda: ["gezondheid", "apk"])
    places = 2
    offers_advice = True


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpRequest

    organisation = factory.SubFactory(OrganisationFactory)
    themes = factory.LazyFunction(lambda: ["gezondheid"])
    question = "Hoe houden we onze mensen gezond aan het werk?"


class ExclusionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exclusion


class MatchRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchRound


class MatchFactory(factory.django.DjangoModelFactory):
    """A published proposal by default; traits move it along the lifecycle."""

    class Meta:
        model = Match

    offer = factory.SubFactory(OfferFactory)
    request = factory.SubFactory(HelpRequestFactory, status="matched")
    mentor = factory.LazyAttribute(lambda m: m.offer.organisation)
    learner = factory.LazyAttribute(lambda m: m.request.organisation)
    origin = Origin.STAFF
    state = MatchState.PROPOSED
    score = 112
    reasons = factory.LazyFunction(
        lambda: {
            "themes": ["gezondheid"],
            "same_sector": True,
            "same_size": True,
            "province": "same",
            "mentor_province": "NL-UT",
            "learner_province": "NL-UT",
            "sector": "C",
        }
    )
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    proposed_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(state=MatchState.DRAFT, deadline=None, proposed_at=None)
        accepted = factory.Trait(
            state=MatchState.ACCEPTED,
            mentor_answer=Answer.ACCEPTED,
            learner_answer=Answer.ACCEPTED,
            accepted_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=20)),
        )
        held = factory.Trait(
            accepted=True,
            state=MatchState.HELD,
            held_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3)),
            meeting_mode="advice",
            notes="Goed gesprek over vitaliteit.",
            mentor_rating=5,
            learner_rating=4,
        )
        completed = factory.Trait(
            held=True,
            state=MatchState.COMPLETED,
            completed_at=factory.LazyFunction(timezone.now),
            request=factory.SubFactory(HelpRequestFactory, status="done"),
        )


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    match = factory.SubFactory(MatchFactory, completed=True)
    organisation = factory.LazyAttribute(lambda p: p.match.learner)
