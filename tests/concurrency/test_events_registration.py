"""No overbooking: 200 simultaneous registrations for a meeting with 25 seats.

Each thread registers one person through the service, with its own database connection,
all released at the same moment. Exactly 25 get a seat and 175 wait; the arrival numbers
are 1..200 without gaps or doubles, the seats went to arrivals 1..25 and the waiting
list is in arrival order (the order in which the registrations reached the lock).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from olievlek.events.choices import RegistrationState
from olievlek.events.models import Registration
from olievlek.events.services import Person, registration_cancel, registration_register_members
from olievlek.events.tests.factories import EventFactory
from olievlek.network.tests.factories import ContactPersonFactory

from .parallel import run_in_parallel

SEATS, PEOPLE = 25, 200


@pytest.fixture
def event():
    return EventFactory(capacity=SEATS)


@pytest.fixture
def member():
    return ContactPersonFactory(organisation__name="Parallel BV")


def test_200_simultaneous_registrations_for_25_seats(event, member):
    def register(i: int):
        (registration,) = registration_register_members(
            event=event,
            organisation=member.organisation,
            actor=member.user,
            people=[Person(name=f"Deelnemer {i}", email=f"deelnemer{i}@example.nl")],
        )
        return registration

    results = run_in_parallel(register, PEOPLE)
    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []

    registrations = list(Registration.objects.filter(event=event).order_by("sequence"))
    confirmed = [r for r in registrations if r.state == RegistrationState.CONFIRMED]
    waiting = [r for r in registrations if r.state == RegistrationState.WAITING]
    assert (len(confirmed), len(waiting)) == (SEATS, PEOPLE - SEATS)
    assert [r.sequence for r in registrations] == list(range(1, PEOPLE + 1))
    assert [r.sequence for r in confirmed] == list(range(1, SEATS + 1))
    # Arrival order is also the order in which the registrations were queued.
    queued = [r.queued_at for r in registrations]
    assert queued == sorted(queued)
    # What each caller was told matches what is stored.
    told = {r.email: r.state for r in results}
    assert told == {r.email: r.state for r in registrations}


def test_parallel_cancellations_promote_exactly_as_many_as_freed(event, member):
    people = [Person(name=f"P{i}", email=f"p{i}@example.nl") for i in range(40)]
    registrations = registration_register_members(
        event=event, organisation=member.organisation, actor=member.user, people=people
    )
    leaving = [r for r in registrations if r.state == RegistrationState.CONFIRMED][:10]

    results = run_in_parallel(lambda i: registration_cancel(registration=leaving[i]), 10)
    assert [r for r in results if isinstance(r, Exception)] == []

    states = dict(Registration.objects.filter(event=event).values_list("sequence", "state"))
    confirmed = sorted(s for s, state in states.items() if state == RegistrationState.CONFIRMED)
    assert len(confirmed) == SEATS
    # The ten freed seats went to the first ten waiting: arrivals 26..35.
    assert confirmed == list(range(11, SEATS + 11))


def test_the_lock_is_taken_after_the_checks(event, member):
    """The meeting row is locked once, after the input checks and the duplicate check."""
    with CaptureQueriesContext(connection) as queries:
        registration_register_members(
            event=event,
            organisation=member.organisation,
            actor=member.user,
            people=[Person(name="Anna", email="anna@example.nl")],
        )
    sql = [q["sql"] for q in queries.captured_queries]
    locks = [i for i, q in enumerate(sql) if "FOR UPDATE" in q and "events_event" in q]
    assert len(locks) == 1
    first_check = next(i for i, q in enumerate(sql) if "events_registration" in q)
    assert first_check < locks[0]
