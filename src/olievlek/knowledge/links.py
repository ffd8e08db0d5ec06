"""Links to the apps this one only points at: meetings (events), Pay it Forward and
programme lines.

Both are optional for this app (they were built alongside it, and a deployment could
leave one out), so every function looks the other app up lazily and returns nothing
when it is not there. This is the one place that knows their models.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone


def _model(app_label: str, name: str):
    if not apps.is_installed(f"olievlek.{app_label}"):
        return None
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def event_model():
    return _model("events", "Event")


def public_events():
    """Meetings open to everyone (the only ones search and stories may show), or None
    without the meetings app."""
    Event = event_model()
    if Event is None:
        return None
    return Event.objects.filter(audience="public", review_state="published").prefetch_related(
        "themes"
    )


def events_by_ids(ids) -> list:
    """The public meetings among `ids`, by start."""
    ids = list(ids)
    events = public_events()
    if events is None or not ids:
        return []
    return list(events.filter(pk__in=ids).order_by("starts_at", "pk"))


def event_choices(limit: int = 200) -> list[tuple[int, str]]:
    """Public meetings a story may be linked to, most recent first, as form choices."""
    events = public_events()
    if events is None:
        return []
    return [
        (e.pk, f"{e.title} ({timezone.localtime(e.starts_at):%d-%m-%Y})")
        for e in events.order_by("-starts_at")[:limit]
    ]


def event_document(event) -> dict:
    """The searchable text of a meeting."""
    return {
        "title": event.title,
        "body": "\n".join(p for p in (event.description, event.venue, event.city) if p),
        "themes": [t.theme for t in event.themes.all()],
        "url": event.get_absolute_url(),
        "start": timezone.localtime(event.starts_at),
    }


def programme_installed() -> bool:
    return _model("programme", "ProgrammeLine") is not None


LineRef = tuple[int, str]  # (id, name) of a programme line


def lines_of(obj) -> tuple[LineRef, ...]:
    """The active programme lines a story or meeting is tagged with, by name (reads a
    prefetched `programme_lines` when there is one)."""
    if not programme_installed():
        return ()
    found = {(line.pk, line.name) for line in obj.programme_lines.all() if line.is_active}
    return tuple(sorted(found, key=lambda ref: (ref[1], ref[0])))


def line_options() -> list[tuple[int, str, str]]:
    """(id, slug, name) of the active lines: the choices of the search's line filter."""
    ProgrammeLine = _model("programme", "ProgrammeLine")
    if ProgrammeLine is None:
        return []
    return list(ProgrammeLine.objects.filter(is_active=True).values_list("pk", "slug", "name"))


def organisation_lines(organisation_ids=None) -> dict[int, tuple[LineRef, ...]]:
    """The active lines each organisation takes part in (as the directory's line filter
    defines it: `programme.selectors.organisations_of_line`), one query per line; limited
    to `organisation_ids` when given."""
    ProgrammeLine = _model("programme", "ProgrammeLine")
    if ProgrammeLine is None:
        return {}
    from olievlek.network.models import Organisation
    from olievlek.programme.selectors import organisations_of_line

    found: dict[int, list[LineRef]] = {}
    for pk, slug, name in ProgrammeLine.objects.filter(is_active=True).values_list(
        "pk", "slug", "name"
    ):
        members = Organisation.objects.filter(organisations_of_line(slug=slug))
        if organisation_ids is not None:
            members = members.filter(pk__in=list(organisation_ids))
        for organisation_id in set(members.values_list("pk", flat=True)):
            found.setdefault(organisation_id, []).append((pk, name))
    return {
        key: tuple(sorted(refs, key=lambda ref: (ref[1], ref[0]))) for key, refs in found.items()
    }


def line_tagged(line) -> dict[str, list[int]]:
    """The ids of what a line's tags reach in the search index: its stories, its meetings
    and the organisations taking part in it."""
    from olievlek.network.models import Organisation
    from olievlek.programme.selectors import organisations_of_line

    return {
        "story_ids": list(line.stories.values_list("pk", flat=True)),
        "event_ids": list(line.events.values_list("pk", flat=True)),
        "organisation_ids": list(
            Organisation.objects.filter(organisations_of_line(slug=line.slug))
            .values_list("pk", flat=True)
            .distinct()
        ),
    }


def organisations_behind(obj) -> list:
    """The organisations whose lines follow from `obj`: a story's author, a meeting's
    organiser and hosts, an offer's organisation."""
    label = obj._meta.label
    if label == "knowledge.Story":
        return [obj.organisation]
    if label == "events.Event":
        return ([obj.organisation] if obj.organisation_id else []) + list(obj.hosts.all())
    if label == "payitforward.Offer":
        return [obj.organisation]
    return []


@dataclass(frozen=True)
class HelpLink:
    """A way to learn from an organisation in person."""

    label: str
    url: str


def help_links(organisation) -> list[HelpLink]:
    """The organisation's open Pay it Forward offer (one-to-one advice and/or a *kijkje
    in de keuken*, a visit to see the approach at work) and the public visits it hosts
    that have not happened yet."""
    from django.utils.translation import gettext as _

    found: list[HelpLink] = []
    if _model("payitforward", "Offer") is not None:
        from olievlek.payitforward.selectors import member_open_offer

        offer = member_open_offer(organisation=organisation)
        if offer is not None:
            try:
                url = reverse("payitforward:member_ask", kwargs={"offer_pk": offer.pk})
            except NoReverseMatch:
                url = reverse("payitforward:offers")
            kinds = []
            if offer.offers_advice:
                kinds.append(_("advice"))
            if offer.offers_visit:
                kinds.append(_("a look in the kitchen"))
            found.append(
                HelpLink(
                    label=_("Pay it Forward: ask for %(kinds)s") % {"kinds": " / ".join(kinds)},
                    url=url,
                )
            )
    events = public_events()
    if events is not None:
        visits = events.filter(
            kind="kijkje", hosts=organisation, ends_at__gte=timezone.now()
        ).order_by("starts_at")[:3]
        for visit in visits:
            found.append(
                HelpLink(
                    label=_("Visit: %(title)s, %(date)s")
                    % {
                        "title": visit.title,
                        "date": f"{timezone.localtime(visit.starts_at):%d-%m-%Y}",
                    },
                    url=visit.get_absolute_url(),
                )
            )
    return found
