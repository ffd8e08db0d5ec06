"""Deterministic, fictional demo data for Pay it Forward.

A chain of four generations grows from the fictional front-runner Bakkerij De Korenaar,
next to three other front-runners; about thirty organisations take part and nineteen
matches are in every state of the lifecycle. Open offers and requests remain, so a
match round can be run in the demo. The bakery's contact (werkgever@olievlek.test) has
a direct question waiting for its answer.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from .choices import Answer, MatchState, Origin, RequestStatus, RoundState
from .models import Exclusion, HelpRequest, Match, MatchRound, Offer, Pledge
from .services.common import pair_score, reasons_for

NEAR_UTRECHT = {"NL-UT", "NL-GE", "NL-ZH", "NL-NH", "NL-FL"}
QUESTIONS = {
    "gezondheid": "Ons verzuim loopt op. Hoe begin je met vitaliteit op de werkvloer?",
    "ontwikkeling": "Hoe zorgen we dat ook oudere collega's blijven leren?",
    "apk": "Hoe voer je een goed loopbaangesprek zonder dat het een beoordeling wordt?",
    "betrokkenheid": "Hoe krijgen we leidinggevenden echt in gesprek met hun mensen?",
    "organisatie": "Hoe maak je roosters die ook werken voor mensen met zorgtaken?",
}
# (mentor, learner, state, theme): the chain as the demo shows it. Names are keys in
# the cast below; "bakery" is the front-runner everything grows from.
STORY = [
    ("bakery", "l1", "completed", "gezondheid"),
    ("bakery", "l2", "completed", "ontwikkeling"),
    ("bakery", "r0", "asked", "apk"),
    ("l1", "l3", "completed", "gezondheid"),
    ("l1", "l4", "completed", "gezondheid"),
    ("l2", "l5", "completed", "ontwikkeling"),
    ("l2", "l6", "held", "ontwikkeling"),
    ("l3", "l7", "completed", "gezondheid"),
    ("l3", "l8", "planned", "gezondheid"),
    ("l5", "l9", "accepted", "ontwikkeling"),
    ("l5", "l10", "proposed", "ontwikkeling"),
    ("l7", "l11", "proposed", "gezondheid"),
    ("k2", "l12", "completed", "betrokkenheid"),
    ("k2", "l13", "declined", "betrokkenheid"),
    ("l12", "l18", "completed", "betrokkenheid"),
    ("k3", "l14", "expired", "organisatie"),
    ("k3", "l15", "asked", "organisatie"),
    ("k3", "l17", "planned", "organisatie"),
    ("k4", "l19", "completed", "apk"),
]
PLEDGERS = {"l1", "l2", "l3", "l5", "l7", "l12", "l19"}
OFFER_THEMES = {
    "bakery": ["gezondheid", "ontwikkeling", "apk"],
    "k2": ["betrokkenheid", "apk"],
    "k3": ["organisatie", "gezondheid"],
    "k4": ["apk", "ontwikkeling"],
    "k5": ["gezondheid", "betrokkenheid"],
    "k6": ["ontwikkeling", "organisatie"],
}
OPEN_REQUESTS = {
    "o1": ["gezondheid"],
    "o2": ["ontwikkeling", "apk"],
    "o3": ["betrokkenheid"],
    "o4": ["organisatie", "gezondheid"],
    "o5": ["apk"],
}


def _cast(context: dict, rng: random.Random) -> dict:
    organisations = [o for o in context["organisations"] if o.pk != context["bakery"].pk]
    koplopers = [o for o in organisations if o.is_koploper and o.province in NEAR_UTRECHT]
    others = [o for o in organisations if not o.is_koploper and o.province in NEAR_UTRECHT]
    learners = sorted({lr for _m, lr, _s, _t in STORY if lr.startswith(("l", "r"))}) + sorted(
        OPEN_REQUESTS
    )
    chosen_k = rng.sample(koplopers, 5)
    chosen_l = rng.sample(others, len(learners))
    cast = {"bakery": context["bakery"]}
    cast.update(zip(["k2", "k3", "k4", "k5", "k6"], chosen_k, strict=True))
    cast.update(zip(learners, chosen_l, strict=True))
    return cast


def build(context: dict, *, seed: int = 2027) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    cast = _cast(context, rng)
    offers: dict[str, Offer] = {}

    def offer_of(key: str, themes: list[str], pledge: Pledge | None = None) -> Offer:
        if key not in offers:
            offers[key] = Offer.objects.create(
                organisation=cast[key],
                themes=themes,
                places=3 if key == "bakery" else 2,
                offers_advice=True,
                offers_visit=key in {"bakery", "k3", "l1", "l5"},
                description="Wij laten graag zien hoe wij het aanpakken, en wat we anders "
                "zouden doen als we opnieuw begonnen.",
                pledge=pledge,
            )
        return offers[key]

    for key, themes in OFFER_THEMES.items():
        if key in {"k5", "k6"}:
            continue  # created last, so they look like fresh offers
        offer_of(key, themes)
    old_round = MatchRound.objects.create(
        state=RoundState.PUBLISHED,
        progress=1.0,
        created_by=context["staff"],
        published_by=context["staff"],
        published_at=now - timedelta(days=5),
        finished_at=now - timedelta(days=5),
        deadline=now + timedelta(days=9),
    )
    for index, (mentor, learner, state, theme) in enumerate(STORY):
        if mentor not in offers:
            # A learner who passed it on: its offer comes from its pledge.
            pledge = Pledge.objects.get(organisation=cast[mentor])
            offer_of(mentor, sorted({theme, "apk"}), pledge)
        match = _match(
            offer=offers[mentor],
            learner=cast[learner],
            state=state,
            theme=theme,
            age=len(STORY) - index,
            now=now,
            round_=old_round,
        )
        if state == "completed" and learner in PLEDGERS:
            Pledge.objects.create(match=match, organisation=cast[learner], places=2)
    for key in sorted(PLEDGERS - offers.keys()):
        pledge = Pledge.objects.get(organisation=cast[key])
        offer_of(key, sorted({*pledge.match.request.themes, "organisatie"}), pledge)
    for key in ("k5", "k6"):
        offer_of(key, OFFER_THEMES[key])
    for key, themes in OPEN_REQUESTS.items():
        HelpRequest.objects.create(
            organisation=cast[key], themes=themes, question=QUESTIONS[themes[0]]
        )
    # A competitor the first open request does not want to learn from.
    Exclusion.objects.create(organisation=cast["o1"], excluded=cast["k5"])
    context["pif_cast"] = cast


def _match(*, offer, learner, state, theme, age, now, round_) -> Match:
    """One match in the given state, with dates that lie ``age`` weeks back."""
    start = now - timedelta(weeks=age)
    request_status = {
        "completed": RequestStatus.DONE,
        "declined": RequestStatus.OPEN,
        "expired": RequestStatus.OPEN,
    }.get(state, RequestStatus.MATCHED)
    request = HelpRequest.objects.create(
        organisation=learner, themes=[theme], question=QUESTIONS[theme], status=request_status
    )
    origin = {"asked": Origin.DIRECT, "proposed": Origin.ROUND}.get(
        state, Origin.ROUND if age % 3 else Origin.STAFF
    )
    match = Match(
        offer=offer,
        request=request,
        mentor=offer.organisation,
        learner=learner,
        origin=origin,
        round=round_ if state == "proposed" else None,
        score=pair_score(offer, request),
        reasons=reasons_for(offer, request),
        proposed_at=start,
        deadline=start + timedelta(days=14),
    )
    if state in ("proposed", "asked"):
        match.state = MatchState.PROPOSED
        match.proposed_at = now - timedelta(days=2)
        match.deadline = now + timedelta(days=12)
        if state == "asked":
            match.learner_answer = Answer.ACCEPTED
    elif state in ("declined", "expired"):
        match.state = MatchState.DECLINED if state == "declined" else MatchState.EXPIRED
        match.closed_at = start + timedelta(days=14 if state == "expired" else 4)
        if state == "declined":
            match.mentor_answer = Answer.DECLINED
            match.declined_by = "mentor"
            match.decline_reason = "Dit kwartaal hebben we geen ruimte; volgend jaar graag."
    else:
        match.mentor_answer = match.learner_answer = Answer.ACCEPTED
        match.accepted_at = start + timedelta(days=3)
        match.state = MatchState.ACCEPTED
        if state in ("planned", "held", "completed"):
            match.state = MatchState.PLANNED
            match.meeting_planned_at = start + timedelta(days=10)
            match.meeting_mode = "visit" if offer.offers_visit else "advice"
            if state == "planned" and match.meeting_planned_at < now:
                match.meeting_planned_at = now + timedelta(days=6)
        if state in ("held", "completed"):
            match.state = MatchState.HELD
            match.held_on = (start + timedelta(days=10)).date()
            match.notes = "Open gesprek; we nemen drie ideeën mee naar ons eigen team."
            match.mentor_rating = 5
        if state == "completed":
            match.state = MatchState.COMPLETED
            match.learner_rating = 4 + (age % 2)
            match.completed_at = start + timedelta(days=20)
    match.save()
    Match.objects.filter(pk=match.pk).update(created_at=match.proposed_at)
    return match
