"""What the project team must know about a round before publishing it: the requests left
without a mentor (with the reason, from ``engines.unmatched``) and the proposed
organisations nobody can be mailed at (no contact person with a verified address)."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from olievlek.engines.unmatched import Reason, unmatched_reasons
from olievlek.network.models import Organisation

from .choices import MatchState, OfferStatus, RequestStatus
from .models import HelpRequest, MatchRound, Offer
from .services.common import offers_with_room
from .services.rounds import build_instance

REASON_TEXTS = {
    Reason.NO_THEME: _("No offer on its themes"),
    Reason.OUT_OF_REACH: _("Offers on its themes, but none in or next to its province"),
    Reason.CONFLICT: _(
        "Only offers it may not be matched with (own organisation, exclusion "
        "or an earlier match: conflict of interest)"
    ),
    Reason.NO_PLACE: _("No place left in the offers that fit"),
    Reason.NOT_CHOSEN: _("An offer that fits has room (a proposal was removed)"),
}


@dataclass(frozen=True)
class Unmatched:
    request: HelpRequest
    reason: str
    text: str


def round_unmatched(*, match_round: MatchRound) -> list[Unmatched]:
    """Every open request without a proposal in this (not yet published) round, with the
    reason, computed from the same pool the round solved (offers with no room included,
    so "no place left" can be told)."""
    if match_round.state != "ready":
        return []
    offers = offers_with_room(
        Offer.objects.filter(
            status=OfferStatus.OPEN, organisation__status="approved"
        ).select_related("organisation")
    ).order_by("pk")
    mentors = [(offer, max(0, offer.places - offer.busy)) for offer in offers]
    requests = list(
        HelpRequest.objects.filter(status=RequestStatus.OPEN, organisation__status="approved")
        .select_related("organisation")
        .order_by("pk")
    )
    drafts = list(
        match_round.matches.filter(state=MatchState.DRAFT).values_list("offer_id", "request_id")
    )
    instance = build_instance(mentors, requests)
    reasons = unmatched_reasons(instance, [(f"offer-{o}", f"request-{r}") for o, r in drafts])
    return [
        Unmatched(request=r, reason=reasons[key], text=str(REASON_TEXTS[reasons[key]]))
        for r in requests
        if (key := f"request-{r.pk}") in reasons
    ]


def unreachable_organisations(*, match_round: MatchRound) -> list[Organisation]:
    """Organisations in this round's proposals without a contact person whose email
    address is verified: a proposal to them would reach nobody."""
    ids = set()
    for mentor_id, learner_id in match_round.matches.values_list("mentor_id", "learner_id"):
        ids.update((mentor_id, learner_id))
    verified = EmailAddress.objects.filter(
        user__contact__organisation=OuterRef("pk"), verified=True
    )
    return list(
        Organisation.objects.filter(pk__in=ids)
        .annotate(reachable=Exists(verified))
        .filter(reachable=False)
        .order_by("name")
    )
