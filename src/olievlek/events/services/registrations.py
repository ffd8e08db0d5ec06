"""Registering for a meeting, the waiting list, and cancelling.

Seats: only *confirmed* registrations hold a seat. A visitor's registration waits for
the email address to be confirmed and holds no seat meanwhile (an unconfirmed address
must not keep a real participant out); it joins the queue when confirmed. A member's
registration joins the queue at once: the member's own address is verified already.

Every change to the queue locks the meeting row (`select_for_update`), taken as late
as possible, after all checks that need no lock; under the lock the seats are counted
again. So parallel registrations are served one at a time, in the order they reach the
lock, and that order is stored as `sequence`: the first `capacity` get a seat, the rest
wait in that order. A cancellation promotes the first waiting person in the same
transaction; mails go out after commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.access import is_team
from olievlek.audit.services import audit_record
from olievlek.mail.selectors import recipient_limit_reached, recipient_mailed_within

from ..choices import ACTIVE_STATES, Audience, RegistrationState
from ..emails import mail_registration
from ..models import Event, Registration


@dataclass(frozen=True)
class Person:
    name: str
    email: str


def _check_open(event: Event) -> None:
    status = event.registration_status()
    if status == "not_yet":
        raise ValidationError(_("Registration for this meeting has not opened yet."))
    if status == "closed":
        raise ValidationError(_("Registration for this meeting is closed."))


def _check_member_audience(event: Event, organisation) -> None:
    if event.audience != Audience.INVITED:
        return
    invited = (
        event.organisation_id == organisation.pk
        or event.invited_organisations.filter(pk=organisation.pk).exists()
        or event.hosts.filter(pk=organisation.pk).exists()
    )
    if not invited:
        raise ValidationError(_("This meeting is for invited organisations only."))


def _clean_people(people: Sequence[Person]) -> list[Person]:
    if not people:
        raise ValidationError(_("Choose at least one person to register."))
    cleaned, seen = [], set()
    for person in people:
        name, email = person.name.strip(), person.email.strip().lower()
        if not name:
            raise ValidationError({"name": _("Give the name of every person.")})
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"email": _("%(email)s is not a valid email address.") % {"email": email}}
            ) from None
        if email in seen:
            raise ValidationError({"email": _("%(email)s appears twice.") % {"email": email}})
        seen.add(email)
        cleaned.append(Person(name=name, email=email))
    return cleaned


def _already_registered(event: Event, emails: Sequence[str]) -> list[str]:
    return sorted(
        event.registrations.filter(email__in=emails, state__in=ACTIVE_STATES).values_list(
            "email", flat=True
        )
    )


def _refuse_duplicates(event: Event, emails: Sequence[str]) -> None:
    taken = _already_registered(event, emails)
    if taken:
        raise ValidationError(
            {
                "email": _("Already registered for this meeting: %(emails)s.")
                % {"emails": ", ".join(taken)}
            }
        )


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _fill_free_seats(event: Event) -> list[Registration]:
    """Promote waiting people, first come first served, into free seats (event locked)."""
    if event.has_started:
        return []
    confirmed = event.registrations.filter(state=RegistrationState.CONFIRMED).count()
    free = event.capacity - confirmed
    if free <= 0:
        return []
    promoted = list(
        event.registrations.select_for_update()
        .filter(state=RegistrationState.WAITING)
        .order_by("sequence")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.state = RegistrationState.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["state", "promoted_at"])
        mail_registration("promoted", registration)
    return promoted


def _enqueue(event: Event, registrations: Sequence[Registration]) -> None:
    """Give each registration its arrival number and a seat or a waiting place (event
    locked). People already waiting go first: a newcomer never jumps the queue."""
    _fill_free_seats(event)
    confirmed = event.registrations.filter(state=RegistrationState.CONFIRMED).count()
    last = event.registrations.aggregate(last=Max("sequence"))["last"] or 0
    now = timezone.now()
    for registration in registrations:
        last += 1
        registration.sequence = last
        registration.queued_at = now
        if confirmed < event.capacity:
            registration.state = RegistrationState.CONFIRMED
            confirmed += 1
        else:
            registration.state = RegistrationState.WAITING
        registration.save()


def _mail_outcome(registration: Registration) -> None:
    if registration.state == RegistrationState.CONFIRMED:
        mail_registration("confirmed", registration)
    else:
        position = (
            Registration.objects.filter(
                event_id=registration.event_id,
                state=RegistrationState.WAITING,
                sequence__lt=registration.sequence,
            ).count()
            + 1
        )
        mail_registration("waiting", registration, position=position)


def registration_register_visitor(
    *, event: Event, name: str, email: str, organisation_name: str
) -> Registration:
    """A visitor's registration, pending until the address is confirmed through the mail."""
    if event.audience != Audience.PUBLIC:
        raise ValidationError(_("Log in as a member to register for this meeting."))
    _check_open(event)
    (person,) = _clean_people([Person(name=name, email=email)])
    _refuse_duplicates(event, [person.email])
    registration = Registration(
        event=event,
        name=person.name,
        email=person.email,
        organisation_name=organisation_name.strip(),
        state=RegistrationState.PENDING,
    )
    registration.full_clean(exclude=["token"])
    try:
        with transaction.atomic():
            registration.save()
            mail_registration("confirm_email", registration)
    except IntegrityError:  # a parallel request registered the same address first
        raise ValidationError(
            {"email": _("Already registered for this meeting: %(emails)s.") % {"emails": email}}
        ) from None
    return registration


