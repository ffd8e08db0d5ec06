"""Reads of meetings. The calendar page, the iCal feed and the API filter through the
same functions, so they can never disagree about who sees which meeting."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from olievlek.accounts.access import is_team
from olievlek.network.selectors import organisation_of_user, user_is_member
from olievlek.site.prepared import PreparedQuery

from .choices import Audience, RegistrationState, ReviewState
from .models import Event, EventTheme, FollowUp, Registration

WHEN_CHOICES = ("upcoming", "past")
SORTS = {
    "datum": ("starts_at", "id"),
    "-datum": ("-starts_at", "-id"),
    "titel": ("title", "id"),
}


@dataclass(frozen=True, kw_only=True)
class CalendarFilters:
    """The calendar's query; empty values mean "any"."""

    theme: str = ""
    province: str = ""
    kind: str = ""
    when: str = "upcoming"


def _with_counts(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__state=RegistrationState.CONFIRMED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__state=RegistrationState.WAITING)
        ),
    ).prefetch_related(Prefetch("themes", queryset=EventTheme.objects.order_by("theme")))


def _related_to(organisation) -> Q:
    """Meetings an organisation is invited to, hosts or organises."""
    invited = Event.invited_organisations.through.objects.filter(
        event=OuterRef("pk"), organisation=organisation
    )
    hosting = Event.hosts.through.objects.filter(event=OuterRef("pk"), organisation=organisation)
    return Exists(invited) | Exists(hosting) | Q(organisation=organisation)


def events_visible_to(user) -> QuerySet[Event]:
    """Public meetings for everyone; members-only meetings for members; meetings by
    invitation for the invited, the hosts and the organiser; everything for staff.
    Meetings waiting for review (or rejected) are seen by the project team only."""
    events = Event.objects.all()
    if user.is_authenticated and is_team(user):
        return events
    events = events.filter(review_state=ReviewState.PUBLISHED)
    visible = Q(audience=Audience.PUBLIC)
    if user_is_member(user):
        organisation = organisation_of_user(user)
        visible |= Q(audience=Audience.MEMBERS) | _related_to(organisation)
    return events.filter(visible)


def event_calendar(*, user, filters: CalendarFilters) -> QuerySet[Event]:
    events = events_visible_to(user)
    if filters.theme:
        events = events.filter(
            Exists(EventTheme.objects.filter(event=OuterRef("pk"), theme=filters.theme))
        )
    if filters.province:
        events = events.filter(province=filters.province)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    now = timezone.now()
    if filters.when == "past":
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    else:
        events = events.filter(ends_at__gt=now).order_by("starts_at", "id")
    return _with_counts(events)


def event_visible_get(*, user, slug: str) -> Event | None:
    return (
        _with_counts(events_visible_to(user).filter(slug=slug))
        .prefetch_related("hosts")
        .select_related("organisation")
        .first()
    )


def public_feed_events() -> QuerySet[Event]:
    """The subscribable feed: public meetings of the past year and all upcoming ones."""
    since = timezone.now() - timezone.timedelta(days=365)
    return (
        Event.objects.filter(
            audience=Audience.PUBLIC, review_state=ReviewState.PUBLISHED, ends_at__gte=since
        )
        .prefetch_related("themes", "hosts")
        .order_by("starts_at", "id")
    )


