"""What members write: offers of help, requests for help and exclusions."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.network.models import Organisation

from ..choices import MatchState, OfferStatus, RequestStatus
from ..models import Exclusion, HelpRequest, Match, Offer
from .common import held_places, notify


@dataclass(frozen=True, kw_only=True)
class OfferData:
    themes: list[str]
    places: int = 2
    offers_advice: bool = True
    offers_visit: bool = False
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class RequestData:
    themes: list[str]
    question: str
    preferred_mode: str = "either"


def _check_member(organisation: Organisation) -> None:
    if not organisation.is_approved:
        raise ValidationError(_("Only approved members of the network take part."))


def offer_create(*, organisation: Organisation, data: OfferData, pledge=None) -> Offer:
    _check_member(organisation)
    offer = Offer(organisation=organisation, pledge=pledge, **vars(data))
    offer.full_clean(exclude=["pledge"])
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError as error:
        # The partial unique index is the real guard when two requests race.
        raise ValidationError(
            _("Your organisation already has an open offer; change that one instead.")
        ) from error
    return offer


def offer_update(*, offer: Offer, data: OfferData) -> Offer:
    with transaction.atomic():
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        if offer.status != OfferStatus.OPEN:
            raise ValidationError(_("A withdrawn offer cannot be changed."))
        for name, value in vars(data).items():
            setattr(offer, name, value)
        offer.full_clean(exclude=["pledge"])
        taken = held_places(offer)
        if offer.places < taken:
            raise ValidationError(
                {
                    "places": _("%(count)d places are already taken; you cannot offer fewer.")
                    % {"count": taken}
                }
            )
        offer.save()
    return offer


def offer_withdraw(*, offer: Offer) -> Offer:
    """Stop offering. Matches already accepted go on; open proposals lapse and their
    learners return to the pool."""
    with transaction.atomic():
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        if offer.status != OfferStatus.OPEN:
            raise ValidationError(_("This offer has already been withdrawn."))
        offer.status = OfferStatus.WITHDRAWN
        offer.save(update_fields=["status", "updated_at"])
        lapsed = list(
            Match.objects.select_related("learner", "mentor").filter(
                offer=offer, state=MatchState.PROPOSED
            )
        )
        for match in lapsed:
            match.state = MatchState.CANCELLED
            match.closed_at = timezone.now()
            match.save(update_fields=["state", "closed_at"])
            HelpRequest.objects.filter(pk=match.request_id).update(status=RequestStatus.OPEN)
            notify("cancelled", [match.learner], {"match": match})
        Match.objects.filter(offer=offer, state=MatchState.DRAFT).delete()
    return offer


def request_create(*, organisation: Organisation, data: RequestData) -> HelpRequest:
    _check_member(organisation)
    request = HelpRequest(organisation=organisation, **vars(data))
    request.question = request.question.strip()
    request.full_clean()
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:
        raise ValidationError(
            _("Your organisation already has a request for help; change that one instead.")
        ) from error
    return request


def request_update(*, request: HelpRequest, data: RequestData) -> HelpRequest:
    with transaction.atomic():
        request = HelpRequest.objects.select_for_update().get(pk=request.pk)
        if request.status not in (RequestStatus.OPEN, RequestStatus.MATCHED):
            raise ValidationError(_("This request is closed and can no longer be changed."))
        for name, value in vars(data).items():
            setattr(request, name, value)
        request.question = request.question.strip()
        request.full_clean()
        request.save()
    return request


def request_withdraw(*, request: HelpRequest) -> HelpRequest:
    with transaction.atomic():
        request = HelpRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.OPEN:
            raise ValidationError(
                _(
                    "Only a request that is waiting for a mentor can be withdrawn; "
                    "answer or finish the match first."
                )
            )
        request.status = RequestStatus.WITHDRAWN
        request.save(update_fields=["status", "updated_at"])
        Match.objects.filter(request=request, state=MatchState.DRAFT).delete()
    return request


def exclusion_add(*, organisation: Organisation, excluded: Organisation) -> Exclusion:
    if excluded.pk == organisation.pk:
        raise ValidationError({"excluded": _("You are never matched with yourself.")})
    if Exclusion.objects.filter(organisation=organisation, excluded=excluded).exists():
        raise ValidationError({"excluded": _("This organisation is already on your list.")})
    return Exclusion.objects.create(organisation=organisation, excluded=excluded)


def exclusion_remove(*, exclusion: Exclusion) -> None:
    exclusion.delete()
