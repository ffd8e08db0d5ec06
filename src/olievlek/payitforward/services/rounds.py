"""Match rounds: the engine proposes, the project team reviews and publishes.

A round takes a snapshot of the pool: open offers with room (places neither held by an
accepted match nor promised in a published proposal) and open requests. It excludes
pairs that an organisation has ruled out (either way) and pairs of organisations that
were matched before (either way, whatever came of it). The engine's proposals are stored
as drafts in one transaction; staff may remove or change single drafts, and publishing
turns them into proposals that both sides answer before the deadline.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record
from olievlek.engines import matching
from olievlek.network.choices import Status

from ..choices import MatchState, OfferStatus, Origin, RequestStatus, RoundState
from ..models import Exclusion, HelpRequest, Match, MatchRound, Offer
from .common import (
    are_excluded,
    learner_record,
    mentor_record,
    notify,
    offers_with_room,
    pair_score,
    reasons_for,
)

PROGRESS_STEP = 0.01


def round_start(*, actor, response_days: int = 14) -> MatchRound:
    """Queue a round. Only one round may be calculating or awaiting review at a time:
    its drafts are computed against the places that are free now."""
    if not 1 <= response_days <= 60:
        raise ValidationError({"response_days": _("Choose between 1 and 60 days.")})
    from ..tasks import run_match_round

    with transaction.atomic():
        busy = MatchRound.objects.select_for_update().filter(
            state__in=[RoundState.RUNNING, RoundState.READY]
        )
        if busy.exists():
            raise ValidationError(
                _("Another round is still being calculated or reviewed; finish that one first.")
            )
        match_round = MatchRound.objects.create(created_by=actor, response_days=response_days)
        audit_record(actor=actor, action="pif.round.start", target=match_round)
        transaction.on_commit(lambda: run_match_round.enqueue(match_round.pk))
    return match_round


def _pool(round_id: int | None = None):
    offers = offers_with_room(
        Offer.objects.filter(
            status=OfferStatus.OPEN, organisation__status=Status.APPROVED
        ).select_related("organisation"),
        round_id=round_id,
    ).order_by("pk")
    mentors = [(offer, offer.places - offer.busy) for offer in offers]
    requests = list(
        HelpRequest.objects.filter(status=RequestStatus.OPEN, organisation__status=Status.APPROVED)
        .select_related("organisation")
        .order_by("pk")
    )
    return [(o, room) for o, room in mentors if room > 0], requests


def _excluded_organisation_pairs(organisation_ids: set[int]) -> set[tuple[int, int]]:
    """Unordered pairs (as both orders) of organisations that must not be matched."""
    pairs: set[tuple[int, int]] = set()
    rows = Exclusion.objects.filter(organisation_id__in=organisation_ids).values_list(
        "organisation_id", "excluded_id"
    )
    earlier = (
        Match.objects.exclude(state=MatchState.DRAFT)
        .filter(Q(mentor_id__in=organisation_ids) | Q(learner_id__in=organisation_ids))
        .values_list("mentor_id", "learner_id")
    )
    for a, b in [*rows, *earlier]:
        pairs.add((a, b))
        pairs.add((b, a))
    return pairs


def build_instance(mentors, requests) -> matching.Instance:
    """The engine's problem for a pool: mentors with their room, learners, exclusions."""
    mentor_by_org: dict[int, list[str]] = defaultdict(list)
    learner_by_org: dict[int, list[str]] = defaultdict(list)
    for offer, _room in mentors:
        mentor_by_org[offer.organisation_id].append(f"offer-{offer.pk}")
    for request in requests:
        learner_by_org[request.organisation_id].append(f"request-{request.pk}")
    exclusions = set()
    for a, b in _excluded_organisation_pairs(set(mentor_by_org) | set(learner_by_org)):
        for mentor_id in mentor_by_org.get(a, ()):
            for learner_id in learner_by_org.get(b, ()):
                exclusions.add((mentor_id, learner_id))
    return matching.Instance(
        mentors=tuple(mentor_record(o, room) for o, room in mentors),
        learners=tuple(learner_record(r) for r in requests),
        exclusions=frozenset(exclusions),
    )


def _progress_writer(round_id: int):
    last = [-1.0]

    def write(fraction: float) -> None:
        if fraction - last[0] >= PROGRESS_STEP or fraction >= 1.0:
            last[0] = fraction
            MatchRound.objects.filter(pk=round_id, state=RoundState.RUNNING).update(
                progress=fraction
            )

    return write


def round_run(*, match_round: MatchRound) -> MatchRound:
    """Solve the pool and store the proposals as drafts (the background task's work)."""
    mentors, requests = _pool()
    instance = build_instance(mentors, requests)
    result = matching.solve(instance, progress=_progress_writer(match_round.pk))
    offers = {f"offer-{o.pk}": o for o, _room in mentors}
    by_request = {f"request-{r.pk}": r for r in requests}
    with transaction.atomic():
        match_round = MatchRound.objects.select_for_update().get(pk=match_round.pk)
        if match_round.state != RoundState.RUNNING:
            return match_round  # discarded while it was calculating
        Match.objects.bulk_create(
            [
                Match(
                    offer=offers[m.mentor],
                    request=by_request[m.learner],
                    mentor_id=offers[m.mentor].organisation_id,
                    learner_id=by_request[m.learner].organisation_id,
                    round=match_round,
                    origin=Origin.ROUND,
                    state=MatchState.DRAFT,
                    score=m.score,
                    reasons=reasons_for(offers[m.mentor], by_request[m.learner]),
                )
                for m in result.matches
            ]
        )
        match_round.state = RoundState.READY
        match_round.progress = 1.0
        match_round.offer_count = len(mentors)
        match_round.request_count = len(requests)
        match_round.total_score = result.total_score
        match_round.finished_at = timezone.now()
        match_round.save()
    return match_round


