"""Reads of Pay it Forward for pages and the API. A member only ever reads through a
function that takes its organisation, so no page can show another's matches."""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _

from olievlek.engines.reference import provinces, sectors
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.site.prepared import PreparedQuery, first_only

from .choices import HOLDING_STATES, LIVE_STATES, MatchState, OfferStatus, RequestStatus
from .models import Exclusion, HelpRequest, Match, MatchRound, Offer, theme_labels


def reason_texts(reasons: dict) -> list[str]:
    """Why a pair fits, in words: shared themes, same sector, the provinces."""
    texts = []
    if reasons.get("themes"):
        texts.append(
            _("Shared themes: %(themes)s") % {"themes": ", ".join(theme_labels(reasons["themes"]))}
        )
    if reasons.get("same_sector"):
        name = sectors().get(reasons.get("sector", ""), "")
        texts.append(_("Same sector (%(sector)s)") % {"sector": name} if name else _("Same sector"))
    if reasons.get("same_size"):
        texts.append(_("Same size"))
    names = {code: p["name"] for code, p in provinces().items()}
    if reasons.get("province") == "same":
        texts.append(
            _("Same province (%(province)s)")
            % {"province": names.get(reasons["mentor_province"], "")}
        )
    elif reasons.get("province") == "neighbour":
        texts.append(
            _("Neighbouring provinces (%(a)s and %(b)s)")
            % {
                "a": names.get(reasons["mentor_province"], ""),
                "b": names.get(reasons["learner_province"], ""),
            }
        )
    return texts


def _with_parties(qs: QuerySet[Match]) -> QuerySet[Match]:
    return qs.select_related("mentor", "learner", "offer", "request", "round")


# --------------------------------------------------------------------------- members


def member_offers(*, organisation: Organisation) -> QuerySet[Offer]:
    return Offer.objects.filter(organisation=organisation).annotate(
        held=Count("matches", filter=Q(matches__state__in=HOLDING_STATES))
    )


_open_offer = PreparedQuery(
    lambda organisation_id: first_only(
        member_offers(organisation=organisation_id).filter(status=OfferStatus.OPEN)
    )
)


def member_open_offer(*, organisation: Organisation) -> Offer | None:
    found = _open_offer(organisation.pk)
    return found[0] if found else None


def member_requests(*, organisation: Organisation) -> QuerySet[HelpRequest]:
    return HelpRequest.objects.filter(organisation=organisation)


_active_request = PreparedQuery(
    lambda organisation_id: first_only(
        member_requests(organisation=organisation_id).filter(
            status__in=[RequestStatus.OPEN, RequestStatus.MATCHED]
        )
    )
)


def member_active_request(*, organisation: Organisation) -> HelpRequest | None:
    found = _active_request(organisation.pk)
    return found[0] if found else None


def _matches_of(organisation: Organisation) -> QuerySet[Match]:
    """The organisation's matches on either side; drafts of unpublished rounds are the
    project team's and never shown."""
    return Match.objects.filter(Q(mentor=organisation) | Q(learner=organisation)).exclude(
        state=MatchState.DRAFT
    )


def member_matches(*, organisation: Organisation) -> QuerySet[Match]:
    return _with_parties(_matches_of(organisation)).prefetch_related("pledge")


_match_overview = PreparedQuery(
    lambda organisation_id: (
        _matches_of(organisation_id)
        .select_related("mentor", "learner")
        .only("state", "deadline", "created_at", "mentor__name", "learner__name")
    )
)


def member_match_overview(*, organisation: Organisation) -> list[Match]:
    """`member_matches` as the overview (`/mijn/payitforward/`) lists them: the two
    parties' names, the state and the deadline; the member's most visited Pay it Forward
    page reads nothing more."""
    return _match_overview(organisation.pk)


def member_match(*, organisation: Organisation, pk: int) -> Match | None:
    return member_matches(organisation=organisation).filter(pk=pk).first()


def member_exclusions(*, organisation: Organisation) -> QuerySet[Exclusion]:
    return Exclusion.objects.filter(organisation=organisation).select_related("excluded")


def exclusion_candidates(*, organisation: Organisation) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(status=Status.APPROVED)
        .exclude(pk=organisation.pk)
        .exclude(pk__in=Exclusion.objects.filter(organisation=organisation).values("excluded"))
        .order_by("name")
    )


# --------------------------------------------------------------------------- public


def _open_offers():
    return (
        Offer.objects.filter(status=OfferStatus.OPEN, organisation__status=Status.APPROVED)
        .select_related("organisation")
        .annotate(held=Count("matches", filter=Q(matches__state__in=HOLDING_STATES)))
        .filter(places__gt=F("held"))
    )


def open_offers(*, theme: str = "", province: str = "") -> list[Offer]:
    """Open offers of approved organisations with a free place, for learners to choose
    a mentor from."""
    qs = _open_offers()
    if province:
        qs = qs.filter(organisation__province=province)
    # Themes are a JSON list; filtering in Python keeps SQLite and PostgreSQL alike.
    offers = [o for o in qs.order_by("organisation__name", "pk") if not theme or theme in o.themes]
    for offer in offers:
        offer.free = offer.places - offer.held
    return offers


def open_offer(*, pk: int) -> Offer | None:
    return _open_offers().filter(pk=pk).first()


# --------------------------------------------------------------------------- back office


def rounds_list() -> QuerySet[MatchRound]:
    return (
        MatchRound.objects.select_related("created_by")
        .annotate(proposal_count=Count("matches"))
        .order_by("-created_at", "-id")
    )


def round_proposals(*, match_round: MatchRound) -> QuerySet[Match]:
    return _with_parties(match_round.matches.all()).order_by("mentor__name", "learner__name", "pk")


def backoffice_matches(*, state: str = "") -> QuerySet[Match]:
    """Every match but the drafts of a round, newest first."""
    qs = _with_parties(Match.objects.exclude(state=MatchState.DRAFT))
    if state == "live":
        qs = qs.filter(state__in=LIVE_STATES)
    elif state:
        qs = qs.filter(state=state)
    return qs.order_by("-created_at", "-id")


def backoffice_counts() -> dict[str, int]:
    return {
        "open_offers": Offer.objects.filter(status=OfferStatus.OPEN).count(),
        "open_requests": HelpRequest.objects.filter(status=RequestStatus.OPEN).count(),
        "proposed": Match.objects.filter(state=MatchState.PROPOSED).count(),
        "running": Match.objects.filter(
            state__in=[MatchState.ACCEPTED, MatchState.PLANNED, MatchState.HELD]
        ).count(),
        "completed": Match.objects.filter(state=MatchState.COMPLETED).count(),
    }


def staff_match_choices():
    requests = (
        HelpRequest.objects.filter(status=RequestStatus.OPEN, organisation__status=Status.APPROVED)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    offers = open_offers()
    return requests, offers
