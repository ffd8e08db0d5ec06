"""Reading programme lines and what belongs to them."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from olievlek.events.selectors import events_visible_to
from olievlek.knowledge.selectors import campaign_library, stories_published
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.payitforward.selectors import open_offers

from .models import ProgrammeLine


def lines_active() -> QuerySet[ProgrammeLine]:
    return ProgrammeLine.objects.filter(is_active=True).select_related(
        "lead_organisation", "lead_user"
    )


def line_choices() -> list[tuple[str, str]]:
    """(slug, name) of the active lines, for the filters of the directory and search."""
    return list(ProgrammeLine.objects.filter(is_active=True).values_list("slug", "name"))


def lines_all() -> QuerySet[ProgrammeLine]:
    return ProgrammeLine.objects.select_related("lead_organisation", "lead_user")


def line_public_get(*, slug: str) -> ProgrammeLine | None:
    return lines_active().filter(slug=slug).first()


def line_contents(*, line: ProgrammeLine, user) -> dict:
    """What a visitor may see of the line: coming meetings, published stories, the
    campaign material in the library and open Pay it Forward offers."""
    offer_ids = set(line.offers.values_list("pk", flat=True))
    return {
        "events": events_visible_to(user)
        .filter(programme_lines=line, ends_at__gt=timezone.now())
        .order_by("starts_at", "pk"),
        "stories": stories_published().filter(programme_lines=line),
        "campaign_items": campaign_library().filter(programme_lines=line),
        "offers": [o for o in open_offers() if o.pk in offer_ids],
    }


def organisations_of_line(*, slug: str) -> Q:
    """The organisations taking part in a line: they lead it, offer help on it, host or
    organise one of its meetings, or wrote one of its stories. A filter for the directory
    and the search; lines are not stored on organisations themselves, so taking part
    follows from what they actually do."""
    return (
        Q(led_programme_lines__slug=slug)
        | Q(pif_offers__programme_lines__slug=slug)
        | Q(organised_events__programme_lines__slug=slug)
        | Q(hosted_events__programme_lines__slug=slug)
        | Q(stories__programme_lines__slug=slug)
    )


def partner_organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(is_partner=True, status=Status.APPROVED)
        .prefetch_related("led_programme_lines")
        .order_by("name")
    )