def round_fail(*, round_id: int, error: str) -> None:
    MatchRound.objects.filter(pk=round_id, state=RoundState.RUNNING).update(
        state=RoundState.FAILED, error=error[:2000], finished_at=timezone.now()
    )


def _draft(match: Match, match_round: MatchRound) -> Match:
    if match.round_id != match_round.pk or match.state != MatchState.DRAFT:
        raise ValidationError(_("This proposal is not part of the round."))
    if match_round.state != RoundState.READY:
        raise ValidationError(_("Only a round that awaits review can be changed."))
    return match


def proposal_remove(*, match: Match, actor) -> None:
    with transaction.atomic():
        match_round = MatchRound.objects.select_for_update().get(pk=match.round_id)
        _draft(match, match_round)
        audit_record(
            actor=actor, action="pif.proposal.remove", target=match_round, proposal=str(match)
        )
        match.delete()


def proposal_alternatives(*, match: Match) -> list[tuple[Offer, int]]:
    """Other offers that could take this learner in the round: eligible, not excluded,
    with room left; best score first."""
    mentors, _requests = _pool(round_id=match.round_id)
    request = match.request
    options = []
    for offer, _room in mentors:
        if offer.pk == match.offer_id:
            continue
        mentor, learner = mentor_record(offer, 1), learner_record(request)
        if matching.eligible(mentor, learner) and not are_excluded(
            offer.organisation, request.organisation
        ):
            options.append((offer, matching.score(mentor, learner)))
    options.sort(key=lambda pair: (-pair[1], pair[0].organisation.name, pair[0].pk))
    return options


def proposal_change(*, match: Match, offer: Offer, actor) -> Match:
    """Give a draft proposal another mentor, one that ``proposal_alternatives`` lists."""
    with transaction.atomic():
        match_round = MatchRound.objects.select_for_update().get(pk=match.round_id)
        match = _draft(Match.objects.get(pk=match.pk), match_round)
        if offer.pk not in {o.pk for o, _score in proposal_alternatives(match=match)}:
            raise ValidationError(
                {"offer": _("This mentor cannot take this learner (no room, or not eligible).")}
            )
        before = str(match)
        match.offer = offer
        match.mentor_id = offer.organisation_id
        match.score = pair_score(offer, match.request)
        match.reasons = reasons_for(offer, match.request)
        match.save(update_fields=["offer", "mentor", "score", "reasons"])
        audit_record(
            actor=actor,
            action="pif.proposal.change",
            target=match_round,
            before=before,
            after=str(match),
        )
    return match


def round_publish(*, match_round: MatchRound, actor) -> tuple[MatchRound, int]:
    """Turn the drafts into proposals and mail both sides. A draft whose request or
    offer changed since the calculation (withdrawn, matched elsewhere, full) is dropped;
    returns the round and the number dropped."""
    now = timezone.now()
    with transaction.atomic():
        match_round = MatchRound.objects.select_for_update().get(pk=match_round.pk)
        if match_round.state != RoundState.READY:
            raise ValidationError(_("Only a round that awaits review can be published."))
        deadline = now + timedelta(days=match_round.response_days)
        rooms = {o.pk: room for o, room in _pool()[0]}
        drafts = list(
            match_round.matches.filter(state=MatchState.DRAFT)
            .select_related("mentor", "learner", "request")
            .order_by("pk")
        )
        dropped = 0
        for match in drafts:
            request_open = HelpRequest.objects.filter(
                pk=match.request_id, status=RequestStatus.OPEN
            ).update(status=RequestStatus.MATCHED)
            if not request_open or rooms.get(match.offer_id, 0) <= 0:
                if request_open:
                    HelpRequest.objects.filter(pk=match.request_id).update(
                        status=RequestStatus.OPEN
                    )
                match.delete()
                dropped += 1
                continue
            rooms[match.offer_id] -= 1
            match.state = MatchState.PROPOSED
            match.deadline = deadline
            match.proposed_at = now
            match.save(update_fields=["state", "deadline", "proposed_at"])
            notify("proposed", [match.mentor, match.learner], {"match": match})
        match_round.state = RoundState.PUBLISHED
        match_round.published_at = now
        match_round.published_by = actor
        match_round.deadline = deadline
        match_round.save()
        audit_record(
            actor=actor,
            action="pif.round.publish",
            target=match_round,
            proposals=len(drafts) - dropped,
            dropped=dropped,
        )
    return match_round, dropped


def round_discard(*, match_round: MatchRound, actor) -> MatchRound:
    with transaction.atomic():
        match_round = MatchRound.objects.select_for_update().get(pk=match_round.pk)
        if match_round.state not in (RoundState.RUNNING, RoundState.READY, RoundState.FAILED):
            raise ValidationError(_("A published round cannot be discarded."))
        match_round.matches.filter(state=MatchState.DRAFT).delete()
        match_round.state = RoundState.DISCARDED
        match_round.finished_at = match_round.finished_at or timezone.now()
        match_round.save()
        audit_record(actor=actor, action="pif.round.discard", target=match_round)
    return match_round
