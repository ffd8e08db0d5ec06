"""Registering, the waiting list and cancelling (the services, one behaviour a test)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..choices import RegistrationState
from ..models import Registration
from ..services import (
    Person,
    event_update,
    registration_cancel,
    registration_confirm,
    registration_register_members,
    registration_register_visitor,
)
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, PENDING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.PENDING,
    RegistrationState.CANCELLED,
)


def people(*names):
    return [Person(name=n, email=f"{n.lower()}@example.nl") for n in names]


def register(event, org, user, *names):
    return registration_register_members(
        event=event, organisation=org, actor=user, people=people(*names)
    )


def test_a_visitor_holds_no_seat_until_the_email_is_confirmed(org_a, user_a, on_commit):
    event = EventFactory(capacity=1)
    with on_commit():
        visitor = registration_register_visitor(
            event=event, name="Piet", email="Piet@Example.nl", organisation_name="Kapsalon"
        )
    assert visitor.state == PENDING and visitor.sequence is None
    assert visitor.email == "piet@example.nl"
    assert mail.outbox[-1].to == ["piet@example.nl"]
    assert visitor.get_absolute_url() in mail.outbox[-1].body
    (member,) = register(event, org_a, user_a, "Anna")
    assert member.state == CONFIRMED  # the pending visitor did not keep the seat
    with on_commit():
        visitor = registration_confirm(registration=visitor)
    assert visitor.state == WAITING and visitor.sequence == 2
    assert "nummer 1 op de wachtlijst" in mail.outbox[-1].body


def test_confirming_gives_the_seat_when_one_is_free(on_commit):
    event = EventFactory(capacity=5)
    visitor = RegistrationFactory(event=event, pending=True)
    with on_commit():
        visitor = registration_confirm(registration=visitor)
    assert (visitor.state, visitor.sequence) == (CONFIRMED, 1)
    assert "U heeft een plaats" in mail.outbox[-1].body


def test_confirming_twice_changes_nothing(on_commit):
    visitor = RegistrationFactory(event=EventFactory(), pending=True)
    first = registration_confirm(registration=visitor)
    again = registration_confirm(registration=Registration.objects.get(pk=visitor.pk))
    assert (again.state, again.sequence) == (first.state, first.sequence) == (CONFIRMED, 1)


def test_members_register_several_people_seats_first_then_the_waiting_list(
    org_a, user_a, on_commit
):
    event = EventFactory(capacity=2)
    with on_commit():
        registrations = register(event, org_a, user_a, "Anna", "Bram", "Carla", "Daan")
    assert [(r.name, r.state, r.sequence) for r in registrations] == [
        ("Anna", CONFIRMED, 1),
        ("Bram", CONFIRMED, 2),
        ("Carla", WAITING, 3),
        ("Daan", WAITING, 4),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anna@example.nl",
        "bram@example.nl",
        "carla@example.nl",
        "daan@example.nl",
    ]


def test_the_same_person_cannot_register_twice(org_a, user_a, org_b, user_b):
    event = EventFactory()
    register(event, org_a, user_a, "Anna")
    with pytest.raises(ValidationError, match="anna@example.nl"):
        register(event, org_b, user_b, "Anna")
    with pytest.raises(ValidationError, match="anna@example.nl"):
        registration_register_visitor(
            event=event, name="Anna", email="ANNA@example.nl", organisation_name="X"
        )


def test_the_same_address_twice_in_one_request_is_refused(org_a, user_a):
    event = EventFactory()
    with pytest.raises(ValidationError, match="twee keer"):
        registration_register_members(
            event=event,
            organisation=org_a,
            actor=user_a,
            people=[Person("Anna", "a@x.nl"), Person("Anna B", "A@x.nl")],
        )
    assert not event.registrations.exists()


def test_a_cancelled_person_may_register_again(org_a, user_a):
    event = EventFactory()
    (anna,) = register(event, org_a, user_a, "Anna")
    registration_cancel(registration=anna)
    (again,) = register(event, org_a, user_a, "Anna")
    assert again.state == CONFIRMED and again.sequence == 2


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [(1, None, "nog niet open"), (None, -1, "gesloten"), (-5, -1, "gesloten")],
)
def test_registration_only_within_the_window(org_a, user_a, opens, closes, message):
    now = timezone.now()
    event = EventFactory(
        registration_opens_at=now + timedelta(days=opens) if opens else None,
        registration_closes_at=now + timedelta(days=closes) if closes else None,
    )
    with pytest.raises(ValidationError, match=message):
        register(event, org_a, user_a, "Anna")
    with pytest.raises(ValidationError, match=message):
        registration_register_visitor(event=event, name="P", email="p@x.nl", organisation_name="")


def test_nobody_registers_once_the_meeting_has_started(org_a, user_a):
    with pytest.raises(ValidationError, match="gesloten"):
        register(EventFactory(today=True), org_a, user_a, "Anna")


def test_visitors_cannot_register_for_members_only_meetings():
    with pytest.raises(ValidationError, match="Log in als lid"):
        registration_register_visitor(
            event=EventFactory(members_only=True), name="P", email="p@x.nl", organisation_name=""
        )


def test_only_invited_organisations_register_for_meetings_by_invitation(
    org_a, user_a, org_b, user_b
):
    event = EventFactory(invited_only=True)
    event.invited_organisations.add(org_a)
    (anna,) = register(event, org_a, user_a, "Anna")
    assert anna.state == CONFIRMED
    with pytest.raises(ValidationError, match="alleen voor uitgenodigde"):
        register(event, org_b, user_b, "Bram")


def test_cancelling_a_seat_promotes_the_first_waiting_and_mails_both(org_a, user_a, on_commit):
    event = EventFactory(capacity=1)
    anna, bram, carla = register(event, org_a, user_a, "Anna", "Bram", "Carla")
    mail.outbox.clear()
    with on_commit():
        registration_cancel(registration=anna)
    bram.refresh_from_db()
    carla.refresh_from_db()
    assert (bram.state, carla.state) == (CONFIRMED, WAITING)
    assert bram.promoted_at is not None
    assert {m.to[0]: m.subject for m in mail.outbox} == {
        "anna@example.nl": "[Olievlek] Aanmelding geannuleerd: " + event.title,
        "bram@example.nl": "[Olievlek] Er is een plaats vrijgekomen voor u: " + event.title,
    }


def test_cancelling_from_the_waiting_list_promotes_nobody(org_a, user_a):
    event = EventFactory(capacity=1)
    anna, bram, carla = register(event, org_a, user_a, "Anna", "Bram", "Carla")
    registration_cancel(registration=bram)
    carla.refresh_from_db()
    assert carla.state == WAITING
    assert event.registrations.filter(state=CONFIRMED).get() == anna


def test_cancelling_an_unconfirmed_visitor_sends_no_mail(on_commit):
    visitor = RegistrationFactory(event=EventFactory(), pending=True)
    with on_commit():
        registration_cancel(registration=visitor)
    assert mail.outbox == []
    assert Registration.objects.get(pk=visitor.pk).state == CANCELLED


def test_cancelling_twice_is_refused(org_a, user_a):
    (anna,) = register(EventFactory(), org_a, user_a, "Anna")
    registration_cancel(registration=anna)
    with pytest.raises(ValidationError, match="al geannuleerd"):
        registration_cancel(registration=anna)


def test_no_cancelling_after_the_start():
    registration = RegistrationFactory(event=EventFactory(today=True))
    with pytest.raises(ValidationError, match="begonnen"):
        registration_cancel(registration=registration)


def test_newcomers_never_jump_the_waiting_list(org_a, user_a):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, sequence=1)
    waiting = RegistrationFactory(event=event, waiting=True, sequence=2)
    # A seat freed outside the services (e.g. in the admin) is still given in order.
    event.registrations.filter(sequence=1).update(state=CANCELLED)
    (newcomer,) = register(event, org_a, user_a, "Anna")
    waiting.refresh_from_db()
    assert (waiting.state, newcomer.state, newcomer.sequence) == (CONFIRMED, WAITING, 3)


def test_more_places_promote_waiting_people_in_order(org_a, user_a, staff_user, on_commit):
    event = EventFactory(capacity=1)
    anna, bram, carla, daan = register(event, org_a, user_a, "Anna", "Bram", "Carla", "Daan")
    mail.outbox.clear()
    with on_commit():
        event_update(event=event, actor=staff_user, data={"capacity": 3}, themes=["apk"])
    states = dict(event.registrations.values_list("name", "state"))
    assert states == {"Anna": CONFIRMED, "Bram": CONFIRMED, "Carla": CONFIRMED, "Daan": WAITING}
    assert sorted(m.to[0] for m in mail.outbox) == ["bram@example.nl", "carla@example.nl"]
    event.refresh_from_db()
    assert event.sequence == 1  # calendar programs see the change


def test_fewer_places_than_seats_taken_is_refused(org_a, user_a, staff_user):
    event = EventFactory(capacity=3)
    register(event, org_a, user_a, "Anna", "Bram")
    with pytest.raises(ValidationError, match="2 mensen hebben al een plaats"):
        event_update(event=event, actor=staff_user, data={"capacity": 1}, themes=["apk"])
