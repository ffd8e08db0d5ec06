"""Offers, requests and exclusions as members write them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from olievlek.network.tests.factories import OrganisationFactory

from ..choices import MatchState, OfferStatus, RequestStatus
from ..models import Exclusion
from ..services import (
    OfferData,
    RequestData,
    exclusion_add,
    offer_create,
    offer_update,
    request_create,
    request_withdraw,
)
from .factories import HelpRequestFactory, MatchFactory, OfferFactory

pytestmark = pytest.mark.django_db


def test_an_offer_needs_themes_and_a_way_of_helping(org_a):
    with pytest.raises(ValidationError) as error:
        offer_create(
            organisation=org_a,
            data=OfferData(themes=[], offers_advice=False, offers_visit=False),
        )
    assert {"themes", "offers_advice"} <= set(error.value.message_dict)
    offer = offer_create(organisation=org_a, data=OfferData(themes=["apk"], offers_visit=True))
    assert (offer.places, offer.status) == (2, OfferStatus.OPEN)


def test_one_open_offer_and_one_active_request_per_organisation(org_a):
    offer_create(organisation=org_a, data=OfferData(themes=["apk"]))
    with pytest.raises(ValidationError, match="al een open hulpaanbod"):
        offer_create(organisation=org_a, data=OfferData(themes=["gezondheid"]))
    request_create(organisation=org_a, data=RequestData(themes=["apk"], question="Hoe?"))
    with pytest.raises(ValidationError, match="al een hulpvraag"):
        request_create(organisation=org_a, data=RequestData(themes=["apk"], question="Nog een"))


def test_a_pending_organisation_cannot_take_part():
    with pytest.raises(ValidationError):
        offer_create(organisation=OrganisationFactory(pending=True), data=OfferData(themes=["apk"]))


def test_places_cannot_drop_below_the_places_taken():
    offer = OfferFactory(places=3)
    MatchFactory(offer=offer, accepted=True)
    MatchFactory(offer=offer, accepted=True)
    with pytest.raises(ValidationError) as error:
        offer_update(offer=offer, data=OfferData(themes=offer.themes, places=1))
    assert "places" in error.value.message_dict
    assert offer_update(offer=offer, data=OfferData(themes=["apk"], places=2)).places == 2


def test_a_request_in_a_match_cannot_be_withdrawn():
    request = HelpRequestFactory(status=RequestStatus.MATCHED)
    with pytest.raises(ValidationError):
        request_withdraw(request=request)
    open_request = HelpRequestFactory()
    draft = MatchFactory(request=open_request, draft=True)
    request_withdraw(request=open_request)
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.WITHDRAWN
    assert not type(draft).objects.filter(pk=draft.pk, state=MatchState.DRAFT).exists()


def test_a_question_is_required_and_short(org_a):
    with pytest.raises(ValidationError) as error:
        request_create(organisation=org_a, data=RequestData(themes=["apk"], question="x" * 501))
    assert "question" in error.value.message_dict


def test_exclusions_refuse_oneself_and_duplicates(org_a, org_b):
    with pytest.raises(ValidationError):
        exclusion_add(organisation=org_a, excluded=org_a)
    exclusion_add(organisation=org_a, excluded=org_b)
    with pytest.raises(ValidationError):
        exclusion_add(organisation=org_a, excluded=org_b)
    assert Exclusion.objects.count() == 1
