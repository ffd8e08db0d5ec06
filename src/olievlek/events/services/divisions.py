"""Dividing a group of invitees over sessions with the grouping engine.

Model → engine: each invitee is a participant (id ``i<pk>``, its sector, the sessions
it said it can attend); each session is a meeting (id ``e<pk>``) with the places that
are still free. The engine returns the lexicographic optimum (most placed, then
sectors spread most evenly), which staff may adjust before publishing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.engines import grouping

from ..choices import ACTIVE_STATES, DivisionState, EventKind, RegistrationState
from ..emails import mail_registration
from ..models import Division, DivisionInvitee, Event, Registration


def _session_id(event_pk: int) -> str:
    return f"e{event_pk}"


def _participant_id(invitee_pk: int) -> str:
    return f"i{invitee_pk}"


def _require_editable(division: Division) -> None:
    if not division.is_editable:
        raise ValidationError(_("This division has been published or is being calculated."))


def invitee_addresses(organisation) -> list[str]:
    """Where an invitation goes: the contact people, else the general address."""
    emails = [c.user.email for c in organisation.contacts.all()]
    return emails or ([organisation.email] if organisation.email else [])


def division_create(*, title: str, sessions: Iterable[Event], organisations, actor) -> Division:
    sessions, organisations = list(sessions), list(organisations)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the division a title.")
    if not sessions:
        errors["sessions"] = _("Choose at least one session.")
    elif any(s.kind != EventKind.SESSIE or s.has_started for s in sessions):
        errors["sessions"] = _("Choose sessions (by invitation) that have not started yet.")
    elif any(not s.is_published for s in sessions):
        # Invitees are placed in these meetings: they must be able to see them.
        errors["sessions"] = _("Publish the sessions first; a draft cannot be chosen.")
    if not organisations:
        errors["invitees"] = _("The group of invitees is empty.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        division = Division.objects.create(title=title.strip(), created_by=actor)
        division.sessions.set(sessions)
        DivisionInvitee.objects.bulk_create(
            DivisionInvitee(division=division, organisation=o) for o in organisations
        )
        audit_record(
            actor=actor, action="division.create", target=division, invitees=len(organisations)
        )
    return division


def division_send_invitations(*, division: Division, actor) -> int:
    """Mail every invitee its personal link; returns how many organisations were mailed."""
    _require_editable(division)
    invitees = list(
        division.invitees.select_related("organisation").prefetch_related(
            "organisation__contacts__user"
        )
    )
    sessions = list(division.sessions.order_by("starts_at"))
    mailed = 0
    with transaction.atomic():
        for invitee in invitees:
            recipients = invitee_addresses(invitee.organisation)
            if not recipients:
                continue
            mailed += 1
            context = {
                "division": division,
                "organisation": invitee.organisation,
                "sessions": sessions,
                "path": invitee.get_absolute_url(),
            }
            transaction.on_commit(
                lambda r=recipients, c=context: send_in_language(
                    template="events/emails/division_invitation", recipients=r, context=c
                )
            )
        division.invitations_sent_at = timezone.now()
        if division.state == DivisionState.DRAFT:
            division.state = DivisionState.COLLECTING
        division.save(update_fields=["invitations_sent_at", "state"])
        audit_record(actor=actor, action="division.invite", target=division, mailed=mailed)
    return mailed


def availability_set(*, invitee: DivisionInvitee, sessions: Iterable[Event]) -> DivisionInvitee:
    """The invitee's answer through its link; it may change it until publication."""
    division = invitee.division
    _require_editable(division)
    sessions = list(sessions)
    allowed = set(division.sessions.values_list("pk", flat=True))
    if any(s.pk not in allowed for s in sessions):
        raise ValidationError(_("Choose from the sessions of this invitation."))
    with transaction.atomic():
        invitee.available_sessions.set(sessions)
        invitee.responded_at = timezone.now()
        invitee.save(update_fields=["responded_at"])
    return invitee


def _free_places(sessions: Iterable[Event]) -> dict[int, int]:
    return {
        s.pk: max(0, s.capacity - s.registrations.filter(state=RegistrationState.CONFIRMED).count())
        for s in sessions
    }