def seat_counts(event: Event) -> dict[str, int]:
    counts = dict(
        event.registrations.values_list("state").annotate(n=Count("id")).values_list("state", "n")
    )
    confirmed = counts.get(RegistrationState.CONFIRMED, 0)
    return {
        "confirmed": confirmed,
        "waiting": counts.get(RegistrationState.WAITING, 0),
        "pending": counts.get(RegistrationState.PENDING, 0),
        "cancelled": counts.get(RegistrationState.CANCELLED, 0),
        "free": max(0, event.capacity - confirmed),
    }


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person on the waiting list."""
    if registration.state != RegistrationState.WAITING:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            state=RegistrationState.WAITING,
            sequence__lt=registration.sequence,
        ).count()
        + 1
    )


def event_registrations(*, event: Event, state: str = "", q: str = "") -> QuerySet[Registration]:
    registrations = event.registrations.select_related("organisation").order_by(
        "sequence", "created_at", "id"
    )
    if q:
        registrations = registrations.filter(
            Q(name__icontains=q) | Q(email__icontains=q) | Q(organisation__name__icontains=q)
        )
    return registrations.filter(state=state) if state else registrations


def checkin_list(*, event: Event) -> QuerySet[Registration]:
    """Everyone with a seat, alphabetically by name (how people are found at the door)."""
    return (
        event.registrations.filter(state=RegistrationState.CONFIRMED)
        .select_related("organisation")
        .order_by("name", "id")
    )


def organisation_registrations(*, organisation) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(organisation=organisation)
        .exclude(state=RegistrationState.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at", "name", "id")
    )


_registrations = PreparedQuery(
    lambda organisation_id: organisation_registrations(organisation=organisation_id)
)
_follow_ups = PreparedQuery(
    lambda organisation_id: FollowUp.objects.filter(organisation=organisation_id).select_related(
        "event"
    )
)


def organisation_registration_list(*, organisation) -> list[Registration]:
    """`organisation_registrations`, for the member's own page (compiled once)."""
    return _registrations(organisation.pk)


def follow_up_candidates(*, organisation) -> QuerySet[Event]:
    """Started meetings at which the organisation had a seat: it may log actions for them."""
    return (
        Event.objects.filter(
            starts_at__lte=timezone.now(),
            registrations__organisation=organisation,
            registrations__state=RegistrationState.CONFIRMED,
        )
        .distinct()
        .order_by("-starts_at")
    )


def follow_up_possible(*, registrations: list[Registration], now) -> bool:
    """What `follow_up_candidates(...).exists()` answers, from the organisation's
    registrations already loaded (`organisation_registrations`): no query of its own."""
    return any(
        r.state == RegistrationState.CONFIRMED and r.event.starts_at <= now for r in registrations
    )


def organisation_follow_ups(*, organisation) -> list[FollowUp]:
    return _follow_ups(organisation.pk)


def event_follow_ups(*, event: Event) -> QuerySet[FollowUp]:
    return event.follow_ups.select_related("registration", "organisation").order_by(
        "done_at", "due_date", "id"
    )


def manageable_events(
    *, user, partner, q: str = "", when: str = "", sort: str = "datum", review: str = ""
):
    """The meetings on the management list: all for staff, a partner's own otherwise."""
    events = Event.objects.all() if partner is None else Event.objects.filter(organisation=partner)
    if review in ReviewState.values:
        events = events.filter(review_state=review)
    if q:
        events = events.filter(Q(title__icontains=q) | Q(city__icontains=q))
    now = timezone.now()
    if when == "upcoming":
        events = events.filter(ends_at__gt=now)
    elif when == "past":
        events = events.filter(ends_at__lte=now)
    return _with_counts(events).order_by(*SORTS.get(sort, SORTS["datum"]))


def event_calendar_all(*, user) -> QuerySet[Event]:
    """Every meeting `user` may see, past and upcoming, with counts (for the API)."""
    return _with_counts(events_visible_to(user))


def network_initiatives_count(*, since=None) -> int:
    """Published meetings that members proposed and organise themselves: follow-up
    activity taken up by the network (for the impact figures)."""
    events = Event.objects.filter(proposed_by__isnull=False, review_state=ReviewState.PUBLISHED)
    if since is not None:
        events = events.filter(starts_at__gte=since)
    return events.count()


def review_queue() -> QuerySet[Event]:
    """Meetings by partners and members' proposals waiting for the project team."""
    return (
        Event.objects.filter(review_state=ReviewState.PENDING)
        .select_related("organisation", "proposed_by")
        .order_by("created_at", "id")
    )


def proposals_of(*, organisation) -> QuerySet[Event]:
    return Event.objects.filter(proposed_by=organisation).order_by("-created_at", "-id")
