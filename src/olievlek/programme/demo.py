"""Demo data of the programme: four lines, two partner organisations (one with a demo
login), a sounding-board proposal open for votes and a member's own activity waiting
for the project team. Rows are written directly, so loading sends no mail."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from olievlek.events.choices import EventKind, ReviewState
from olievlek.events.models import Event, EventTheme
from olievlek.knowledge.markdown import render_markdown
from olievlek.knowledge.search import search_index_line
from olievlek.network.choices import Source, Status
from olievlek.network.demo import _contact
from olievlek.network.models import Organisation
from olievlek.site.demo_logins import PARTNER_EMAIL

from .models import BoardProposal, ProgrammeLine, SoundingBoardSeat

LINES = [
    (
        "Gezond in bedrijf",
        "gezond-in-bedrijf",
        "Gezondheid op het werk: **verzuim voorkomen** en vitaal blijven in elke levensfase.",
    ),
    (
        "Leren en werken",
        "leren-en-werken",
        "Leren op de werkvloer, scholing en een *leven lang ontwikkelen*.",
    ),
    (
        "Arbeidsmobiliteit",
        "arbeidsmobiliteit",
        "Van werk naar werk: medewerkers vinden een nieuwe plek, in of buiten de sector.",
    ),
    (
        "Campagne mkb-federatie",
        "campagne-mkb-federatie",
        "De campagne van de mkb-federatie: posters, radiospots en bijeenkomsten voor het mkb.",
    ),
]


def _partner(name: str, slug: str, kvk: str, city: str) -> Organisation:
    return Organisation.objects.create(
        name=name,
        slug=slug,
        kvk_number=kvk,
        city=city,
        province="NL-UT",
        sector="S",
        size_class="midden",
        website=f"https://www.{slug}.example",
        status=Status.APPROVED,
        description=f"{name} is een fictieve partnerorganisatie in de demo van Olievlek.",
        is_partner=True,
        source=Source.REGISTRATION,
        reviewed_at=timezone.now(),
    )


def build(context: dict) -> None:
    staff, password = context["staff"], context["password"]
    federation = _partner("Mkb-federatie Midden", "mkb-federatie-midden", "30999001", "Utrecht")
    platform = _partner(
        "Platform Werk en Leren", "platform-werk-en-leren", "30999002", "Amersfoort"
    )
    _contact(federation, PARTNER_EMAIL, "Pieter", "Partner", password)
    _contact(platform, "contact@platform-werk-en-leren.example", "Lina", "de Vries", None)
    leads = {
        "gezond-in-bedrijf": {"lead_user": staff},
        "leren-en-werken": {"lead_organisation": platform},
        "arbeidsmobiliteit": {"lead_user": staff},
        "campagne-mkb-federatie": {"lead_organisation": federation},
    }
    lines = {}
    for name, slug, text in LINES:
        lines[slug] = ProgrammeLine.objects.create(
            name=name,
            slug=slug,
            description=text,
            description_html=render_markdown(text),
            **leads[slug],
        )
    now = timezone.now()
    upcoming = Event.objects.filter(starts_at__gt=now, review_state=ReviewState.PUBLISHED)
    for index, event in enumerate(upcoming.order_by("starts_at")[:8]):
        event.programme_lines.add(list(lines.values())[index % len(lines)])
    _tag_stories_and_offers(lines)
    organisations = context.get("organisations") or []
    for organisation in organisations[:5]:
        SoundingBoardSeat.objects.create(organisation=organisation)
    if context.get("bakery") is not None:
        SoundingBoardSeat.objects.get_or_create(organisation=context["bakery"])
    BoardProposal.objects.create(
        title="Thema voor de najaarsbijeenkomsten",
        draft=(
            "Het projectteam stelt voor om de najaarsbijeenkomsten te wijden aan "
            "arbeidsmobiliteit in het mkb. Bent u het daarmee eens?"
        ),
        deadline=now + timedelta(days=14),
        created_by=staff,
    )
    proposer = context.get("bakery") or (organisations[0] if organisations else federation)
    starts = (now + timedelta(days=45)).replace(hour=13, minute=0, second=0, microsecond=0)
    visit = Event.objects.create(
        kind=EventKind.KIJKJE,
        title=f"Kijkje in de keuken bij {proposer.name}",
        slug="kijkje-in-de-keuken-voorstel",
        description="Wij laten zien hoe wij met vaste werktijden het verzuim halveerden.",
        address="Bakkerstraat 1",
        city=proposer.city or "Utrecht",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=15,
        review_state=ReviewState.PENDING,
        proposed_by=proposer,
        created_by=proposer.contacts.first().user if proposer.contacts.exists() else None,
    )
    visit.hosts.add(proposer)
    EventTheme.objects.create(event=visit, theme="gezondheid")
    visit.programme_lines.add(lines["gezond-in-bedrijf"])
    # Tags were written directly: the search index learns the lines here, so that the
    # search's line filter finds them (`/zoeken/?q=werk&line=gezond-in-bedrijf`).
    for line in lines.values():
        search_index_line(line=line)


# The line a story or offer on a theme belongs to in the demo.
THEME_LINES = {
    "gezondheid": "gezond-in-bedrijf",
    "ontwikkeling": "leren-en-werken",
    "organisatie": "arbeidsmobiliteit",
    "apk": "arbeidsmobiliteit",
    "betrokkenheid": "campagne-mkb-federatie",
}


def _tag_stories_and_offers(lines: dict[str, ProgrammeLine]) -> None:
    """Published stories and open offers get the line of their first theme."""
    from olievlek.knowledge.choices import StoryStatus
    from olievlek.knowledge.models import Story
    from olievlek.payitforward.models import Offer

    stories = Story.objects.filter(status=StoryStatus.PUBLISHED).prefetch_related("theme_links")
    for story in stories.order_by("pk")[:40]:
        themes = sorted(story.themes)
        if themes:
            story.programme_lines.add(lines[THEME_LINES[themes[0]]])
    for offer in Offer.objects.order_by("pk")[:40]:
        themes = sorted(offer.themes or [])
        if themes and themes[0] in THEME_LINES:
            offer.programme_lines.add(lines[THEME_LINES[themes[0]]])