def _instance(division: Division) -> tuple[grouping.Instance, list[DivisionInvitee], list[Event]]:
    sessions = list(division.sessions.order_by("starts_at", "pk"))
    free = _free_places(sessions)
    invitees = list(
        division.invitees.select_related("organisation")
        .prefetch_related("available_sessions")
        .order_by("pk")
    )
    instance = grouping.Instance(
        sessions=tuple(grouping.Session(_session_id(s.pk), free[s.pk]) for s in sessions),
        participants=tuple(
            grouping.Participant(
                _participant_id(i.pk),
                i.organisation.sector,
                tuple(
                    _session_id(s.pk)
                    for s in sorted(i.available_sessions.all(), key=lambda s: s.pk)
                ),
            )
            for i in invitees
        ),
    )
    return instance, invitees, sessions


def division_solve_start(*, division: Division, actor) -> Division:
    """Queue the calculation of a proposal (a background task with a progress bar)."""
    from ..tasks import solve_division

    with transaction.atomic():
        division = Division.objects.select_for_update().get(pk=division.pk)
        _require_editable(division)
        division.state = DivisionState.SOLVING
        division.progress = 0
        division.save(update_fields=["state", "progress"])
        audit_record(actor=actor, action="division.solve", target=division)
        transaction.on_commit(lambda: solve_division.enqueue(division.pk))
    return division


def division_solve(
    *, division: Division, progress: Callable[[float], None] | None = None
) -> Division:
    """Run the engine and store its proposal (called by the background task)."""

    def report(fraction: float) -> None:
        Division.objects.filter(pk=division.pk).update(progress=round(90 * fraction))
        if progress is not None:
            progress(fraction)

    instance, invitees, _sessions = _instance(division)
    result = grouping.solve(instance, progress=report)
    session_of = {a.participant: int(a.session[1:]) for a in result.assignments}
    with transaction.atomic():
        for invitee in invitees:
            invitee.assigned_session_id = session_of.get(_participant_id(invitee.pk))
        DivisionInvitee.objects.bulk_update(invitees, ["assigned_session"], batch_size=500)
        division.state = DivisionState.PROPOSED
        division.placed, division.imbalance = result.placed, result.imbalance
        division.progress = 100
        division.solved_at = timezone.now()
        division.save(update_fields=["state", "placed", "imbalance", "progress", "solved_at"])
    return division


def _store_score(division: Division) -> None:
    instance, invitees, _sessions = _instance(division)
    assignments = [
        grouping.Assignment(_participant_id(i.pk), _session_id(i.assigned_session_id))
        for i in invitees
        if i.assigned_session_id
    ]
    division.placed = len(assignments)
    division.imbalance = grouping.imbalance_of(instance, assignments)
    division.save(update_fields=["placed", "imbalance"])


class AvailabilityConflict(ValidationError):
    """The session does not suit what the invitee said it can attend; the move is still
    possible once the project team confirms it."""


def move_conflict(*, invitee: DivisionInvitee, session: Event | None) -> str:
    """Why `session` does not suit the invitee's availability, or "" when it does."""
    if session is None:
        return ""
    name = invitee.organisation.name
    if invitee.responded_at is None:
        return _(
            "%(name)s has not said yet which sessions it can attend; %(session)s may not suit it."
        ) % {"name": name, "session": session.title}
    available = sorted(invitee.available_sessions.all(), key=lambda s: (s.starts_at, s.pk))
    if any(s.pk == session.pk for s in available):
        return ""
    if not available:
        return _(
            "%(name)s said it cannot attend any of the sessions, so not %(session)s either."
        ) % {"name": name, "session": session.title}
    return _("%(name)s said it can attend only %(sessions)s, not %(session)s.") % {
        "name": name,
        "sessions": ", ".join(s.title for s in available),
        "session": session.title,
    }


