"""Twenty learners' proposals accepted at the same moment against a mentor with two
places: exactly two matches are made, the rest are refused with a clear message."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from olievlek.payitforward.choices import Answer, MatchState
from olievlek.payitforward.models import Match
from olievlek.payitforward.services import match_accept
from olievlek.payitforward.tests.factories import HelpRequestFactory, MatchFactory, OfferFactory

from .parallel import run_in_parallel

COUNT = 20


def test_twenty_simultaneous_accepts_fill_exactly_two_places():
    offer = OfferFactory(places=2)
    # Each learner asked directly, so its side has accepted; the mentor's acceptance
    # is the one that takes a place.
    matches = [
        MatchFactory(
            offer=offer,
            request=HelpRequestFactory(status="matched"),
            learner_answer=Answer.ACCEPTED,
        )
        for _ in range(COUNT)
    ]

    def accept(i: int):
        return match_accept(match=matches[i], organisation=offer.organisation)

    results = run_in_parallel(accept, COUNT)

    made = [r for r in results if isinstance(r, Match)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(made) == 2, results
    assert len(refused) == COUNT - 2, [
        r for r in results if not isinstance(r, (Match, ValidationError))
    ]
    assert all("plekken" in " ".join(r.messages) for r in refused)
    assert Match.objects.filter(offer=offer, state=MatchState.ACCEPTED).count() == 2
    assert Match.objects.filter(offer=offer, state=MatchState.PROPOSED).count() == COUNT - 2
