"""Creating and changing meetings, by the project team or a partner."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from olievlek.accounts.access import is_team
from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from ..choices import RegistrationState, ReviewState
from ..models import Event, EventTheme
from ..models.events import NO_PLACES, PAST_CLOSE, PAST_START
from .registrations import promote_after_capacity_change

EDITABLE_FIELDS = (
    "kind",
    "title",
    "description",
    "venue",
    "address",
    "city",
    "province",
    "online_url",
    "starts_at",
    "ends_at",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "audience",
)


def _unique_slug(event: Event) -> str:
    day = timezone.localtime(event.starts_at).date().isoformat()
    base = f"{slugify(event.title)[:190] or 'bijeenkomst'}-{day}"
    taken = set(
        Event.objects.filter(slug__startswith=base)
        .exclude(pk=event.pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_relations(event: Event, *, themes: Iterable[str], hosts, invited, lines=None) -> None:
    wanted = set(themes)
    event.themes.exclude(theme__in=wanted).delete()
    existing = set(event.themes.values_list("theme", flat=True))
    EventTheme.objects.bulk_create(
        EventTheme(event=event, theme=t) for t in sorted(wanted - existing)
    )
    event.hosts.set(hosts)
    event.invited_organisations.set(invited)
    if lines is not None:
        event.programme_lines.set(lines)


def _same_minute(before, after) -> bool:
    """Forms give whole minutes: a time that only loses its seconds has not moved."""
    if not (isinstance(before, datetime) and isinstance(after, datetime)):
        return False
    return before.replace(second=0, microsecond=0) == after.replace(second=0, microsecond=0)


def _refuse_the_past(event: Event, fields: Iterable[str]) -> None:
    """A start or a registration deadline may not be set in the past. Checked here as
    well as in the form, so the API and imports cannot get around it."""
    now = timezone.now()
    errors = {}
    if "starts_at" in fields and event.starts_at and event.starts_at < now:
        errors["starts_at"] = PAST_START
    closes = event.registration_closes_at
    if "registration_closes_at" in fields and closes and closes < now:
        errors["registration_closes_at"] = PAST_CLOSE
    if event.capacity is not None and event.capacity < 1:
        errors["capacity"] = NO_PLACES
    if errors:
        raise ValidationError(errors)


def _reindex(event: Event) -> None:
    """Keep the site search current: public meetings are found, others are taken out, and
    the organisations behind the meeting take part in its programme lines."""
    from olievlek.knowledge.search import search_index_tagged

    search_index_tagged(obj=event)


def event_create(
    *,
    actor,
    organiser,
    data: Mapping,
    themes: Iterable[str] = (),
    hosts=(),
    invited=(),
    lines=None,
    proposed_by=None,
) -> Event:
    """A new meeting; `organiser` is the partner organisation (None for the project team),
    `proposed_by` the member that proposes to organise it itself. The project team's own
    meeting starts as a draft, a partner's meeting and a member's proposal wait for
    review: none is public until the project team publishes it."""
    event = Event(
        organisation=organiser,
        created_by=actor,
        proposed_by=proposed_by,
        review_state=ReviewState.DRAFT if is_team(actor) else ReviewState.PENDING,
        **{f: data[f] for f in EDITABLE_FIELDS if f in data},
    )
    _refuse_the_past(event, EDITABLE_FIELDS)
    event.slug = _unique_slug(event)
    event.full_clean()
    with transaction.atomic():
        event.save()
        _set_relations(event, themes=themes, hosts=hosts, invited=invited, lines=lines)
        if is_team(actor):
            audit_record(actor=actor, action="event.create", target=event)
        transaction.on_commit(lambda: _reindex(event))
        transaction.on_commit(lambda: bump("events"))
    return event


def event_update(
    *, event: Event, actor, data: Mapping, themes: Iterable[str], hosts=(), invited=(), lines=None
) -> Event:
    """Change a meeting. More places promote people from the waiting list; fewer places
    than people with a seat is refused (nobody loses a confirmed seat silently)."""
    changed = {}
    moved = set()
    for name in EDITABLE_FIELDS:
        if name in data and getattr(event, name) != data[name]:
            if not _same_minute(getattr(event, name), data[name]):
                moved.add(name)
            changed[name] = [str(getattr(event, name)), str(data[name])]
            setattr(event, name, data[name])
    _refuse_the_past(event, moved)
    event.full_clean(exclude=["slug"])
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        confirmed = locked.registrations.filter(state=RegistrationState.CONFIRMED).count()
        if event.capacity < confirmed:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(count)d people already have a seat; cancel registrations first "
                        "or keep at least that many places."
                    )
                    % {"count": confirmed}
                }
            )
        event.sequence = locked.sequence + 1
        event.save()
        _set_relations(event, themes=themes, hosts=hosts, invited=invited, lines=lines)
        if "capacity" in changed:
            promote_after_capacity_change(event)
        if is_team(actor):
            audit_record(actor=actor, action="event.update", target=event, changes=changed)
        transaction.on_commit(lambda: _reindex(event))
        transaction.on_commit(lambda: bump("events"))
    return event
