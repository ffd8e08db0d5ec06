"""After acceptance: plan the first meeting, log it, rate it, complete the match, and
pass it on (the pledge)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.network.models import Organisation
from olievlek.site.cache import bump

from ..choices import MatchState, Mode, OfferStatus, RequestStatus
from ..models import MAX_PLACES, PAST_PLAN, HelpRequest, Match, Offer, Pledge
from .common import notify
from .offers import OfferData, offer_create


def _locked(match: Match, organisation: Organisation) -> tuple[Match, str]:
    match = Match.objects.select_for_update().get(pk=match.pk)
    side = match.side_of(organisation)
    if side is None:
        raise PermissionDenied
    return match, side


def _check_rating(rating) -> None:
    if rating is None or not 1 <= int(rating) <= 5:
        raise ValidationError({"rating": _("Give a rating from 1 to 5.")})


def match_plan(
    *, match: Match, organisation: Organisation, planned_at: datetime, mode: str
) -> Match:
    if mode not in Mode.values:
        raise ValidationError({"mode": _("Choose advice or a visit.")})
    if planned_at < timezone.now():
        raise ValidationError({"planned_at": PAST_PLAN})
    with transaction.atomic():
        match, _side = _locked(match, organisation)
        if match.state not in (MatchState.ACCEPTED, MatchState.PLANNED):
            raise ValidationError(_("A meeting can be planned once both sides have accepted."))
        match.meeting_planned_at = planned_at
        match.meeting_mode = mode
        match.state = MatchState.PLANNED
        match.save(update_fields=["meeting_planned_at", "meeting_mode", "state"])
    return match


def match_log_meeting(
    *,
    match: Match,
    organisation: Organisation,
    held_on: date,
    mode: str,
    notes: str,
    rating: int | None = None,
) -> Match:
    """Record that the advice or visit took place, with this side's rating. A side rates
    once: logging the meeting again (to correct the date or notes) keeps the rating."""
    if mode not in Mode.values:
        raise ValidationError({"mode": _("Choose advice or a visit.")})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date lies in the future.")})
    with transaction.atomic():
        match, side = _locked(match, organisation)
        already_rated = match.rating_of(side) is not None
        if already_rated and rating is not None:
            raise ValidationError(
                {"rating": _("You have already rated this match; a rating is given once.")}
            )
        if not already_rated:
            _check_rating(rating)
        if match.state not in (MatchState.ACCEPTED, MatchState.PLANNED, MatchState.HELD):
            raise ValidationError(_("This match has no meeting to log."))
        if match.accepted_at and held_on < timezone.localdate(match.accepted_at):
            raise ValidationError({"held_on": _("The date lies before the match was made.")})
        match.held_on = held_on
        match.meeting_mode = mode
        match.notes = notes.strip()
        if not already_rated:
            setattr(match, f"{side}_rating", rating)
        match.state = MatchState.HELD
        match.save()
    return match


def match_rate(*, match: Match, organisation: Organisation, rating: int) -> Match:
    _check_rating(rating)
    with transaction.atomic():
        match, side = _locked(match, organisation)
        if match.state not in (MatchState.HELD, MatchState.COMPLETED):
            raise ValidationError(_("A match can be rated once the meeting has been held."))
        if match.rating_of(side) is not None:
            raise ValidationError(_("You have already rated this match; a rating is given once."))
        setattr(match, f"{side}_rating", rating)
        match.save(update_fields=[f"{side}_rating"])
    return match


def match_complete(*, match: Match, organisation: Organisation) -> Match:
    """Close a match whose meeting both sides have rated, and invite the learner to
    pass it on."""
    with transaction.atomic():
        match, _side = _locked(match, organisation)
        if match.state != MatchState.HELD:
            raise ValidationError(_("A match can be completed once the meeting has been held."))
        if match.mentor_rating is None or match.learner_rating is None:
            raise ValidationError(_("Both sides rate the meeting before the match is completed."))
        match.state = MatchState.COMPLETED
        match.completed_at = timezone.now()
        match.save(update_fields=["state", "completed_at"])
        transaction.on_commit(lambda: bump("chain"))
        HelpRequest.objects.filter(pk=match.request_id).update(status=RequestStatus.DONE)
        notify("completed", [match.learner], {"match": match})
        # Late import: the stories app builds on this one, not the other way round.
        from olievlek.knowledge.services import story_drafts_from_match

        story_drafts_from_match(match=match)
    return match


def pledge_create(*, match: Match, organisation: Organisation, data: OfferData) -> Pledge:
    """The learner passes it on: it pledges places and enters later rounds as a mentor.
    An organisation that already offers help adds the pledged places to that offer."""
    with transaction.atomic():
        match, side = _locked(match, organisation)
        if side != "learner":
            raise PermissionDenied
        if match.state != MatchState.COMPLETED:
            raise ValidationError(_("You can pass it on once the match has been completed."))
        if Pledge.objects.filter(match=match).exists():
            raise ValidationError(_("You have already passed this match on."))
        pledge = Pledge.objects.create(match=match, organisation=organisation, places=data.places)
        existing = (
            Offer.objects.select_for_update()
            .filter(organisation=organisation, status=OfferStatus.OPEN)
            .first()
        )
        if existing is None:
            offer_create(organisation=organisation, data=data, pledge=pledge)
        else:
            existing.places = min(MAX_PLACES, existing.places + data.places)
            existing.themes = sorted(set(existing.themes) | set(data.themes))
            if existing.pledge_id is None:
                existing.pledge = pledge
            existing.save()
        notify("pledged", [match.mentor], {"match": match, "pledge": pledge})
    return pledge
