"""Factories for meetings, with traits for the states tests need."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from olievlek.network.tests.factories import OrganisationFactory

from ..choices import Audience, EventKind, RegistrationState, ReviewState
from ..models import Event, EventTheme, Registration


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = EventKind.BIJEENKOMST
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    description = "Werkgevers leren van elkaar."
    venue = "Het Werkhuis"
    address = "Stationsplein 1"
    city = "Utrecht"
    province = "NL-UT"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    capacity = 25
    audience = Audience.PUBLIC
    review_state = ReviewState.PUBLISHED

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create:
            for theme in extracted if extracted is not None else ["gezondheid"]:
                EventTheme.objects.create(event=obj, theme=theme)

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
        )
        today = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=30))
        )
        draft = factory.Trait(review_state=ReviewState.DRAFT)
        pending = factory.Trait(review_state=ReviewState.PENDING)
        members_only = factory.Trait(audience=Audience.MEMBERS)
        invited_only = factory.Trait(audience=Audience.INVITED)
        session = factory.Trait(kind=EventKind.SESSIE, audience=Audience.INVITED)
        online = factory.Trait(
            address="", city="", venue="", province="", online_url="https://meet.example/olie"
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.nl")
    organisation_name = "Bakkerij Test"
    state = RegistrationState.CONFIRMED
    sequence = factory.Sequence(lambda n: n + 1)
    queued_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(state=RegistrationState.PENDING, sequence=None, queued_at=None)
        waiting = factory.Trait(state=RegistrationState.WAITING)
        cancelled = factory.Trait(state=RegistrationState.CANCELLED)


__all__ = ["EventFactory", "OrganisationFactory", "RegistrationFactory"]
