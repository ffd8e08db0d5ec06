"""Helpers shared by the Pay it Forward services: places, engine records, reasons and
emails. Private to the services package."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q

from olievlek.accounts.languages import send_in_language
from olievlek.engines import matching
from olievlek.engines.reference import neighbours
from olievlek.network.models import Organisation

from ..choices import HOLDING_STATES, MatchState
from ..models import HelpRequest, Match, Offer


def held_places(offer: Offer) -> int:
    """Places taken for good or for now: matches accepted by both, up to completed."""
    return Match.objects.filter(offer=offer, state__in=HOLDING_STATES).count()


def free_places(offer: Offer) -> int:
    return max(0, offer.places - held_places(offer))


def offers_with_room(offers, *, round_id: int | None = None):
    """Annotate ``room``: places neither held nor promised in a published proposal (nor,
    with ``round_id``, in that round's drafts). A round never proposes more than that."""
    busy = Q(matches__state__in=[*HOLDING_STATES, MatchState.PROPOSED])
    if round_id is not None:
        busy |= Q(matches__state=MatchState.DRAFT, matches__round_id=round_id)
    return offers.annotate(busy=Count("matches", filter=busy))


def mentor_record(offer: Offer, capacity: int) -> matching.Mentor:
    org = offer.organisation
    return matching.Mentor(
        id=f"offer-{offer.pk}",
        organisation=str(org.pk),
        province=org.province,
        sector=org.sector,
        size_class=org.size_class,
        themes=frozenset(offer.themes),
        capacity=max(0, capacity),
    )


def learner_record(request: HelpRequest) -> matching.Learner:
    org = request.organisation
    return matching.Learner(
        id=f"request-{request.pk}",
        organisation=str(org.pk),
        province=org.province,
        sector=org.sector,
        size_class=org.size_class,
        themes=frozenset(request.themes),
    )


def reasons_for(offer: Offer, request: HelpRequest) -> dict:
    """Why a pair fits, as data; the pages put it into words (``selectors.reason_texts``)."""
    mentor, learner = offer.organisation, request.organisation
    if mentor.province == learner.province:
        province = "same"
    elif learner.province in neighbours().get(mentor.province, frozenset()):
        province = "neighbour"
    else:
        province = ""
    return {
        "themes": sorted(set(offer.themes) & set(request.themes)),
        "same_sector": mentor.sector == learner.sector,
        "same_size": mentor.size_class == learner.size_class,
        "province": province,
        "mentor_province": mentor.province,
        "learner_province": learner.province,
        "sector": mentor.sector if mentor.sector == learner.sector else "",
    }


def pair_score(offer: Offer, request: HelpRequest) -> int:
    return matching.score(mentor_record(offer, 1), learner_record(request))


def pair_eligible(offer: Offer, request: HelpRequest, *, excluded: bool) -> bool:
    return not excluded and matching.eligible(
        mentor_record(offer, 1), learner_record(request), frozenset()
    )


def are_excluded(a: Organisation, b: Organisation) -> bool:
    """An exclusion either way, or an earlier match between the two (either way)."""
    from ..models import Exclusion

    pair = Q(organisation=a, excluded=b) | Q(organisation=b, excluded=a)
    if Exclusion.objects.filter(pair).exists():
        return True
    earlier = Q(mentor=a, learner=b) | Q(mentor=b, learner=a)
    return Match.objects.filter(earlier).exclude(state=MatchState.DRAFT).exists()


def contact_emails(organisations: Iterable[Organisation]) -> list[str]:
    return list(
        Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        .values_list("contacts__user__email", flat=True)
        .exclude(contacts__user__email=None)
    )


def notify(template: str, organisations: Iterable[Organisation], context: dict) -> None:
    """Mail the contacts of the organisations once the transaction has committed."""
    recipients = contact_emails(organisations)
    transaction.on_commit(
        lambda: send_in_language(
            template=f"payitforward/emails/{template}", recipients=recipients, context=context
        )
    )
