"""The chain page's figures: the oil slick as generations, a drawing, and the numbers
the project team reports. Reads only; the structure comes from ``engines.spread``."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from olievlek.engines import spread
from olievlek.engines.reference import provinces
from olievlek.network.choices import Theme
from olievlek.network.models import Organisation

from .choices import MADE_STATES, MatchState, OfferStatus, RequestStatus
from .models import HelpRequest, Match, Offer, Pledge

RING = 70  # pixels between two generations in the drawing
MARGIN = 24
# Generation colours, each with at least 3:1 contrast against white (WCAG 1.4.11).
COLOURS = ["#8a4b00", "#00689d", "#4a7a1c", "#7a3e9d", "#b0005a", "#3c5a78", "#6b6b00"]


@dataclass
class Node:
    pk: int
    name: str
    slug: str
    generation: int
    x: float = 0.0
    y: float = 0.0
    colour: str = ""
    children: list[Node] = field(default_factory=list)
    completed: bool = False  # the match that brought it into the chain is completed
    pledged: bool = False


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    completed: bool


@dataclass
class ChainView:
    roots: list[Node]
    nodes: list[Node]
    edges: list[Edge]
    size: float
    rings: list[float]
    centre: float
    generations: list[dict]
    figures: dict
    pledges: dict
    per_province: list[dict]
    per_theme: list[dict]


def _made_matches():
    return Match.objects.filter(state__in=MADE_STATES).values_list(
        "mentor_id", "learner_id", "state"
    )


def chain_view() -> ChainView:
    rows = list(_made_matches())
    links = [spread.Link(str(m), str(lr), state == MatchState.COMPLETED) for m, lr, state in rows]
    chain = spread.build_chain(links)
    ids = [int(n) for n in chain.generation]
    orgs = {o.pk: o for o in Organisation.objects.filter(pk__in=ids).only("name", "slug")}
    pledgers = set(Pledge.objects.values_list("organisation_id", flat=True))
    completed_into = {lr for _m, lr, state in rows if state == MatchState.COMPLETED}
    positions = spread.ring_layout(chain, ring=RING)
    extent = max((math.hypot(p.x, p.y) for p in positions.values()), default=0) + MARGIN
    nodes: dict[str, Node] = {}
    for key, generation in chain.generation.items():
        org = orgs[int(key)]
        point = positions[key]
        nodes[key] = Node(
            pk=org.pk,
            name=org.name,
            slug=org.slug,
            generation=generation,
            x=round(point.x + extent, 1),
            y=round(point.y + extent, 1),
            colour=COLOURS[generation % len(COLOURS)],
            completed=org.pk in completed_into,
            pledged=org.pk in pledgers,
        )
    for key, kids in chain.children.items():
        nodes[key].children = sorted((nodes[k] for k in kids), key=lambda n: n.name)
    completed_pairs = {(str(m), str(lr)) for m, lr, state in rows if state == MatchState.COMPLETED}
    edges = [
        Edge(
            nodes[parent].x,
            nodes[parent].y,
            nodes[child].x,
            nodes[child].y,
            (parent, child) in completed_pairs,
        )
        for child, parent in chain.parent.items()
        if parent is not None
    ]
    generations = [
        {
            "number": g,
            "organisations": count,
            "colour": COLOURS[g % len(COLOURS)],
            "completed": sum(1 for n in nodes.values() if n.generation == g and n.completed),
            "pledged": sum(1 for n in nodes.values() if n.generation == g and n.pledged),
        }
        for g, count in enumerate(chain.per_generation())
    ]
    return ChainView(
        roots=sorted((nodes[r] for r in chain.roots), key=lambda n: n.name),
        nodes=sorted(nodes.values(), key=lambda n: (n.generation, n.name)),
        edges=edges,
        size=round(2 * extent, 1),
        centre=round(extent, 1),
        rings=[
            (g + (len(chain.roots) > 1)) * RING
            for g in range(chain.depth)
            if g + (len(chain.roots) > 1) > 0
        ],
        generations=generations,
        figures=report_figures(),
        pledges=pledge_figures(),
        per_province=province_figures(),
        per_theme=theme_figures(),
    )


def report_figures() -> dict:
    """The numbers the project team reports to the ministry."""
    taking_part = set(Offer.objects.values_list("organisation_id", flat=True)) | set(
        HelpRequest.objects.values_list("organisation_id", flat=True)
    )
    made = Match.objects.filter(state__in=MADE_STATES)
    completed_learners = set(
        Match.objects.filter(state=MatchState.COMPLETED).values_list("learner_id", flat=True)
    )
    passed_on = completed_learners & set(Pledge.objects.values_list("organisation_id", flat=True))
    share = round(100 * len(passed_on) / len(completed_learners)) if completed_learners else None
    return {
        "organisations": len(taking_part),
        "matches": made.count(),
        "completed": made.filter(state=MatchState.COMPLETED).count(),
        "proposed": Match.objects.filter(state=MatchState.PROPOSED).count(),
        "learners_completed": len(completed_learners),
        "became_mentors": len(passed_on),
        "share_mentors": share,
    }


def pledge_figures() -> dict:
    """A pledge is fulfilled when as many matches from its offer are completed as it
    pledged places."""
    pledges = Pledge.objects.select_related("offer").annotate(
        done=Count("offer__matches", filter=Q(offer__matches__state=MatchState.COMPLETED))
    )
    fulfilled = sum(1 for p in pledges if p.done >= p.places)
    total = len(pledges)
    return {
        "total": total,
        "fulfilled": fulfilled,
        "open": total - fulfilled,
        "places": sum(p.places for p in pledges),
        "places_given": sum(min(p.done, p.places) for p in pledges),
    }


def province_figures() -> list[dict]:
    mentors = Counter(
        Offer.objects.exclude(status=OfferStatus.WITHDRAWN).values_list(
            "organisation__province", flat=True
        )
    )
    learners = Counter(
        HelpRequest.objects.exclude(status=RequestStatus.WITHDRAWN).values_list(
            "organisation__province", flat=True
        )
    )
    made: Counter = Counter()
    completed: Counter = Counter()
    for province, state in Match.objects.filter(state__in=MADE_STATES).values_list(
        "learner__province", "state"
    ):
        made[province] += 1
        completed[province] += state == MatchState.COMPLETED
    return [
        {
            "code": code,
            "name": p["name"],
            "offers": mentors[code],
            "requests": learners[code],
            "matches": made[code],
            "completed": completed[code],
        }
        for code, p in provinces().items()
    ]


def theme_figures() -> list[dict]:
    offers: Counter = Counter()
    requests: Counter = Counter()
    matches: Counter = Counter()
    for themes in Offer.objects.filter(status=OfferStatus.OPEN).values_list("themes", flat=True):
        offers.update(themes)
    for themes in HelpRequest.objects.filter(status=RequestStatus.OPEN).values_list(
        "themes", flat=True
    ):
        requests.update(themes)
    for reasons in Match.objects.filter(state__in=MADE_STATES).values_list("reasons", flat=True):
        matches.update((reasons or {}).get("themes", []))
    return [
        {
            "code": code,
            "label": label,
            "offers": offers[code],
            "requests": requests[code],
            "matches": matches[code],
        }
        for code, label in Theme.choices
    ]


def public_summary() -> dict:
    counts = defaultdict(int, report_figures())
    counts["open_offers"] = Offer.objects.filter(status=OfferStatus.OPEN).count()
    counts["open_requests"] = HelpRequest.objects.filter(status=RequestStatus.OPEN).count()
    return dict(counts)
