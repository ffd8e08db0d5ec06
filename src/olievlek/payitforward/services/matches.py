"""Proposals outside rounds (by hand, or asked directly) and the answers to proposals:
accept, decline, expiry.

Capacity: a mentor's place is held once *both* sides have accepted. The acceptance that
completes a match locks the offer row (``select_for_update``, as late as possible: after
every check that needs no lock) and counts the held places again, so two acceptances at
the same moment can never take more places than the offer has.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record
from olievlek.network.models import Organisation
from olievlek.site.cache import bump
from olievlek.site.reasons import MailPreview, mail_preview, reason_clean

from ..choices import Answer, MatchState, OfferStatus, Origin, RequestStatus
from ..models import HelpRequest, Match, Offer
from .common import (
    are_excluded,
    contact_emails,
    free_places,
    held_places,
    notify,
    pair_score,
    reasons_for,
)

DEFAULT_RESPONSE_DAYS = 14


def _propose(
    *, offer: Offer, request: HelpRequest, origin: str, days: int, learner_answer: str
) -> Match:
    now = timezone.now()
    with transaction.atomic():
        # The request row is the learner's place in the pool: locking it keeps a learner
        # in at most one proposal when two proposals are made at once.
        request = HelpRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.OPEN:
            raise ValidationError(_("This request for help is already in a match or closed."))
        offer = Offer.objects.select_related("organisation").get(pk=offer.pk)
        if offer.status != OfferStatus.OPEN:
            raise ValidationError(_("This offer has been withdrawn."))
        if offer.organisation_id == request.organisation_id:
            raise ValidationError(_("An organisation cannot help itself."))
        if not set(offer.themes) & set(request.themes):
            raise ValidationError(_("The offer and the request have no theme in common."))
        if are_excluded(offer.organisation, request.organisation):
            raise ValidationError(
                _("These organisations do not want to be matched, or were matched before.")
            )
        if free_places(offer) <= 0:
            raise ValidationError(_("This mentor has no free places left."))
        match = Match.objects.create(
            offer=offer,
            request=request,
            mentor_id=offer.organisation_id,
            learner_id=request.organisation_id,
            origin=origin,
            state=MatchState.PROPOSED,
            score=pair_score(offer, request),
            reasons=reasons_for(offer, request),
            deadline=now + timedelta(days=days),
            proposed_at=now,
            learner_answer=learner_answer,
        )
        request.status = RequestStatus.MATCHED
        request.save(update_fields=["status", "updated_at"])
    return match


def match_propose_by_staff(
    *, offer: Offer, request: HelpRequest, actor, days: int = DEFAULT_RESPONSE_DAYS
) -> Match:
    """The project team matches by hand; both sides still have to accept."""
    if not 1 <= days <= 60:
        raise ValidationError({"days": _("Choose between 1 and 60 days.")})
    with transaction.atomic():
        match = _propose(
            offer=offer,
            request=request,
            origin=Origin.STAFF,
            days=days,
            learner_answer=Answer.PENDING,
        )
        audit_record(actor=actor, action="pif.match.propose", target=match)
        notify("proposed", [match.mentor, match.learner], {"match": match})
    return match


def match_ask(*, offer: Offer, request: HelpRequest, organisation: Organisation) -> Match:
    """A learner asks a mentor of its choice directly: the learner has accepted by
    asking, the mentor answers."""
    if request.organisation_id != organisation.pk:
        raise PermissionDenied
    with transaction.atomic():
        match = _propose(
            offer=offer,
            request=request,
            origin=Origin.DIRECT,
            days=DEFAULT_RESPONSE_DAYS,
            learner_answer=Answer.ACCEPTED,
        )
        notify("asked", [match.mentor], {"match": match})
    return match


def _side(match: Match, organisation: Organisation) -> str:
    side = match.side_of(organisation)
    if side is None:
        raise PermissionDenied
    return side


def _answerable(match: Match, side: str, now: datetime) -> None:
    if match.state != MatchState.PROPOSED:
        raise ValidationError(_("This proposal can no longer be answered."))
    if match.deadline is not None and now > match.deadline:
        raise ValidationError(_("The time to answer this proposal has passed."))
    if match.answer_of(side) != Answer.PENDING:
        raise ValidationError(_("You have already answered this proposal."))


def match_accept(*, match: Match, organisation: Organisation, now: datetime | None = None) -> Match:
    """Accept for one side. The second acceptance takes one of the mentor's places."""
    now = now or timezone.now()
    with transaction.atomic():
        match = Match.objects.select_for_update().get(pk=match.pk)
        side = _side(match, organisation)
        _answerable(match, side, now)
        other = "learner" if side == "mentor" else "mentor"
        setattr(match, f"{side}_answer", Answer.ACCEPTED)
        if match.answer_of(other) == Answer.ACCEPTED:
            offer = Offer.objects.select_for_update().get(pk=match.offer_id)
            if offer.status != OfferStatus.OPEN:
                raise ValidationError(_("The mentor has withdrawn its offer."))
            if held_places(offer) >= offer.places:
                raise ValidationError(_("All places of this mentor have been taken meanwhile."))
            match.state = MatchState.ACCEPTED
            match.accepted_at = now
            transaction.on_commit(lambda: bump("chain"))
            notify(
                "accepted",
                [match.mentor, match.learner],
                {"match": match, "mentor": match.mentor, "learner": match.learner},
            )
        elif free_places(match.offer) <= 0:
            raise ValidationError(_("All places of this mentor have been taken meanwhile."))
        match.save(update_fields=["mentor_answer", "learner_answer", "state", "accepted_at"])
    return match