def registration_confirm(*, registration: Registration) -> Registration:
    """The visitor followed the link: the registration joins the queue now."""
    if registration.state != RegistrationState.PENDING:
        if registration.state == RegistrationState.CANCELLED:
            raise ValidationError(_("This registration has been cancelled."))
        return registration  # confirming twice changes nothing
    if registration.event.has_started:
        raise ValidationError(_("Registration for this meeting is closed."))
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.state != RegistrationState.PENDING:
            return registration
        _enqueue(event, [registration])
        _mail_outcome(registration)
    return registration


def registration_register_members(
    *, event: Event, organisation, people: Sequence[Person], actor
) -> list[Registration]:
    """A member registers one or more people of its organisation; each gets a seat or a
    place on the waiting list, in the order given."""
    _check_open(event)
    _check_member_audience(event, organisation)
    people = _clean_people(people)
    _refuse_duplicates(event, [p.email for p in people])
    registrations = [
        Registration(
            event=event,
            organisation=organisation,
            registered_by=actor,
            name=p.name,
            email=p.email,
            organisation_name=organisation.name,
            state=RegistrationState.PENDING,
        )
        for p in people
    ]
    for registration in registrations:
        registration.full_clean(exclude=["token", "state"])
    try:
        with transaction.atomic():
            event = _lock(event)
            # Checked again under the lock: a colleague may have registered the same
            # person a moment ago.
            _refuse_duplicates(event, [p.email for p in people])
            _enqueue(event, registrations)
            for registration in registrations:
                _mail_outcome(registration)
    except IntegrityError:
        raise ValidationError(
            {"email": _("One of these people has just been registered by someone else.")}
        ) from None
    return registrations


def registration_cancel(*, registration: Registration, actor=None) -> Registration:
    """Cancel; a freed seat goes at once to the first person waiting, who is mailed."""
    if registration.state == RegistrationState.CANCELLED:
        raise ValidationError(_("This registration has already been cancelled."))
    if registration.event.has_started:
        raise ValidationError(
            _("The meeting has started; a registration can no longer be cancelled.")
        )
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.state == RegistrationState.CANCELLED:
            raise ValidationError(_("This registration has already been cancelled."))
        had_seat = registration.state == RegistrationState.CONFIRMED
        was_queued = registration.state != RegistrationState.PENDING
        registration.state = RegistrationState.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["state", "cancelled_at"])
        if had_seat:
            _fill_free_seats(event)
        if actor is not None and actor.is_authenticated and is_team(actor):
            audit_record(
                actor=actor, action="registration.cancel", target=event, name=registration.name
            )
        if was_queued:
            mail_registration("cancelled", registration)
    return registration


def promote_after_capacity_change(event: Event) -> list[Registration]:
    """After a meeting gets more places (event locked by the caller)."""
    return _fill_free_seats(event)


CONFIRM_MAIL_KIND = "events/emails/confirm_email"
RESEND_INTERVAL = timedelta(minutes=2)


def registration_resend_confirmation(*, registration: Registration) -> None:
    """Mail the confirmation link again to a visitor whose registration still waits for it.
    Not sooner than two minutes after the last one, and within the mail queue's limit per
    address (a visitor must not be able to flood someone's mailbox)."""
    if registration.state != RegistrationState.PENDING:
        raise ValidationError(_("This registration no longer waits for confirmation."))
    if registration.event.has_started:
        raise ValidationError(_("Registration for this meeting is closed."))
    if recipient_mailed_within(
        recipient=registration.email, kind=CONFIRM_MAIL_KIND, within=RESEND_INTERVAL
    ):
        raise ValidationError(
            _(
                "We sent you the email a moment ago. Please also look in your spam folder; "
                "you can ask for it again in a few minutes."
            )
        )
    if recipient_limit_reached(recipient=registration.email, kind=CONFIRM_MAIL_KIND):
        raise ValidationError(
            _("Several emails have been sent to this address in the last hour. Please try later.")
        )
    mail_registration("confirm_email", registration)
