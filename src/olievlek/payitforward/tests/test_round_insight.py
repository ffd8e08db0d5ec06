"""A round's page: every request left without a proposal, with the reason, and a warning
about proposed organisations nobody can be mailed at."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.utils import translation

from olievlek.engines.unmatched import Reason

from ..round_insight import round_unmatched, unreachable_organisations
from ..services import round_start
from .factories import ExclusionFactory, HelpRequestFactory, OfferFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_round(staff_user, django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            match_round = round_start(actor=staff_user)
        match_round.refresh_from_db()
        return match_round

    return run


def test_each_unmatched_request_gets_its_reason(ready_round):
    mentor = member(name="Bakkerij", province="NL-UT")
    OfferFactory(organisation=mentor, themes=["gezondheid"], places=1)
    HelpRequestFactory(organisation=member(name="Eerste", province="NL-UT"), themes=["gezondheid"])
    HelpRequestFactory(organisation=member(name="Tweede", province="NL-UT"), themes=["gezondheid"])
    no_theme = HelpRequestFactory(organisation=member(name="Apk", province="NL-UT"), themes=["apk"])
    far = HelpRequestFactory(
        organisation=member(name="Ver", province="NL-GR"), themes=["gezondheid"]
    )
    excluded = HelpRequestFactory(
        organisation=member(name="Uitgesloten", province="NL-UT"), themes=["gezondheid"]
    )
    ExclusionFactory(organisation=excluded.organisation, excluded=mentor)
    reasons = {
        row.request.organisation.name: row.reason
        for row in round_unmatched(match_round=ready_round())
    }
    assert reasons.pop("Apk") == Reason.NO_THEME
    assert reasons.pop("Ver") == Reason.OUT_OF_REACH
    assert reasons.pop("Uitgesloten") == Reason.CONFLICT
    assert list(reasons.values()) == [Reason.NO_PLACE]  # one of the two, the offer is full
    assert no_theme and far


def test_the_round_page_lists_them_in_words(ready_round, client_for, staff_user):
    HelpRequestFactory(organisation=member(name="Apk", province="NL-UT"), themes=["apk"])
    match_round = ready_round()
    with translation.override("nl"):
        html = client_for(staff_user).get(f"/beheer/payitforward/rondes/{match_round.pk}/")
    assert "Apk" in html.content.decode()
    assert "ov-unmatched" in html.content.decode()


def test_unreachable_proposed_organisations_are_listed(ready_round):
    mentor = member(name="Bakkerij", province="NL-UT")
    OfferFactory(organisation=mentor, themes=["gezondheid"])
    learner = member(name="Zonder contact", province="NL-UT")
    HelpRequestFactory(organisation=learner, themes=["gezondheid"])
    EmailAddress.objects.filter(user__contact__organisation=learner).update(verified=False)
    unreachable = unreachable_organisations(match_round=ready_round())
    assert learner in unreachable and mentor not in unreachable