def _close(match: Match, state: str, now: datetime) -> None:
    match.state = state
    match.closed_at = now
    # The learner goes back into the pool for the next round.
    HelpRequest.objects.filter(pk=match.request_id, status=RequestStatus.MATCHED).update(
        status=RequestStatus.OPEN, updated_at=now
    )


def _decline_reason(reason: str) -> str:
    return reason_clean(reason, empty_message=_("Give a reason; it helps the project team."))


def match_decline_preview(*, match: Match, organisation: Organisation, reason: str) -> MailPreview:
    """The mail the other side would get if `organisation` declined with this reason."""
    reason = _decline_reason(reason)
    side = _side(match, organisation)
    other = match.learner if side == "mentor" else match.mentor
    shown = copy.copy(match)  # the mail reads the reason from the match; nothing is saved
    shown.decline_reason = reason
    return mail_preview(
        template="payitforward/emails/declined",
        recipients=contact_emails([other]),
        context={"match": shown},
    )


def match_decline(*, match: Match, organisation: Organisation, reason: str) -> Match:
    reason = _decline_reason(reason)
    now = timezone.now()
    with transaction.atomic():
        match = Match.objects.select_for_update().get(pk=match.pk)
        side = _side(match, organisation)
        if match.state != MatchState.PROPOSED:
            raise ValidationError(_("This proposal can no longer be answered."))
        setattr(match, f"{side}_answer", Answer.DECLINED)
        match.declined_by = side
        match.decline_reason = reason
        _close(match, MatchState.DECLINED, now)
        match.save()
        other = match.learner if side == "mentor" else match.mentor
        notify("declined", [other], {"match": match})
    return match


def matches_expire(*, now: datetime | None = None) -> int:
    """Close proposals whose deadline has passed; their learners return to the pool.
    Run by ``olievlek payitforward_expire`` (e.g. every hour from cron)."""
    now = now or timezone.now()
    expired = 0
    due = Match.objects.filter(state=MatchState.PROPOSED, deadline__lt=now).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            match = Match.objects.select_for_update().get(pk=pk)
            if match.state != MatchState.PROPOSED or match.deadline >= now:
                continue  # answered meanwhile
            _close(match, MatchState.EXPIRED, now)
            match.save(update_fields=["state", "closed_at"])
            notify("expired", [match.mentor, match.learner], {"match": match})
            expired += 1
    return expired