def division_move(
    *, invitee: DivisionInvitee, session: Event | None, actor, confirmed: bool = False
) -> DivisionInvitee:
    """Put an invitee in another session (or none), within the session's free places. A
    session that does not suit its availability raises `AvailabilityConflict` naming the
    conflict, unless the project team has `confirmed` the move after that warning."""
    conflict = move_conflict(invitee=invitee, session=session)
    if conflict and not confirmed:
        raise AvailabilityConflict(conflict, code="availability")
    with transaction.atomic():
        division = Division.objects.select_for_update().get(pk=invitee.division_id)
        if division.state != DivisionState.PROPOSED:
            raise ValidationError(_("People can be moved once a proposal is ready."))
        if session is not None:
            if not division.sessions.filter(pk=session.pk).exists():
                raise ValidationError(_("Choose one of the sessions of this division."))
            taken = division.invitees.filter(assigned_session=session).exclude(pk=invitee.pk)
            if taken.count() >= _free_places([session])[session.pk]:
                raise ValidationError(
                    _("%(session)s is full; move someone out of it first.") % {"session": session}
                )
        invitee.assigned_session = session
        invitee.save(update_fields=["assigned_session"])
        _store_score(division)
        audit_record(
            actor=actor,
            action="division.move",
            target=division,
            organisation=invitee.organisation.name,
            session=str(session) if session else "",
            against_availability=bool(conflict),
        )
    return invitee


def _person(organisation) -> tuple[str, str] | None:
    contact = organisation.contacts.select_related("user").order_by("-is_primary", "pk").first()
    if contact:
        return contact.user.get_full_name() or contact.user.email, contact.user.email
    if organisation.email:
        return organisation.name, organisation.email
    return None


def division_publish(*, division: Division, actor) -> int:
    """Turn the proposal into confirmed registrations and mail them; returns how many."""
    with transaction.atomic():
        division = Division.objects.select_for_update().get(pk=division.pk)
        if division.state != DivisionState.PROPOSED:
            raise ValidationError(_("Only a proposal that is ready can be published."))
        invitees = list(
            division.invitees.filter(assigned_session__isnull=False).select_related(
                "organisation", "assigned_session"
            )
        )
        people = {i.pk: _person(i.organisation) for i in invitees}
        missing = sorted(i.organisation.name for i in invitees if people[i.pk] is None)
        if missing:
            raise ValidationError(
                _("No email address is known for: %(names)s. Add a contact person first.")
                % {"names": ", ".join(missing)}
            )
        # Lock the sessions in a fixed order, then check the places again: people may
        # have registered for a session since the proposal was made.
        sessions = list(Event.objects.select_for_update().filter(divisions=division).order_by("pk"))
        free = _free_places(sessions)
        for session in sessions:
            wanted = sum(1 for i in invitees if i.assigned_session_id == session.pk)
            if wanted > free[session.pk]:
                raise ValidationError(
                    _("%(session)s has %(free)d free places for %(wanted)d people.")
                    % {"session": session, "free": free[session.pk], "wanted": wanted}
                )
        now = timezone.now()
        created = 0
        for session in sessions:
            last = max(
                session.registrations.exclude(sequence=None).values_list("sequence", flat=True),
                default=0,
            )
            for invitee in (i for i in invitees if i.assigned_session_id == session.pk):
                name, email = people[invitee.pk]
                existing = session.registrations.filter(
                    email=email, state__in=ACTIVE_STATES
                ).first()
                if existing and existing.state == RegistrationState.CONFIRMED:
                    continue  # registered on their own already: the seat is theirs
                if existing:  # waiting or unconfirmed: the division gives the seat
                    if existing.sequence is None:
                        last += 1
                        existing.sequence, existing.queued_at = last, now
                    existing.state = RegistrationState.CONFIRMED
                    existing.save(update_fields=["state", "sequence", "queued_at"])
                    mail_registration("division_placed", existing, division=division)
                    created += 1
                    continue
                last += 1
                registration = Registration.objects.create(
                    event=session,
                    organisation=invitee.organisation,
                    registered_by=actor,
                    name=name,
                    email=email,
                    organisation_name=invitee.organisation.name,
                    state=RegistrationState.CONFIRMED,
                    sequence=last,
                    queued_at=now,
                )
                session.invited_organisations.add(invitee.organisation)
                mail_registration("division_placed", registration, division=division)
                created += 1
        division.state = DivisionState.PUBLISHED
        division.published_at = now
        division.save(update_fields=["state", "published_at"])
        audit_record(actor=actor, action="division.publish", target=division, registrations=created)
    return created
